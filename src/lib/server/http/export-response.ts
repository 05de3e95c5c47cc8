import type { ExportFormat } from '$lib/export-files';
import { csvDocument } from '../export/csv';
import type { ExportDocument } from '../export/document';
import { xlsxStream } from '../export/xlsx';

const CONTENT_TYPE: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/**
 * An export as a download in the format asked for, streamed as it is written, for the dashboard's links and the API
 * alike. A chamber's figures or its members' contacts, so a shared cache never keeps it.
 */
export function exportResponse(document: ExportDocument, format: ExportFormat): Response {
	const body = format === 'csv' ? csvDocument(document) : xlsxStream(document);
	return new Response(body, {
		headers: {
			'content-type': CONTENT_TYPE[format],
			'content-disposition': `attachment; filename="${document.fileName}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
}

import { error } from '@sveltejs/kit';
import { ReportQueueFull } from '../report';

/** A report drawn by the render queue; a full queue is a 503 "Busy" (try again shortly), not a server error. */
export async function renderedPdf(
	rendering: Promise<Uint8Array<ArrayBuffer>>
): Promise<Uint8Array<ArrayBuffer>> {
	try {
		return await rendering;
	} catch (failure) {
		if (failure instanceof ReportQueueFull) error(503, 'Busy');
		throw failure;
	}
}

/**
 * A PDF report as a download, for both the SME's and the chamber's report: a firm's or a chamber's figures, so a
 * shared cache never keeps it. `noindex` for reports reached by a secret link, which a search engine must not list.
 */
export function pdfResponse(
	pdf: Uint8Array<ArrayBuffer>,
	fileName: string,
	{ noindex = false } = {}
): Response {
	return new Response(pdf, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store',
			...(noindex ? { 'x-robots-tag': 'noindex' } : {})
		}
	});
}

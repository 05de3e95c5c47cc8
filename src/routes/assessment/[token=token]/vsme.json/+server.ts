import { error, json } from '@sveltejs/kit';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { vsmeDocument } from '$lib/server/assessment/vsme-view';

/** The VSME Basic Module environmental figures (B3, B6, B7) as JSON, for a bank's or customer's data request. */
export async function GET({ params }) {
	const opened = await assessmentService.open(params.token);
	if (!opened) error(404, 'Not Found');
	const document = vsmeDocument(opened);
	if (!document) error(404, 'Not Found');
	return json(document, {
		headers: {
			'cache-control': 'private, no-store',
			'content-disposition': 'attachment; filename="yesil-hazirlik-vsme.json"',
			'x-robots-tag': 'noindex'
		}
	});
}

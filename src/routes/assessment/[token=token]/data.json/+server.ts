import { error, json } from '@sveltejs/kit';
import * as assessmentService from '$lib/server/assessment/assessment-service';

/** Everything stored about this assessment, for the SME to keep (KVKK art. 11: the right to information). */
export async function GET({ params }) {
	const opened = await assessmentService.open(params.token);
	if (!opened) error(404, 'Not Found');
	return json(await assessmentService.exportData(opened), {
		headers: {
			'cache-control': 'private, no-store',
			'content-disposition': 'attachment; filename="yesil-hazirlik-verilerim.json"'
		}
	});
}

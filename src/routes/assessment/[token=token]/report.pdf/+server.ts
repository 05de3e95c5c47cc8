import { error, redirect } from '@sveltejs/kit';
import { defaultLocale, isLocale } from '$lib/i18n/locales';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { renderReport, ReportQueueFull } from '$lib/server/report';
import { reportModel } from '$lib/server/report/model';

/** The SME's PDF report, in the assessment's language unless `?lang=` asks for another. */
export async function GET({ params, url }) {
	const opened = await assessmentService.open(params.token);
	if (!opened) error(404, 'Not Found');
	if (opened.assessment.status !== 'submitted') redirect(303, `/assessment/${params.token}/review`);
	const requested = url.searchParams.get('lang');
	const stored = opened.assessment.locale;
	const locale = isLocale(requested) ? requested : isLocale(stored) ? stored : defaultLocale;

	const model = await reportModel(opened, locale);
	let pdf: Uint8Array<ArrayBuffer>;
	try {
		pdf = await renderReport(model);
	} catch (failure) {
		if (failure instanceof ReportQueueFull) error(503, 'Busy');
		throw failure;
	}
	return new Response(pdf, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': `attachment; filename="${model.fileName}"`,
			// A firm's results under a secret link: never kept by a shared cache.
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
}

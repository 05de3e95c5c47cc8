import { error, redirect } from '@sveltejs/kit';
import { defaultLocale, isLocale } from '$lib/i18n/locales';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { pdfResponse, renderedPdf } from '$lib/server/http/pdf-response';
import { renderReport } from '$lib/server/report';
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
	const pdf = await renderedPdf(renderReport(model));
	// A firm's results under a secret link.
	return pdfResponse(pdf, model.fileName, { noindex: true });
}

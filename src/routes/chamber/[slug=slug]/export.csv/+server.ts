import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { requireChamber } from '$lib/server/auth/guards';
import { chamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { aggregateRows, respondentRows } from '$lib/server/chamber/export';
import { readFilters } from '$lib/server/chamber/chamber-filters';
import { csvStream, csvText } from '$lib/server/export/csv';
import { createTranslator } from '$lib/i18n';

function download(body: string | ReadableStream<Uint8Array>, name: string) {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * The dashboard as CSV: the aggregate figures for the filters in the address (default), or with
 * `?kind=respondents` the firms that consented to share their identity, streamed page by page (administrators only;
 * a viewer gets 403). Every export is audit-logged.
 */
export async function GET({ locals, url, params }) {
	const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
	const kind = url.searchParams.get('kind') === 'respondents' ? 'respondents' : 'aggregates';
	const t = await createTranslator(locals.locale);
	// The consenting firms' names and contacts are personal data: administrators only (KVKK art. 12, least access).
	// A plain-text answer, since an endpoint's errors do not get the localised error page.
	if (kind === 'respondents' && !canEdit) {
		return new Response(t('error.text_personal_data'), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }
		});
	}
	await audit({
		actor: user.id,
		action: `chamber.export_${kind}`,
		target: chamber.slug
	});
	const day = new Date().toISOString().slice(0, 10);

	if (kind === 'aggregates') {
		const { filters, compare, problems } = readFilters(url);
		const [problem] = Object.values(problems);
		if (problem) error(400, t(problem));
		const dashboard = await chamberDashboard(chamber, filters, locals.locale, compare);
		const { header, rows } = await aggregateRows(dashboard, locals.locale);
		return download(
			csvText(header, rows),
			`${chamber.slug}-${t('dashboard.csv_aggregates')}-${day}.csv`
		);
	}

	const { header, rows } = await respondentRows(chamber, locals.locale);
	return download(
		csvStream(header, rows),
		`${chamber.slug}-${t('dashboard.csv_respondents')}-${day}.csv`
	);
}

import { error } from '@sveltejs/kit';
import { createTranslator } from '$lib/i18n';
import { audit } from '$lib/server/audit';
import { requireChamber } from '$lib/server/auth/guards';
import { chamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { readFilters } from '$lib/server/chamber/chamber-filters';
import { dashboardMatches } from '$lib/server/chamber/symbiosis-matches';
import { pdfResponse, renderedPdf } from '$lib/server/http/pdf-response';
import { renderChamberReport } from '$lib/server/report';
import { chamberReportModel } from '$lib/server/report/chamber-model';

/** The dashboard's figures for the filters in the address, as a PDF for the chamber's board and funders. */
export async function GET({ locals, url, params }) {
	const { user, chamber } = await requireChamber(locals, url, params.slug);
	const { query, filters, compare, problems } = readFilters(url);
	const [problem] = Object.values(problems);
	if (problem) error(400, (await createTranslator(locals.locale))(problem));
	const dashboard = await chamberDashboard(chamber, filters, locals.locale, compare);
	// Counted only: the report goes to viewers and the board, who never see the firms' names.
	const matches = await dashboardMatches(chamber, locals.locale, false);
	const model = await chamberReportModel(chamber, dashboard, query, locals.locale, matches);
	const pdf = await renderedPdf(renderChamberReport(model));
	await audit({ actor: user.id, action: 'chamber.export_pdf', target: chamber.slug });
	const day = new Date().toISOString().slice(0, 10);
	return pdfResponse(pdf, `${chamber.slug}-${day}.pdf`);
}

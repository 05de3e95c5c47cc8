import { PERSONAL_EXPORT_KINDS } from '$lib/export-files';
import { audit } from '$lib/server/audit';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import { chamberExport } from '$lib/server/chamber/export';
import { apiError } from '$lib/server/http/api';
import { invalidFilters } from '$lib/server/http/api-filters';
import { exportResponse } from '$lib/server/http/export-response';

/**
 * The dashboard's exports for a chamber's own systems: `aggregates.csv|xlsx` with the dashboard's filters as query
 * parameters, `respondents.csv|xlsx` (the consenting firms, personal data: owners, administrators and administrator
 * tokens only, others 403) and `matches.csv|xlsx` (the symbiosis matches with the firms' names, likewise). The
 * same files as the dashboard's links, authorised like the other chamber endpoints and audit-logged as exports.
 */
export async function GET(event) {
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	const { chamber, role, actor } = access;
	const { locals, url, params } = event;
	if (PERSONAL_EXPORT_KINDS.includes(params.kind) && !EDITOR_ROLES.includes(role)) {
		return apiError(403, 'personal_data_forbidden', locals.locale);
	}
	const built = await chamberExport(chamber, params.kind, url, locals.locale);
	if ('problems' in built) return invalidFilters(built.problems, locals.locale);
	await audit({ actor, action: `chamber.export_${params.kind}`, target: chamber.slug });
	return exportResponse(built.document, params.format);
}

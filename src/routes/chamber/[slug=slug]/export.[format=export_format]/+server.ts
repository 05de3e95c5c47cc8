import { error } from '@sveltejs/kit';
import { isExportKind, PERSONAL_EXPORT_KINDS } from '$lib/export-files';
import { createTranslator } from '$lib/i18n';
import { audit } from '$lib/server/audit';
import { requireChamber } from '$lib/server/auth/guards';
import { chamberExport } from '$lib/server/chamber/export';
import { exportResponse } from '$lib/server/http/export-response';

/**
 * The dashboard as `export.csv` or `export.xlsx`: the aggregate figures for the filters in the address (default), or
 * with `?kind=respondents` the firms that consented to share their identity, streamed page by page, or with
 * `?kind=matches` the symbiosis matches between firms that consented to be introduced (both administrators only; a
 * viewer gets 403). Every export is audit-logged. The API serves the same files to tokens.
 */
export async function GET({ locals, url, params }) {
	const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
	const asked = url.searchParams.get('kind') ?? '';
	const kind = isExportKind(asked) ? asked : 'aggregates';
	const t = await createTranslator(locals.locale);
	// The consenting firms' names and contacts are personal data: administrators only (KVKK art. 12, least access).
	// A plain-text answer, since an endpoint's errors do not get the localised error page.
	if (PERSONAL_EXPORT_KINDS.includes(kind) && !canEdit) {
		return new Response(t('error.text_personal_data'), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }
		});
	}
	const built = await chamberExport(chamber, kind, url, locals.locale);
	if ('problems' in built) error(400, t(Object.values(built.problems)[0]));
	await audit({ actor: user.id, action: `chamber.export_${kind}`, target: chamber.slug });
	return exportResponse(built.document, params.format);
}

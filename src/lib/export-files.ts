/**
 * What a chamber can download: its statistics, the firms that consented to share their identity, or the symbiosis
 * matches between firms that consented to be introduced.
 */
export const EXPORT_KINDS = ['aggregates', 'respondents', 'matches'] as const;

/** The kinds that name firms: owners and administrators only (KVKK art. 12, least access). */
export const PERSONAL_EXPORT_KINDS: readonly ExportKind[] = ['respondents', 'matches'];
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The formats of every export: CSV for scripts, XLSX for spreadsheets (real numbers whatever the locale). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportKind = (value: string): value is ExportKind =>
	(EXPORT_KINDS as readonly string[]).includes(value);

export const isExportFormat = (value: string): value is ExportFormat =>
	(EXPORT_FORMATS as readonly string[]).includes(value);

/** What a chamber can download: its statistics, or the firms that consented to share their identity. */
export const EXPORT_KINDS = ['aggregates', 'respondents'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The formats of every export: CSV for scripts, XLSX for spreadsheets (real numbers whatever the locale). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportKind = (value: string): value is ExportKind =>
	(EXPORT_KINDS as readonly string[]).includes(value);

export const isExportFormat = (value: string): value is ExportFormat =>
	(EXPORT_FORMATS as readonly string[]).includes(value);

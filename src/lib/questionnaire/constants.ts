// Kept apart from schema.ts so that browser code can use them without pulling zod into its bundle.

/** The highest score an option can carry; every question is scored on 0–4. */
export const SCORE_MAX = 4;

/** The reserved option id for "not applicable". */
export const NOT_APPLICABLE = 'na';

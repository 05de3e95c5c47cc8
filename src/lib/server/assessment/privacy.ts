/**
 * The version of the privacy notice (aydınlatma metni) and consent text. Stored with every consent, so it is known
 * which wording a firm agreed to; change it whenever /privacy or the consent wording changes.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-26.2';

/** Drafts never submitted and untouched this long are deleted, as the notice promises. */
export const DRAFT_RETENTION_MONTHS = 12;

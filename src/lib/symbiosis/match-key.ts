import { z } from 'zod';

/** The pair of firms (their latest assessments) and the category a match, and its introduction, is about. */
export interface MatchKey {
	offerAssessmentId: string;
	needAssessmentId: string;
	category: string;
}

/** A match's key as one form field: `<offer id>:<need id>:<category>` (ids are base64url, categories snake_case). */
export function encodeMatchKey(key: MatchKey): string {
	return `${key.offerAssessmentId}:${key.needAssessmentId}:${key.category}`;
}

const encoded = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64}):([a-z][a-z0-9_]{0,63})$/;

/** The introduce form: one `match` field; anything not shaped like a key is refused by that field. */
export const introduceInput = z.object({
	match: z
		.string({ error: 'matches.error_pair' })
		.regex(encoded, 'matches.error_pair')
		.transform((value): MatchKey => {
			const [, offerAssessmentId, needAssessmentId, category] = encoded.exec(value)!;
			return { offerAssessmentId, needAssessmentId, category };
		})
});

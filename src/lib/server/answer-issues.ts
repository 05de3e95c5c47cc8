import type { AnswerIssue } from '$lib/questionnaire/answers';
import { createTranslator, type Locale } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';

/** Each refused answer's message in the reader's language, keyed by question id. */
export async function describeIssues(
	issues: AnswerIssue[],
	locale: Locale
): Promise<Record<string, string>> {
	const t = await createTranslator(locale);
	return Object.fromEntries(
		issues.map((issue) => {
			const values = Object.fromEntries(
				Object.entries(issue.values ?? {}).map(([key, value]) => [key, formatNumber(locale, value)])
			);
			return [issue.question, t(`answer.${issue.code}`, values)];
		})
	);
}

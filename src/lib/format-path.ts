/**
 * Writes a path inside a document the way a developer types it (`themes[2].questions[0].text.en`). One formatter
 * for the questionnaire checker and the API's validation issues, so both name a field the same way.
 */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

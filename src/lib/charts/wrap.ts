/**
 * Breaks a label into lines of at most `width` characters at spaces, so that a long theme or fuel name wraps on a
 * phone instead of being clipped or squeezing the chart. A single word longer than `width` keeps its own line
 * whole: cutting it would make a name no one recognises, and the table beside the chart has the full name anyway.
 */
export function wrapLabel(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

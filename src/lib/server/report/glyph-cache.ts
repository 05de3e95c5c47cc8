import type { Font } from 'fontkit';

/**
 * Lets every report drawn by one thread reuse the shaping of words it has already met. pdfkit shapes text word by
 * word with fontkit's OpenType engine and caches the result for one document only; reports repeat the same question,
 * theme and recommendation texts, and shaping was two thirds of a report's time (measured with --cpu-prof).
 *
 * pdfkit scales the positions of a run in place, so each caller gets fresh copies of the positions; the glyphs are
 * shared, being read only. Bounded: the cache is emptied when it grows past `limit` words (company names and other
 * free text would otherwise grow it forever).
 */
export function withSharedLayout(font: Font, limit = 50_000): Font {
	const runs = new Map<string, ReturnType<Font['layout']>>();
	const layout = (text: string, features?: unknown) => {
		if (features !== undefined) return font.layout(text, features as string[]);
		let run = runs.get(text);
		if (!run) {
			if (runs.size >= limit) runs.clear();
			run = font.layout(text);
			runs.set(text, run);
		}
		const positions = run.positions.map((position) => ({ ...position }));
		return {
			glyphs: run.glyphs,
			positions,
			// As fontkit's GlyphRun computes it, from the (by then scaled) positions.
			get advanceWidth() {
				return positions.reduce((width, position) => width + position.xAdvance, 0);
			}
		};
	};
	return new Proxy(font, {
		get: (target, property) => (property === 'layout' ? layout : Reflect.get(target, property))
	});
}

import type { Font, Glyph } from 'fontkit';

/**
 * A font shared by every report one worker thread draws: parsed once, with the shaping of words shared too, and with
 * glyphs that always carry the characters they were shaped from.
 */
export function sharedFont(font: Font): Font {
	return withSharedLayout(withGlyphsInContext(font));
}

/**
 * Makes every glyph fontkit hands out carry the code points of the text it was shaped from.
 *
 * fontkit keeps one Glyph object per glyph id and stores on it the code points of whichever call created it first;
 * pdfkit writes a document's ToUnicode map (what copying, searching and screen readers read) from those code points.
 * With the font shared across documents, a glyph first created without code points stayed that way: embedding a
 * subset adds the components of composite glyphs (the U inside Ü, the c inside ç) with none, so every later report
 * printed "U" and "c" that copied as nothing. Here a glyph asked for with code points other than those it was first
 * created with is a new Glyph of the same kind (fontkit's constructor, so its mark and ligature flags follow the code
 * points too), memoised per id and code points; a call without code points (the subsetter's) gets the shared one.
 */
export function withGlyphsInContext(font: Font, limit = 10_000): Font {
	const memoised = font.getGlyph.bind(font);
	const inContext = new Map<string, Glyph>();
	font.getGlyph = (id: number, codePoints: number[] = []) => {
		const glyph = memoised(id, codePoints);
		if (codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
		const key = `${id}:${codePoints.join(',')}`;
		let shaped = inContext.get(key);
		if (!shaped) {
			// Unsupported characters of free text (all drawn as glyph 0) would otherwise grow the map forever.
			if (inContext.size >= limit) inContext.clear();
			const Kind = glyph.constructor as new (id: number, codePoints: number[], font: Font) => Glyph;
			shaped = new Kind(id, codePoints, font);
			inContext.set(key, shaped);
		}
		return shaped;
	};
	return font;
}

function sameCodePoints(a: readonly number[], b: readonly number[]) {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Lets every report drawn by one thread reuse the shaping of words it has already met. pdfkit shapes text word by
 * word with fontkit's OpenType engine and caches the result for one document only; reports repeat the same question,
 * theme and recommendation texts, and shaping was two thirds of a report's time (measured with --cpu-prof).
 *
 * pdfkit scales the positions of a run in place, so each caller gets fresh copies of the positions; the glyphs are
 * shared, being read only (and, through `withGlyphsInContext`, those of this very text). Bounded: the cache is
 * emptied when it grows past `limit` words (company names and other free text would otherwise grow it forever).
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

import type { Font, Glyph } from 'fontkit';

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

/** What this module reaches of pdfkit's font for one document: its cache of laid-out words (not in the typings). */
interface EmbeddedFont {
	font: Font;
	layoutCache?: Record<string, unknown>;
}

/** One cache of laid-out words per font (per weight) for the whole thread. */
const layouts = new WeakMap<Font, Record<string, unknown>>();

/**
 * Lets every report drawn by one thread reuse the words its font `name` has laid out. pdfkit shapes text word by word
 * with fontkit's OpenType engine, scales the result to its 1000-unit space and caches it for one document only;
 * reports repeat the same question, theme and recommendation texts, and laying out words was the largest part of a
 * report's time (measured with --cpu-prof). pdfkit only reads a cached word (its word spacing copies the position it
 * changes), so one cache serves every document. Bounded: emptied when it grows past `limit` words (company names and
 * other free text would otherwise grow it forever).
 */
export function shareLayouts(doc: PDFKit.PDFDocument, name: string, limit = 50_000) {
	doc.font(name);
	const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
	let cache = layouts.get(embedded.font);
	if (!cache) {
		cache = boundedRecord(limit);
		layouts.set(embedded.font, cache);
	}
	embedded.layoutCache = cache;
}

/** A record pdfkit reads and writes by key, emptied when it holds `limit` entries. */
function boundedRecord(limit: number): Record<string, unknown> {
	const entries = new Map<string, unknown>();
	return new Proxy(
		{},
		{
			get: (_, key) => (typeof key === 'string' ? entries.get(key) : undefined),
			set: (_, key, value) => {
				if (entries.size >= limit) entries.clear();
				entries.set(String(key), value);
				return true;
			}
		}
	);
}

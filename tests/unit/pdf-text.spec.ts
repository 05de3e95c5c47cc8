import { describe, expect, it } from 'vitest';
import { headline, newDocument, paragraph } from '$lib/server/report/pdf-document';
import { readPdf } from '../fixtures/pdf';

/*
 * Text copied from a report must read exactly as printed, whatever the thread drew before: the fonts and the shaping
 * of words are shared by every report a worker thread draws, and a glyph once carried the characters of its first
 * use into every later report (a bold "U" copied as nothing after a report that printed "Ü").
 */

const UPPER = 'ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ';
const LOWER = 'abcçdefgğhıijklmnoöprsştuüvyz';
const LETTERS = `${UPPER} ${LOWER}`;
const DIGITS = '0123456789 1.234,5 %12 ₺1.250 €980';
const PUNCTUATION = `– … " ' “ ” ‘ ’ « » · , . ; : ! ? ( ) / - + = & @ #`;
/** Words whose letter pairs a font may draw as one ligature glyph, which must still copy as two letters. */
const LIGATURES = 'fiyat ofis fl affı ffl';
/** Only the composite letters: embedding them adds their base letters to the font subset without characters. */
const COMPOSITES = 'ÇĞİÖŞÜ çğöşü';

type Line = { bold: boolean; text: string };

/** One document of the given lines, read back as a person copying its text would get it. */
async function printed(lines: Line[]): Promise<string[]> {
	const { doc, finish } = newDocument({ locale: 'tr', title: 'Test' });
	for (const line of lines) {
		if (line.bold) headline(doc, line.text, 12);
		else paragraph(doc, line.text);
	}
	const pdf = await readPdf(await finish());
	return pdf.pages.join('\n').split('\n').filter(Boolean);
}

const texts = [LETTERS, DIGITS, PUNCTUATION, LIGATURES];
const reversed = (text: string) => [...text].reverse().join('');

describe('text in the PDF', () => {
	// First in the file: the fonts are shared by the whole file, as by a worker thread, and nothing may have printed a
	// base letter before.
	it('copies a letter exactly after another document of the same thread printed only its accented form', async () => {
		for (const bold of [true, false]) {
			expect(await printed([{ bold, text: COMPOSITES }])).toEqual([COMPOSITES]);
			const lines = [UPPER, LOWER, 'src Ustalar Can Gül'].map((text) => ({ bold, text }));
			expect(await printed(lines)).toEqual(lines.map((line) => line.text));
		}
		const both = [true, false].map((bold) => ({ bold, text: LETTERS }));
		expect(await printed(both)).toEqual([LETTERS, LETTERS]);
	});

	it('copies every Turkish letter, digit and punctuation mark exactly, bold and regular, in any order', async () => {
		const orders: Line[][] = [
			texts.flatMap((text) => [
				{ bold: true, text },
				{ bold: false, text }
			]),
			texts.flatMap((text) => [
				{ bold: false, text },
				{ bold: true, text }
			]),
			texts.map((text) => ({ bold: true, text: reversed(text) })),
			texts.map((text) => ({ bold: false, text: reversed(text) }))
		];
		for (const lines of orders) {
			expect(await printed(lines)).toEqual(lines.map((line) => line.text));
		}
	});
});

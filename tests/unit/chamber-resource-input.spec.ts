import { describe, expect, it } from 'vitest';
import { chamberResourceInput } from '$lib/server/chamber/chamber-resource-input';
import { fitsProfile, inDate, isoDay } from '$lib/questionnaire/resource-scope';
import { firmSectorCodes } from '$lib/questionnaire/sectors';
import { parseResourceForm } from '$lib/server/chamber/chamber-resource-form';
import { questionnaire } from '$lib/server/content';

const schema = chamberResourceInput(questionnaire());

const valid = {
	titleTr: 'Enerji verimliliği eğitimi',
	descriptionTr: 'Üyelerimize ücretsiz iki günlük eğitim.',
	url: 'https://www.example.org/egitim',
	themes: ['energy']
};

/** The field and message key of each problem of an input. */
function problems(input: unknown) {
	const parsed = schema.safeParse(input);
	if (parsed.success) return [];
	return parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
}

describe('a chamber resource as input', () => {
	it('accepts a minimal resource and fills the optional fields as none', () => {
		expect(schema.parse(valid)).toEqual({
			...valid,
			titleEn: null,
			descriptionEn: null,
			sectors: [],
			sizeClasses: [],
			validUntil: null
		});
	});

	it('accepts sections, manufacturing divisions, size classes and a last day', () => {
		const parsed = schema.parse({
			...valid,
			titleEn: 'Energy efficiency training',
			sectors: ['C', 'C13'],
			sizeClasses: ['micro', 'small'],
			validUntil: '2027-03-31'
		});
		expect(parsed).toMatchObject({ sectors: ['C', 'C13'], validUntil: '2027-03-31' });
	});

	it.each([
		['http://www.example.org/'],
		['javascript:alert(1)'],
		['data:text/html,<script>alert(1)</script>'],
		['https://'],
		['not a url'],
		['https://user:secret@example.org/'],
		['https://localhost/'],
		[`https://example.org/${'a'.repeat(2000)}`]
	])('refuses the address %s, naming the url field', (url) => {
		expect(problems({ ...valid, url })).toEqual([['url', 'chamber_resources.error_url']]);
	});

	it('refuses over-long and too short texts, each naming its field', () => {
		expect(problems({ ...valid, titleTr: 'x'.repeat(201) })).toEqual([
			['titleTr', 'chamber_resources.error_title']
		]);
		expect(problems({ ...valid, titleEn: 'x'.repeat(201) })).toEqual([
			['titleEn', 'chamber_resources.error_title']
		]);
		expect(problems({ ...valid, descriptionTr: ' ' })).toEqual([
			['descriptionTr', 'chamber_resources.error_description']
		]);
		expect(problems({ ...valid, descriptionEn: 'x'.repeat(1001) })).toEqual([
			['descriptionEn', 'chamber_resources.error_description']
		]);
	});

	it('refuses control characters in any text', () => {
		expect(problems({ ...valid, titleTr: 'Eğitim\u0000' })).toEqual([
			['titleTr', 'form.error_control']
		]);
		expect(problems({ ...valid, descriptionEn: 'two\nlines' })).toEqual([
			['descriptionEn', 'form.error_control']
		]);
		expect(problems({ ...valid, url: 'https://example.org/\u0007' })).toContainEqual([
			'url',
			'form.error_control'
		]);
	});

	it('refuses no theme, an unknown theme and a repeated one', () => {
		for (const themes of [[], ['weather'], ['energy', 'energy'], 'energy']) {
			expect(problems({ ...valid, themes })).toContainEqual([
				'themes',
				'chamber_resources.error_themes'
			]);
		}
	});

	it('refuses unknown sectors and size classes, and a day that does not exist', () => {
		expect(problems({ ...valid, sectors: ['Z'] })).toEqual([
			['sectors', 'chamber_resources.error_sectors']
		]);
		expect(problems({ ...valid, sectors: ['C99'] })).toEqual([
			['sectors', 'chamber_resources.error_sectors']
		]);
		expect(problems({ ...valid, sizeClasses: ['huge'] })).toEqual([
			['sizeClasses', 'chamber_resources.error_size_classes']
		]);
		for (const validUntil of ['2027-02-30', '31.03.2027', 'soon']) {
			expect(problems({ ...valid, validUntil })).toEqual([
				['validUntil', 'chamber_resources.error_valid_until']
			]);
		}
	});

	it('refuses fields it does not know', () => {
		expect(schema.safeParse({ ...valid, chamberId: 'other' }).success).toBe(false);
	});
});

describe('the dashboard form of a resource', () => {
	const form = (fields: [string, string][]) => {
		const data = new FormData();
		for (const [key, value] of fields) data.append(key, value);
		return parseResourceForm(data);
	};

	it('reads ticked boxes as lists, sector codes from one field and line breaks as spaces', () => {
		const parsed = form([
			['titleTr', 'Eğitim'],
			['titleEn', ''],
			['descriptionTr', 'İki\r\ngünlük'],
			['url', 'https://example.org/'],
			['themes', 'energy'],
			['themes', 'carbon'],
			['sizeClasses', 'micro'],
			['sectors', 'c, C13'],
			['validUntil', '']
		]);
		expect(parsed).toEqual({
			ok: true,
			data: {
				titleTr: 'Eğitim',
				titleEn: null,
				descriptionTr: 'İki günlük',
				descriptionEn: null,
				url: 'https://example.org/',
				themes: ['energy', 'carbon'],
				sectors: ['C', 'C13'],
				sizeClasses: ['micro'],
				validUntil: null
			}
		});
	});

	it('gives back everything typed with a problem per field', () => {
		const parsed = form([
			['titleTr', 'Eğitim'],
			['descriptionTr', 'Açıklama'],
			['url', 'http://example.org/'],
			['sectors', 'C, X']
		]);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.data.values).toMatchObject({
			titleTr: 'Eğitim',
			url: 'http://example.org/',
			sectors: 'C, X',
			themes: ''
		});
		expect(parsed.failure.data.errors).toEqual({
			url: 'chamber_resources.error_url',
			themes: 'chamber_resources.error_themes',
			sectors: 'chamber_resources.error_sectors'
		});
	});
});

describe('which firms a chamber resource fits', () => {
	const firm = { sectorCodes: ['C', 'C13'], sizeClass: 'small' };

	it('fits every firm when it names no sector or size', () => {
		expect(
			fitsProfile({ sectors: [], sizeClasses: [] }, { sectorCodes: [], sizeClass: null })
		).toBe(true);
	});

	it('fits by section or division, and by size class', () => {
		expect(fitsProfile({ sectors: ['C'], sizeClasses: [] }, firm)).toBe(true);
		expect(fitsProfile({ sectors: ['C13'], sizeClasses: ['small'] }, firm)).toBe(true);
		expect(fitsProfile({ sectors: ['C24'], sizeClasses: [] }, firm)).toBe(false);
		expect(fitsProfile({ sectors: [], sizeClasses: ['medium'] }, firm)).toBe(false);
		expect(fitsProfile({ sectors: [], sizeClasses: ['small'] }, { ...firm, sizeClass: null })).toBe(
			false
		);
	});

	it('reads the division only where the profile asks it', () => {
		const definition = questionnaire();
		expect(firmSectorCodes(definition, { sector: 'C', manufacturing_division: 'C13' })).toEqual([
			'C',
			'C13'
		]);
		expect(firmSectorCodes(definition, { sector: 'F', manufacturing_division: 'C13' })).toEqual([
			'F'
		]);
	});

	it('is in date through its last day', () => {
		const now = new Date('2027-03-31T20:00:00Z');
		expect(inDate({ validUntil: '2027-03-31' }, isoDay(now))).toBe(true);
		expect(inDate({ validUntil: '2027-03-30' }, isoDay(now))).toBe(false);
		expect(inDate({ validUntil: null }, isoDay(now))).toBe(true);
	});
});

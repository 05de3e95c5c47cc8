import { describe, expect, it } from 'vitest';
import { campaignState, newCampaignCode } from '$lib/server/db/campaigns';
import { match as isCampaignCodeShaped } from '../../src/params/campaign_code';
import { campaignInput } from '$lib/server/chamber/campaign-input';
import {
	chamberEdit,
	chamberInput,
	formLogo,
	logoDataUrl,
	MAX_LOGO_BYTES
} from '$lib/server/chamber/chamber-input';

describe('campaign state', () => {
	const campaign = { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' };
	it.each([
		['2026-02-28T23:59:59Z', 'not_yet_open'],
		['2026-03-01T00:00:00Z', 'open'],
		['2026-03-31T23:59:59Z', 'open'],
		['2026-04-01T00:00:00Z', 'closed']
	])('at %s it is %s', (at, state) => {
		expect(campaignState(campaign, new Date(at))).toBe(state);
	});

	it('stays open without an end date', () => {
		expect(campaignState({ ...campaign, closesAt: null }, new Date('2030-01-01'))).toBe('open');
	});
});

describe('campaign codes', () => {
	it('are 128 random bits, never repeated', () => {
		const codes = new Set(Array.from({ length: 1000 }, newCampaignCode));
		expect(codes.size).toBe(1000);
		for (const code of codes) expect(isCampaignCodeShaped(code)).toBe(true);
		expect(isCampaignCodeShaped('../../etc/passwd')).toBe(false);
	});
});

describe('chamber and campaign input', () => {
	const chamber = chamberInput(['39', '59']);
	it('takes a plain slug and a known province', () => {
		expect(
			chamber.safeParse({ slug: 'tekirdag-tso', name: 'Tekirdağ TSO', province: '59' }).success
		).toBe(true);
	});
	it.each(['Tekirdağ', 'a--b', '-a', 'a b', 'x'])('refuses the slug %j', (slug) => {
		expect(chamber.safeParse({ slug, name: 'Ad' }).success).toBe(false);
	});
	it('refuses a province that is not a plate code', () => {
		expect(chamber.safeParse({ slug: 'ab', name: 'Ad', province: '82' }).success).toBe(false);
	});
	it('refuses a campaign that closes before it opens', () => {
		const parsed = campaignInput.safeParse({
			name: 'Kampanya',
			opensAt: '2026-05-01',
			closesAt: '2026-04-01'
		});
		expect(parsed.success).toBe(false);
		expect(campaignInput.safeParse({ name: 'Kampanya', closesAt: 'yarın' }).success).toBe(false);
	});
});

describe('chamber logos', () => {
	const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
	it('become data URLs when they are PNG or JPEG', () => {
		expect(logoDataUrl(png)).toEqual({
			ok: true,
			url: `data:image/png;base64,${Buffer.from(png).toString('base64')}`
		});
		expect(logoDataUrl(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
			ok: true,
			url: expect.stringMatching(/^data:image\/jpeg;base64,/)
		});
	});
	it('are refused when they are something else or too large, with the page’s message key', () => {
		expect(logoDataUrl(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toEqual({
			ok: false,
			reason: 'admin.error_logo_type'
		});
		const large = new Uint8Array(MAX_LOGO_BYTES + 1);
		large.set(png);
		expect(logoDataUrl(large)).toEqual({ ok: false, reason: 'admin.error_logo_size' });
	});
	it('come from a form field only when a file was chosen', async () => {
		expect(await formLogo(null)).toEqual({ ok: true });
		expect(await formLogo(new File([], ''))).toEqual({ ok: true });
		expect(await formLogo(new File([png], 'logo.png'))).toMatchObject({
			ok: true,
			url: expect.stringMatching(/^data:image\/png;base64,/)
		});
		// A name or a declared type proves nothing: the bytes decide.
		expect(await formLogo(new File(['GIF89a'], 'logo.png', { type: 'image/png' }))).toEqual({
			ok: false,
			reason: 'admin.error_logo_type'
		});
		const large = new Uint8Array(MAX_LOGO_BYTES + 1);
		large.set(png);
		expect(await formLogo(new File([large], 'logo.png'))).toEqual({
			ok: false,
			reason: 'admin.error_logo_size'
		});
	});
});

describe('a chamber’s new name', () => {
	it('is trimmed and 2–200 characters long', () => {
		expect(chamberEdit.parse({ chamber: 'c1', chamberName: '  Keşan TSO ' })).toEqual({
			chamber: 'c1',
			chamberName: 'Keşan TSO'
		});
		for (const chamberName of ['K', 'x'.repeat(201)])
			expect(chamberEdit.safeParse({ chamber: 'c1', chamberName }).error?.issues[0]).toMatchObject({
				path: ['chamberName'],
				message: 'admin.error_name'
			});
	});
});

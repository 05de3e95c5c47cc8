import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { pdfResponse, renderedPdf } from '$lib/server/http/pdf-response';
import { ReportQueueFull } from '$lib/server/report';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('pdfResponse', () => {
	it('is a private download that no shared cache keeps', async () => {
		const response = pdfResponse(pdf, 'tekirdag-tso-2026-11-26.pdf');
		expect(Object.fromEntries(response.headers)).toEqual({
			'content-type': 'application/pdf',
			'content-length': '4',
			'content-disposition': 'attachment; filename="tekirdag-tso-2026-11-26.pdf"',
			'cache-control': 'private, no-store'
		});
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
	});

	it('asks search engines not to list a report reached by a secret link', () => {
		const response = pdfResponse(pdf, 'rapor.pdf', { noindex: true });
		expect(response.headers.get('x-robots-tag')).toBe('noindex');
	});
});

describe('renderedPdf', () => {
	it('passes a drawn report through', async () => {
		expect(await renderedPdf(Promise.resolve(pdf))).toBe(pdf);
	});

	it('answers 503 Busy when the render queue is full, and lets other failures through', async () => {
		const busy = await renderedPdf(Promise.reject(new ReportQueueFull())).catch((e: unknown) => e);
		expect(isHttpError(busy, 503)).toBe(true);
		const broken = new Error('font missing');
		await expect(renderedPdf(Promise.reject(broken))).rejects.toBe(broken);
	});
});

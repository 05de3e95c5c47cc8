import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export interface PageWeight {
	jsGzipBytes: number;
	/** How many script files: over HTTP/1.1 a browser fetches six at a time, each batch a round trip. */
	scriptFiles: number;
	cssGzipBytes: number;
}

/** What a real browser downloads to show a page: every script and stylesheet response, gzipped. */
export async function measurePageWeight(url: string): Promise<PageWeight> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic']
	});
	try {
		const page = await browser.newPage();
		const bodies: Promise<{ type: string; bytes: number }>[] = [];
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (type !== 'script' && type !== 'stylesheet') return;
			bodies.push(response.body().then((body) => ({ type, bytes: gzipSync(body).length })));
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		const measured = await Promise.all(bodies);
		const ofType = (type: string) => measured.filter((entry) => entry.type === type);
		const total = (type: string) => ofType(type).reduce((sum, entry) => sum + entry.bytes, 0);
		return {
			jsGzipBytes: total('script'),
			scriptFiles: ofType('script').length,
			cssGzipBytes: total('stylesheet')
		};
	} finally {
		await browser.close();
	}
}

import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
	/** 0–100, as Lighthouse shows it. */
	performance: number;
	accessibility: number;
	/** The audits that lost points, with what they measured, for fixing. */
	failing: string[];
}

/**
 * Lighthouse's scores for a page with its default (mobile) settings: a mid-range phone on a slow 4G link,
 * simulated from one load in Debian's Chromium, which listens for Lighthouse on `port`.
 */
export async function measureLighthouse(url: string, port = 9229): Promise<LighthouseScores> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			`--remote-debugging-port=${port}`
		]
	});
	try {
		const result = await lighthouse(url, {
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility']
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		const { categories, audits } = result.lhr;
		const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
		const failing = Object.values(audits)
			.filter((audit) => audit.score !== null && audit.score < 1)
			.filter((audit) => audit.scoreDisplayMode !== 'informative')
			.map((audit) => `${audit.id} (${audit.displayValue ?? audit.score})`);
		return { performance: score('performance'), accessibility: score('accessibility'), failing };
	} finally {
		await browser.close();
	}
}

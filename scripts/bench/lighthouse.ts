import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
	/** 0–100, as Lighthouse shows it: the median run's. */
	performance: number;
	/** Every run's performance score, lowest first, to show how far the runs spread. */
	performanceRuns: number[];
	/** The lowest of the runs (it hardly moves: it is read from the page, not timed). */
	accessibility: number;
	/** The audits that lost points in the median run, with what they measured, for fixing. */
	failing: string[];
}

/** One audit's scores. */
type Audit = Omit<LighthouseScores, 'performanceRuns'>;

/**
 * Lighthouse's scores for a page with its default (mobile) settings: a mid-range phone on a slow 4G link, simulated
 * from a load in Debian's Chromium, which listens for Lighthouse on `port`. The simulation starts from a real load on
 * this machine, so one page's score moves by a few points from run to run; as Lighthouse's own guidance on
 * variability advises, the page is audited `runs` times (each in a fresh browser) and the median run counts.
 */
export async function measureLighthouse(
	url: string,
	port = 9229,
	runs = 5
): Promise<LighthouseScores> {
	const audits: Audit[] = [];
	for (let run = 0; run < runs; run++) audits.push(await audit(url, port));
	audits.sort((a, b) => a.performance - b.performance);
	const median = audits[Math.floor(audits.length / 2)];
	return {
		performance: median.performance,
		performanceRuns: audits.map((each) => each.performance),
		accessibility: Math.min(...audits.map((each) => each.accessibility)),
		failing: median.failing
	};
}

async function audit(url: string, port: number): Promise<Audit> {
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

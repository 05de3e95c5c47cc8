import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Runs `npm run admin -- …` against the database the end-to-end server uses, as an operator would. */
function admin(...args: string[]): string {
	return execFileSync('npm', ['run', '-s', 'admin', '--', ...args], {
		env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
		encoding: 'utf8'
	});
}

/** A chamber with a unique slug, and one campaign of it; returns the campaign's share code. */
export function createCampaign(
	chamberName: string,
	window: { opens?: string; closes?: string } = {}
): string {
	const slug = `e2e-${randomBytes(4).toString('hex')}`;
	admin('create-chamber', '--slug', slug, '--name', chamberName, '--province', '59');
	const dates = [
		...(window.opens ? ['--opens', window.opens] : []),
		...(window.closes ? ['--closes', window.closes] : [])
	];
	const output = admin(
		'create-campaign',
		'--chamber',
		slug,
		'--name',
		'Yeşil Dönüşüm 2026',
		...dates
	);
	return output.trim().split('\n').at(-1)!;
}

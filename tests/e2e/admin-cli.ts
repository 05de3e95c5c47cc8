import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Runs `npm run admin -- …` against the database the end-to-end server uses, as an operator would. */
export function admin(args: string[], input?: string): string {
	return execFileSync('npm', ['run', '-s', 'admin', '--', ...args], {
		env: {
			...process.env,
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			ORIGIN: process.env.E2E_ORIGIN,
			SMTP_URL: process.env.E2E_SMTP_URL
		},
		input,
		encoding: 'utf8'
	});
}

/** A slug no other test uses. */
export const uniqueSlug = (prefix = 'e2e') => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A chamber with a unique slug; returns the slug. */
export function createChamber(name: string): string {
	const slug = uniqueSlug();
	admin(['create-chamber', '--slug', slug, '--name', name, '--province', '59']);
	return slug;
}

/** A campaign of a chamber; returns its share code. */
export function createCampaignOf(
	slug: string,
	window: { opens?: string; closes?: string } = {}
): string {
	const dates = [
		...(window.opens ? ['--opens', window.opens] : []),
		...(window.closes ? ['--closes', window.closes] : [])
	];
	const output = admin([
		'create-campaign',
		'--chamber',
		slug,
		'--name',
		'Yeşil Dönüşüm 2026',
		...dates
	]);
	return output.trim().split('\n').at(-1)!;
}

/** A chamber with a unique slug, and one campaign of it; returns the campaign's share code. */
export function createCampaign(
	chamberName: string,
	window: { opens?: string; closes?: string } = {}
): string {
	return createCampaignOf(createChamber(chamberName), window);
}

/** A chamber administrator (or viewer) with a password; returns the e-mail to sign in with. */
export function createChamberUser(
	slug: string,
	password: string,
	role: 'chamber_admin' | 'chamber_viewer' = 'chamber_admin'
): string {
	const email = `${uniqueSlug('user')}@example.org`;
	admin(
		['create-user', '--email', email, '--name', 'Deniz Işık', '--role', role, '--chamber', slug],
		password
	);
	return email;
}

/*
 * Which areas of the translations each page downloads (an area is the part of a key before its first dot). Every
 * page gets the site's header, footer and error page; the rest is each page's own list. tests/unit/route-areas.spec
 * checks that a page's list holds every area its components and the modules they import name in a key; a key that
 * comes from the server as data (a form's problem) needs its area added here by hand.
 */

/** The area of a key: the part before its first dot (`landing.title` is in `landing`). */
export const areaOf = (key: string) => key.split('.')[0];

const everywhere = ['app', 'nav', 'footer', 'error'];
const chamberPages = ['account', 'auth', 'campaign', 'chamber'];

const pages: Record<string, string[]> = {
	'/': ['landing'],
	'/admin': ['account', 'admin', 'auth', 'campaign', 'question', 'resume'],
	'/assessment/[token=token]/[step]': [
		'answer',
		'carry_over',
		'common',
		'form',
		'plan',
		'progress',
		'question',
		'resume',
		'review',
		'step',
		'symbiosis',
		'warning'
	],
	'/assessment/[token=token]/history/[n=entry]': [
		'common',
		'dashboard',
		'history',
		'plan',
		'report',
		'resources',
		'results'
	],
	'/assessment/[token=token]/results': [
		'carbon',
		'cbam',
		'common',
		'dashboard',
		'energy',
		'history',
		'plan',
		'report',
		'resources',
		'results',
		'resume',
		'symbiosis',
		'vsme'
	],
	'/assessment/[token=token]/review': ['carry_over', 'progress', 'resume', 'review', 'symbiosis'],
	'/assessment/[token=token]/send-link': ['resume'],
	'/assessment/new': ['landing'],
	'/c/[code=campaign_code]': ['campaign', 'landing'],
	'/chamber': ['account', 'auth', 'chamber'],
	'/chamber/[slug=slug]': [
		...chamberPages,
		'campaigns',
		'common',
		'dashboard',
		'matches',
		'needs',
		'progress',
		'report',
		'results',
		'supply',
		'trends'
	],
	'/chamber/[slug=slug]/api-tokens': [...chamberPages, 'api_tokens', 'resume'],
	'/chamber/[slug=slug]/campaigns': [...chamberPages, 'campaigns', 'dashboard', 'progress'],
	'/chamber/[slug=slug]/campaigns/[id]': [...chamberPages, 'campaigns', 'resume'],
	'/chamber/[slug=slug]/campaigns/[id]/flyer': ['campaign', 'campaigns', 'flyer'],
	'/chamber/[slug=slug]/resources': [...chamberPages, 'chamber_resources'],
	'/chamber/[slug=slug]/resources/[id]': [...chamberPages, 'chamber_resources'],
	'/chamber/[slug=slug]/security': [...chamberPages, 'security'],
	'/chamber/account': ['account', 'auth'],
	'/chamber/login': ['auth'],
	'/chamber/login/two-factor': ['auth'],
	'/invite/[token=token]': ['admin', 'auth', 'invite'],
	'/methodology': ['carbon', 'cbam', 'common', 'methodology', 'resources'],
	'/privacy': ['privacy'],
	'/resources': ['common', 'resources'],
	'/setup/[token=token]': ['auth', 'setup'],
	'/unsubscribe/[token=token]': ['unsubscribe']
};

/** The areas a page downloads, by its route id; an unknown route (a 404) gets the error page's. */
export function routeAreas(routeId: string | null): string[] {
	return [...everywhere, ...((routeId && pages[routeId]) || [])];
}

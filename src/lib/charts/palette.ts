/**
 * The chart and report colours, declared once: the page's Chart.js charts and the PDF (its text, rules and the
 * charts it draws from the same configurations) read them from here, so a printed report matches the page. The
 * style sheet's custom properties carry the same values for the page's own elements.
 */
export const palette = {
	/** Body text, axis ticks and labels: 16.7:1 against white. */
	ink: '#17201b',
	/** Secondary text and the comparison bars (peers, all chambers, started): 7.8:1 against white. */
	muted: '#4a5550',
	/** The firm's own figures and the brand colour. */
	primary: '#15703a',
	/** The radar's filled area: the primary colour at a fifth of its strength. */
	primaryTint: 'rgba(21, 112, 58, 0.2)',
	/** Links in the PDF. */
	link: '#0b5394',
	/** Grid lines and table rules. */
	rule: '#c9d6cd',
	/** Scope 1 (fuels burnt on site and in vehicles) and Scope 2 (electricity bought); both ≥ 3:1 against white. */
	scope: { 1: '#8a4b08', 2: '#1f6f8b' }
} as const;

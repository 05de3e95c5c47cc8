/**
 * One theme's score. Its own module because both the scorer (which computes it) and the recommender (which reads
 * each theme's gap) need it, and neither should import the other for a type.
 */
export interface ThemeResult {
	id: string;
	/** 0–100 with one decimal, or null when none of the theme's questions applies. */
	score: number | null;
	/** How many of its questions were answered with something other than "not applicable". */
	answered: number;
}

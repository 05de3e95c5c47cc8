import { SYMBIOSIS_SIDES, type SymbiosisSide } from '../../symbiosis/listing';
import { FilterAtoms } from './filter-atoms';
import type { Firm, SupplyDemandRow } from './types';
import type { Table } from './view';

/*
 * The symbiosis exchange's supply–demand table: per category, how many of the view's firms offer it and how many
 * need it. A firm counts under every category it lists, so, like the needs, these are overlapping groups, each
 * decided by the rule of `filter-atoms.ts` over all the chamber's firms (every firm that listed something, with or
 * without consent to be introduced, counts). A category withheld on one side is null in every view; while any is,
 * every category of that side not shown on its own is null too, the ones no firm lists included, so that a
 * withheld count is never told from none (the rule `fixedBreakdown` follows for levels and bands).
 */

/** Per side, the categories whose counts any view may show, and whether any listed category is withheld. */
export type SupplyDemandTables = Record<
	SymbiosisSide,
	{ shown: ReadonlySet<string>; withholds: boolean }
>;

type Tally = Record<SymbiosisSide, Map<string, number>>;

/** Per side, how many of the firms list each category. */
function tally(firms: readonly Firm[]): Tally {
	const counts: Tally = { offer: new Map(), need: new Map() };
	for (const firm of firms) {
		for (const side of SYMBIOSIS_SIDES) {
			for (const category of firm.symbiosis?.[side] ?? []) {
				counts[side].set(category, (counts[side].get(category) ?? 0) + 1);
			}
		}
	}
	return counts;
}

/** Which categories any view of the chamber may count, decided once over all its firms (see the rule above). */
export function discloseSupplyDemand(
	firms: readonly Firm[],
	tables: Map<string, Table>,
	min: number,
	atoms = new FilterAtoms(firms, tables, min)
): SupplyDemandTables {
	const perSide = { offer: atoms.counts(1), need: atoms.counts(1) };
	firms.forEach((firm, i) => {
		for (const side of SYMBIOSIS_SIDES) {
			for (const category of firm.symbiosis?.[side] ?? []) {
				perSide[side].add(category, atoms.of[i], 0);
			}
		}
	});
	const decide = (side: SymbiosisSide) => {
		const listed = [...perSide[side].counts];
		const shown = listed.filter(([, counts]) => atoms.splits(counts, 1, [0])).map(([id]) => id);
		return { shown: new Set(shown), withholds: shown.length < listed.length };
	};
	return { offer: decide('offer'), need: decide('need') };
}

/** The rows of `categories` (the catalogue's order) from counts and decisions; rows known to be empty are left out. */
function rows(
	counts: Tally,
	tables: SupplyDemandTables,
	categories: readonly string[]
): SupplyDemandRow[] {
	const count = (side: SymbiosisSide, category: string) => {
		if (tables[side].shown.has(category)) return counts[side].get(category) ?? 0;
		return tables[side].withholds ? null : 0;
	};
	return categories
		.map((category) => ({
			category,
			offers: count('offer', category),
			needs: count('need', category)
		}))
		.filter((row) => row.offers !== 0 || row.needs !== 0);
}

/** The supply–demand table of a shown view: its firms' counts under the chamber-wide decisions. */
export function supplyDemandFigures(
	inView: readonly Firm[],
	tables: SupplyDemandTables,
	categories: readonly string[]
): SupplyDemandRow[] {
	return rows(tally(inView), tables, categories);
}

/** One chamber of a region that shares its counts: all its firms and its own decisions over them. */
export interface RegionalChamber {
	firms: readonly Firm[];
	tables: SupplyDemandTables;
}

/**
 * The region's table: per category, the counts of all the chambers that share them (the viewing chamber among
 * them), summed over all their firms, with no filter. A sum is shown only when every chamber's part of it is a count
 * its own dashboard may show, or none. Each part is then 0 or at least `min` and splits each of its chamber's filter
 * atoms (its complement too), so any chamber subtracting its own count, or several subtracting theirs together,
 * learns only a sum of such parts: never a small group of another chamber, nor one its own dashboard withholds.
 * The region's firm total is not published, so no complement is worked out across chambers.
 */
export function regionalSupplyDemand(
	chambers: readonly RegionalChamber[],
	categories: readonly string[]
): SupplyDemandRow[] {
	const tallies = chambers.map((chamber) => tally(chamber.firms));
	const sums: Tally = { offer: new Map(), need: new Map() };
	const decide = (side: SymbiosisSide) => {
		for (const counts of tallies) {
			for (const [category, firms] of counts[side]) {
				sums[side].set(category, (sums[side].get(category) ?? 0) + firms);
			}
		}
		const listed = [...sums[side].keys()];
		const shown = listed.filter((category) =>
			chambers.every(
				(chamber, i) => chamber.tables[side].shown.has(category) || !tallies[i][side].has(category)
			)
		);
		return { shown: new Set(shown), withholds: shown.length < listed.length };
	};
	return rows(sums, { offer: decide('offer'), need: decide('need') }, categories);
}

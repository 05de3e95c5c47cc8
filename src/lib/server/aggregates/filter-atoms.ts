import type { Firm } from './types';
import { DIMENSIONS, type Table } from './view';

/*
 * The rule for counts of overlapping groups (a need, a category offered in the symbiosis exchange): each such group
 * divides the chamber's firms into those it counts and the others, and that division is laid over the "atoms" of the
 * four filters, the firms alike in every cell of campaign, sector, size class and province that `publishPartitions`
 * lets views show (the withheld cells of a filter as one). A count is shown only if, in every atom, the firms it
 * counts and the others are each none or at least `min`. Every view is a union of atoms, so a count in any view, its
 * complement, and any sum or difference of one group's counts over any views count a union of pieces of at least
 * that size. The decision is taken once over all the chamber's firms, the same for every view.
 */

/**
 * Each firm's atom of the four filters: its shown cell of each, or the filter's withheld cells as one. These are
 * unions of the atoms `publishPartitions` leaves, so each holds at least `min` firms.
 */
function filterAtoms(firms: readonly Firm[], tables: Map<string, Table>): Int32Array {
	// Each filter's cells as small numbers (every withheld cell as one), combined into one number per firm.
	const atoms = new Int32Array(firms.length);
	for (const name of DIMENSIONS) {
		const table = tables.get(name)!;
		const codes = new Map<string | null, number>();
		const withheld = 0;
		firms.forEach((firm, i) => {
			const key = table.keyOf(firm);
			let code = withheld;
			if (table.shown.has(key)) {
				code = codes.get(key) ?? codes.size + 1;
				codes.set(key, code);
			}
			atoms[i] = atoms[i] * (table.shown.size + 1) + code;
		});
	}
	// Renumbered from 0, so that per-atom counts fit in short arrays.
	const dense = new Map<number, number>();
	return atoms.map((atom) => {
		let code = dense.get(atom);
		if (code === undefined) dense.set(atom, (code = dense.size));
		return code;
	});
}

/**
 * Per group id, how many firms of each atom it counts, in which of `width` cells (slot `atom * width + cell`): one
 * pass over the firms, so that deciding every group costs little more than reading them.
 */
export class AtomCounts {
	readonly counts = new Map<string, Int32Array>();
	constructor(
		private readonly slots: number,
		private readonly width: number
	) {}

	add(id: string, atom: number, cell: number) {
		let perAtom = this.counts.get(id);
		if (!perAtom) this.counts.set(id, (perAtom = new Int32Array(this.slots * this.width)));
		perAtom[atom * this.width + cell] += 1;
	}
}

/** The chamber's firms laid over the filters' atoms, to decide which overlapping groups any view may count. */
export class FilterAtoms {
	/** The atom of each firm, in the firms' order. */
	readonly of: Int32Array;
	private readonly sizes: number[] = [];

	constructor(
		firms: readonly Firm[],
		tables: Map<string, Table>,
		private readonly min: number
	) {
		this.of = filterAtoms(firms, tables);
		for (const atom of this.of) this.sizes[atom] = (this.sizes[atom] ?? 0) + 1;
	}

	/** Empty counts per group id and atom, in `width` cells each. */
	counts(width: number): AtomCounts {
		return new AtomCounts(this.sizes.length, width);
	}

	/** Whether, in every atom, the firms counted in `cells` and the others are each none or at least `min`. */
	splits(counts: Int32Array, width: number, cells: readonly number[]): boolean {
		const fine = (count: number) => count === 0 || count >= this.min;
		return this.sizes.every((size, atom) => {
			const counted = cells.reduce((sum, cell) => sum + counts[atom * width + cell], 0);
			return fine(counted) && fine(size - counted);
		});
	}
}

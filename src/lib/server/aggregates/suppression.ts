/**
 * Statistical disclosure control for chamber dashboards: pure rules deciding which aggregate figures may be shown so
 * that no figure describes fewer than `min` firms, directly, from a total, or by differencing any views. Every rule
 * here treats `min` as the smallest group a figure may describe; a suppressed figure is `null`.
 */

/** Below three firms an average singles out a firm's score however the rest is done; configuration enforces it too. */
export const MIN_GROUP_FLOOR = 3;

/** Why a whole view (or one of its figures) is withheld: too few firms, or a group that other figures would isolate. */
export type Suppression = null | 'too_few' | 'filters_single_out';

function checkMin(min: number): void {
	if (!Number.isInteger(min) || min < MIN_GROUP_FLOOR) {
		throw new RangeError(`minimum group size must be an integer of at least ${MIN_GROUP_FLOOR}`);
	}
}

/** Primary suppression of a count: 0 and counts of at least `min` are shown, anything in between is `null`. */
export function suppressCount(n: number, min: number): number | null {
	checkMin(min);
	return n === 0 || n >= min ? n : null;
}

/** A cell of a breakdown whose total is published: its key, its firms and any figures computed over them. */
export interface BreakdownCell {
	key: string | null;
	firms: number;
}

/** A breakdown cell after suppression: the key stays, every figure (firms included) may be withheld. */
export type Suppressed<T extends BreakdownCell> = {
	[P in keyof T]: P extends 'key' ? T[P] : T[P] | null;
};

/** Deterministic order of keys: code-unit order (not locale), the unknown (`null`) key last. */
export function compareKeys(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/**
 * Primary and complementary suppression of a breakdown whose total is shown elsewhere. Cells with 0 < firms < min are
 * hidden first. The hidden cells together can still be worked out as the total minus the shown cells, so while they
 * hold fewer than `min` firms, the smallest shown non-empty cell is hidden too (ties in key order) until every
 * non-empty cell is. Shown cells come back untouched; empty cells always stay shown.
 */
export function suppressBreakdown<T extends BreakdownCell>(
	cells: readonly T[],
	min: number
): Suppressed<T>[] {
	checkMin(min);
	const nonEmpty = cells.filter((cell) => cell.firms > 0);
	const hidden = new Set(nonEmpty.filter((cell) => cell.firms < min));
	const candidates = nonEmpty
		.filter((cell) => !hidden.has(cell))
		.sort((a, b) => a.firms - b.firms || compareKeys(a.key, b.key));
	let hiddenFirms = [...hidden].reduce((sum, cell) => sum + cell.firms, 0);
	for (const cell of candidates) {
		if (hidden.size === 0 || hiddenFirms >= min) break;
		hidden.add(cell);
		hiddenFirms += cell.firms;
	}
	return cells.map((cell) => (hidden.has(cell) ? withheld(cell) : (cell as Suppressed<T>)));
}

function withheld<T extends BreakdownCell>(cell: T): Suppressed<T> {
	const copy: Record<string, unknown> = { key: cell.key };
	for (const name of Object.keys(cell)) if (name !== 'key') copy[name] = null;
	return copy as Suppressed<T>;
}

/** A way of dividing a chamber's firms: `keys[i]` is the cell of firm i (`null` is a cell: firms that did not say). */
export type Partition = readonly (string | null)[];

/** What a partition may publish: its non-empty cells shown on their own, and those shown only merged as one group. */
export interface Published {
	shown: ReadonlySet<string | null>;
	hidden: ReadonlySet<string | null>;
}

/**
 * Numbers the distinct values of `slots` (each below `space`) from 0 in order of first appearance, and gives each
 * element its value's number. Through an array while values are few for the elements, as they are for the facts a
 * chamber's firms are divided by (an atom holds at least `min` firms, and a partition's cells are sectors, months,
 * levels): a large chamber's decision made tens of thousands of map lookups per partition. A map otherwise.
 */
function numberSlots(slots: Float64Array, space: number) {
	const of = new Int32Array(slots.length);
	let count = 0;
	if (space <= 4 * slots.length) {
		const numbers = new Int32Array(space).fill(-1);
		for (let i = 0; i < slots.length; i++) {
			if (numbers[slots[i]] === -1) numbers[slots[i]] = count++;
			of[i] = numbers[slots[i]];
		}
	} else {
		const numbers = new Map<number, number>();
		for (let i = 0; i < slots.length; i++) {
			let number = numbers.get(slots[i]);
			if (number === undefined) numbers.set(slots[i], (number = count++));
			of[i] = number;
		}
	}
	return { of, count };
}

/**
 * The one decision, over all of a chamber's firms and the same for every request, about which cells of each
 * partition any view may show. The partitions come in order of priority. Each is laid over the finer and finer
 * division made by those accepted before it ("atoms": firms alike in every published cell), its hidden cells merged
 * into one; it is accepted once every atom is empty or holds at least `min` firms, hiding its smallest cell that lies
 * in a small atom (or, when only the merged group is small, its smallest cell) until it is, at worst all of them.
 *
 * Why this is enough: every figure a view publishes (its total, a cell of a breakdown, the withheld rest, a theme's
 * scorers, the firms with a carbon estimate) is over a union of atoms, so any sum or difference of published counts,
 * from any number of views, counts a union of atoms whenever it counts a group of firms at all, and that is empty or
 * holds at least `min` firms. Comparing views that do not nest (a sector and a province) gives nothing smaller.
 * `firms` below `min` (but not 0) can publish nothing: the caller withholds every view.
 */
export function publishPartitions(
	firms: number,
	partitions: readonly Partition[],
	min: number
): Published[] {
	checkMin(min);
	let atoms = new Int32Array(firms);
	let atomCount = 1;
	return partitions.map((keys) => {
		if (keys.length !== firms) throw new RangeError('a partition must give every firm a cell');
		// Cells as small numbers, and each firm's piece (its atom's firms in its cell, slot `atom * cells + cell`).
		const codes = new Map<string | null, number>();
		const cellOf = keys.map((key) => {
			let code = codes.get(key);
			if (code === undefined) codes.set(key, (code = codes.size));
			return code;
		});
		const keyOf = [...codes.keys()];
		const cells = codes.size;
		const sizes = new Array<number>(cells).fill(0);
		const slots = new Float64Array(firms);
		cellOf.forEach((cell, i) => {
			slots[i] = atoms[i] * cells + cell;
			sizes[cell] += 1;
		});
		// The non-empty pieces as flat arrays: the loop below passes over them once per cell it hides, thousands of
		// pieces for the later partitions of a large chamber.
		const { of: pieceOf, count: pieces } = numberSlots(slots, atomCount * cells);
		const pieceCell = new Int32Array(pieces);
		const pieceAtom = new Int32Array(pieces);
		const pieceFirms = new Int32Array(pieces);
		cellOf.forEach((cell, i) => {
			pieceCell[pieceOf[i]] = cell;
			pieceAtom[pieceOf[i]] = atoms[i];
			pieceFirms[pieceOf[i]] += 1;
		});
		const shown = new Uint8Array(cells).fill(1);
		let shownCount = cells;
		const merged = new Int32Array(atomCount);
		const bySize = (a: number, b: number) => sizes[a] - sizes[b] || compareKeys(keyOf[a], keyOf[b]);
		for (;;) {
			const inSmallAtoms = new Set<number>();
			merged.fill(0);
			for (let i = 0; i < pieces; i++) {
				if (!shown[pieceCell[i]]) merged[pieceAtom[i]] += pieceFirms[i];
				else if (pieceFirms[i] < min) inSmallAtoms.add(pieceCell[i]);
			}
			let small = false;
			for (let i = 0; i < pieces && !small; i++) {
				small = !shown[pieceCell[i]] && merged[pieceAtom[i]] < min;
			}
			if ((inSmallAtoms.size === 0 && !small) || shownCount === 0) break;
			const candidates =
				inSmallAtoms.size > 0 ? [...inSmallAtoms] : [...shown.keys()].filter((cell) => shown[cell]);
			const next = candidates.reduce((best, cell) => (bySize(cell, best) < 0 ? cell : best));
			shown[next] = 0;
			shownCount -= 1;
		}
		// The next atoms: the old ones split by the shown cells, the hidden ones kept together (as cell `cells`).
		cellOf.forEach((cell, i) => {
			slots[i] = atoms[i] * (cells + 1) + (shown[cell] ? cell : cells);
		});
		const next = numberSlots(slots, atomCount * (cells + 1));
		atoms = next.of;
		atomCount = Math.max(1, next.count);
		return {
			shown: new Set(keyOf.filter((_, cell) => shown[cell])),
			hidden: new Set(keyOf.filter((_, cell) => !shown[cell]))
		};
	});
}

/**
 * Whether the firms whose cell `includes` accepts are a union of what the partition publishes: every shown cell is,
 * and the hidden cells only all together.
 */
export function publishes(published: Published, includes: (key: string | null) => boolean) {
	const hidden = [...published.hidden].map(includes);
	return hidden.every(Boolean) || !hidden.some(Boolean);
}

import type { Firm } from '../aggregates/types';

/** A chamber's firms as its summary rows hold them, each with its assessment's id, in id order. */
export type ChamberFirms = readonly { readonly id: string; readonly firm: Firm }[];

/**
 * At most this many firms are kept, about 30 MB: the largest chamber of the 100,000-assessment bench has 17,500.
 * A chamber larger than this on its own is read from its rows every time.
 */
const MAX_FIRMS = 50_000;

/**
 * Chambers' firms as last parsed from their summary rows, with the version of those rows they were read at
 * (`statistics_version`), the least recently read dropped first. Parsing a large chamber's rows took most of its
 * dashboard's time, and a chamber's staff reads them again with every filter they try; the version, read in the
 * reader's own snapshot, says whether any write (from this process or another) changed them since. The firms are
 * shared between readers: nothing may change them.
 */
export class ParsedFirms {
	constructor(private readonly maxFirms = MAX_FIRMS) {}

	readonly #chambers = new Map<string, { version: number; firms: ChamberFirms }>();
	#size = 0;

	/** The chamber's firms if they were parsed at this version. */
	get(chamberId: string, version: number): ChamberFirms | undefined {
		const kept = this.#chambers.get(chamberId);
		if (kept?.version !== version) return undefined;
		// Read again: the most recent in the map's order.
		this.#chambers.delete(chamberId);
		this.#chambers.set(chamberId, kept);
		return kept.firms;
	}

	/** Keeps the chamber's firms as parsed at this version, unless newer ones are kept already. */
	set(chamberId: string, version: number, firms: ChamberFirms): void {
		const kept = this.#chambers.get(chamberId);
		if (kept && kept.version > version) return;
		if (kept) this.#forget(chamberId, kept.firms);
		if (firms.length > this.maxFirms) return;
		for (const [oldest, { firms: dropped }] of this.#chambers) {
			if (this.#size + firms.length <= this.maxFirms) break;
			this.#forget(oldest, dropped);
		}
		this.#chambers.set(chamberId, { version, firms });
		this.#size += firms.length;
	}

	#forget(chamberId: string, firms: ChamberFirms): void {
		this.#chambers.delete(chamberId);
		this.#size -= firms.length;
	}
}

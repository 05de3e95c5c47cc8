/**
 * A table with its caption, head and cells already worded and formatted; the first cell of a row names it. A
 * `null` cell (where a presenter allows one) is a figure withheld for disclosure control.
 */
export interface PresentedTable<Cell extends string | null = string> {
	caption: string;
	head: string[];
	rows: Cell[][];
}

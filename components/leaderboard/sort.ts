/**
 * The leaderboard's sort rule (one column at a time), as the table applied it with TanStack Table
 * and now applies it itself. Plain TypeScript.
 *
 * - A header click: an unsorted column sorts in its first direction (descending for scores and win
 *   rates, ascending for rank, names and tokens); clicked again, the other direction; a third time,
 *   the sort is removed (null: the board's rank order, shown as rank ascending).
 * - Missing values (undefined) always sort last, in either direction; equal values keep the order
 *   the rows came in (rank order).
 */
export interface SortState {
  id: string;
  desc: boolean;
}

export interface SortableColumn {
  id: string;
  /** The direction of the first click. */
  descFirst: boolean;
}

/** The sort after a click on `column`'s header; null = back to rank order. */
export function nextSort(current: SortState, column: SortableColumn): SortState | null {
  if (current.id !== column.id) return { id: column.id, desc: column.descFirst };
  if (current.desc === column.descFirst) return { id: column.id, desc: !column.descFirst };
  return null;
}

export type SortValue = number | string | undefined;

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** `rows` sorted by `value` (numbers numerically, text by `en` collation), stable, missing last. */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, desc: boolean): R[] {
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }));
  keyed.sort((a, b) => {
    const au = a.v === undefined;
    const bu = b.v === undefined;
    if (au || bu) return au && bu ? a.index - b.index : au ? 1 : -1;
    const c = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    if (c !== 0) return desc ? -c : c;
    return a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

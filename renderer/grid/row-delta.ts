// Turns two snapshots of a slice's rows-by-id into one AG Grid transaction, so a pushed change
// updates the rows it touched instead of re-setting the grid's whole row data.
export interface RowDelta<Row> {
  add: Row[];
  update: Row[];
  remove: Row[];
}

/** Rows are compared by identity: the slices replace a row object exactly when it changed. */
export function diffRowsById<Row>(previous: Readonly<Record<string, Row>>, next: Readonly<Record<string, Row>>): RowDelta<Row> {
  const delta: RowDelta<Row> = { add: [], update: [], remove: [] };
  if (previous === next) return delta;
  for (const [id, row] of Object.entries(next)) {
    const before = previous[id];
    if (before === undefined) delta.add.push(row);
    else if (before !== row) delta.update.push(row);
  }
  for (const [id, row] of Object.entries(previous)) {
    if (!(id in next)) delta.remove.push(row);
  }
  return delta;
}

export function isEmptyDelta(delta: RowDelta<unknown>): boolean {
  return delta.add.length === 0 && delta.update.length === 0 && delta.remove.length === 0;
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Keys a freshly loaded list by id, keeping the previous object of every row whose fields are all the
 * same, so a reload that changed nothing gives an empty delta. Rows are flat records of plain values.
 */
export function rowsByIdKeepingUnchanged<Row extends object>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  previous: Readonly<Record<string, Row>> = {},
): Record<string, Row> {
  const byId: Record<string, Row> = {};
  for (const row of rows) {
    const id = idOf(row);
    const before = previous[id];
    byId[id] = before !== undefined && sameFields(before, row) ? before : row;
  }
  return byId;
}

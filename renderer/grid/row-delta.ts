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

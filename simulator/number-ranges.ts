// The ERP's number ranges: each kind of document has its own prefix, so a production order never reads
// like a purchase order, and ids continue after the seeded ones.

/** The first lot number of a new world; lot ids are L- and six digits. */
export const firstLotNumber = 101;

const padded = (n: number, width: number) => String(n).padStart(width, '0');

export const formatLotId = (n: number): string => `L-${padded(n, 6)}`;
export const formatInspectionLotId = (n: number): string => `IL-${padded(n, 6)}`;
/** Production (manufacturing) orders. */
export const formatProductionOrderId = (n: number): string => `MO-${padded(n, 7)}`;
/** A purchase order's first schedule line. */
export const formatPoLineId = (n: number): string => `PO-${padded(n, 7)}/10`;
/** Stock transport orders. */
export const formatTransferId = (n: number): string => `STO-${padded(n, 6)}`;
export const formatStoppageId = (n: number): string => `LS-${padded(n, 6)}`;
export const formatAsnId = (n: number): string => `ASN-${padded(n, 7)}`;

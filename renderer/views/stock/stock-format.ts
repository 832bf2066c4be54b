// How the stock/requirements list reads: MRP elements in words, pegged parts as "PO-1/10 · 10 M".
import type { PeggedPart, StockRequirementKind } from '../../../shared/api/stock-requirements';
import { formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';

export const stockKindLabels: Record<StockRequirementKind, string> = {
  stock: 'Stock',
  'safety-stock': 'Safety stock',
  'po-line': 'PO line',
  'production-output': 'Production order',
  'transfer-in': 'Transfer in',
  component: 'Component',
  'customer-order': 'Customer order',
  'transfer-out': 'Transfer out',
};

const partKindLabels: Record<PeggedPart['kind'], string> = { ...stockKindLabels, stock: 'Stock lot' };

export const isReceipt = (kind: StockRequirementKind): boolean => kind === 'po-line' || kind === 'production-output' || kind === 'transfer-in';
export const isRequirement = (kind: StockRequirementKind): boolean => kind === 'component' || kind === 'customer-order' || kind === 'transfer-out';

/** "PO-1/10 · 10 M on 05 Dec 2026" */
export function describePart(part: PeggedPart, unit: string): string {
  return `${partKindLabels[part.kind]} ${part.document} · ${formatQuantity(part.quantity, unit)} on ${formatPlanDate(part.date)}`;
}

/** A requirement's pegging in a few words for the grid: who covers it, and when. */
export function peggingSummary(row: { pegged?: { from: PeggedPart[]; coveredDate: string | null; daysLate: number | null } | undefined; covers?: PeggedPart[] | undefined }, unit: string): string {
  if (row.pegged) {
    const from = row.pegged.from.map((part) => `${part.document} ${formatQuantity(part.quantity, unit)}`).join(' · ');
    const when = row.pegged.coveredDate === null ? 'never covered' : `covered ${formatPlanDate(row.pegged.coveredDate)}`;
    return from ? `${when}: ${from}` : when;
  }
  if (row.covers) return row.covers.length === 0 ? 'covers nothing yet' : `covers ${row.covers.map((part) => `${part.document} ${formatQuantity(part.quantity, unit)}`).join(' · ')}`;
  return '';
}

// The stock/requirements list of an item at a plant, as the plan has it now: today's unrestricted
// stock (less safety stock), then every receipt and requirement in date order with the running
// available quantity, receipts before requirements on a day and requirements in the order the
// planning rule serves them. Each requirement carries the receipts pegged to it and the day it is
// covered; each receipt the requirements it covers: the same pegging the plan's lateness came from.
import type { PeggedPart, ReceiptKind, RequirementKind, StockRequirementRow, StockRequirementsList } from '../../shared/api/stock-requirements';
import type { Dataset } from '../../shared/dataset';
import { stockTypes, type StockType } from '../../shared/domain';
import { dateOf, dayOf, readableDate } from '../../shared/plan-days';
import { allocate, type PeggedRequirement } from './pegging';
import { byNeed } from './plan';
import type { KeySupply, PlanIndex, SupplySource } from './plan-index';
import type { Demand } from './supply-demand';

/** What the list reads beside the plan: the item's master data and the plant's safety stock. */
export interface StockRequirementsMaster {
  item(itemId: string): { description: string; unit: string } | undefined;
  safetyStock(itemId: string, plant: string): number;
}

/** The master a planning dataset holds. */
export function datasetMaster(dataset: Pick<Dataset, 'items' | 'safetyStocks'>): StockRequirementsMaster {
  const items = new Map(dataset.items.map((item) => [item.id, item]));
  const safety = new Map(dataset.safetyStocks.map((stock) => [`${stock.itemId}@${stock.plant}`, stock.quantity]));
  return { item: (itemId) => items.get(itemId), safetyStock: (itemId, plant) => safety.get(`${itemId}@${plant}`) ?? 0 };
}

const epsilon = 1e-9;

const lotCount = (count: number): string => `${count} lot${count === 1 ? '' : 's'}`;

export function receiptKind(source: SupplySource): ReceiptKind | 'stock' {
  return source.kind === 'lot' ? 'stock' : source.kind === 'poLine' ? 'po-line' : source.kind === 'transfer' ? 'transfer-in' : 'production-output';
}

export function receiptDocument(source: SupplySource): string {
  switch (source.kind) {
    case 'lot':
      return source.lot.lotId;
    case 'poLine':
      return source.line.id;
    case 'transfer':
      return source.transfer.id;
    case 'production':
      return source.order.id;
  }
}

export const requirementKind = (demand: Demand): RequirementKind => (demand.kind === 'component' ? 'component' : demand.kind === 'customer' ? 'customer-order' : 'transfer-out');

export const receiptPart = (supply: KeySupply, quantity: number): PeggedPart => ({ kind: receiptKind(supply.source), document: receiptDocument(supply.source), date: dateOf(supply.day), quantity });
export const requirementPart = (demand: Demand, quantity: number): PeggedPart => ({ kind: requirementKind(demand), document: demand.orderId, date: dateOf(demand.day), quantity });

/** An item at a plant pegged as the plan pegs it: per demand what covers it, and per supply what it covers. */
export function pegKey(index: PlanIndex, itemId: string, plant: string) {
  const elements = index.keyElements(itemId, plant);
  if (!elements) return null;
  const pegging = allocate(elements.supplies, elements.demands);
  /** Per supply, the demands it covers and how much of each, in need order. */
  const covers = new Map<KeySupply, { demand: Demand; quantity: number }[]>();
  for (const [demand, pegged] of pegging) {
    for (const part of pegged.from) {
      const list = covers.get(part.supply) ?? [];
      list.push({ demand, quantity: part.quantity });
      covers.set(part.supply, list);
    }
  }
  // By document: a lot by its lot id; a PO line, transfer or production order by its own.
  const receipts = new Map<string, KeySupply>();
  for (const supply of elements.supplies) receipts.set(receiptDocument(supply.source), supply);
  return { elements, pegging, covers, receipts };
}

function receiptStatus(supply: KeySupply, today: number): { status: string; partner: string } {
  const { source } = supply;
  switch (source.kind) {
    case 'lot':
      return { status: 'on hand', partner: source.lot.lotId };
    case 'poLine':
      return { status: source.line.asnId ? (source.line.asnId.startsWith('ASN') ? source.line.asnId : `ASN ${source.line.asnId}`) : source.line.confirmed ? 'confirmed' : 'requested', partner: source.line.supplierId };
    case 'transfer':
      return { status: dayOf(source.transfer.shipDate) <= today ? 'in transit' : 'planned', partner: `from ${source.transfer.fromPlant}` };
    case 'production': {
      const late = source.planned.daysLate ?? 0;
      return { status: late > 0 ? `late +${late} d (due ${readableDate(source.order.dueDate)})` : 'firm', partner: `line ${source.order.line}` };
    }
  }
}

function requirementStatus(pegged: PeggedRequirement<KeySupply> | undefined): string {
  if (!pegged || pegged.daysLate === null) return 'not covered';
  return pegged.daysLate > 0 ? `late +${pegged.daysLate} d` : 'covered';
}

function requirementPartner(index: PlanIndex, demand: Demand): string {
  if (demand.kind === 'component') {
    const order = index.productionOrder(demand.orderId)?.order;
    return order ? `for ${order.itemId}` : '';
  }
  if (demand.kind === 'customer') {
    const order = index.customerOrder(demand.orderId);
    return order ? `${order.customerId}, priority ${order.priority}` : '';
  }
  const transfer = index.transfer(demand.orderId);
  return transfer ? `to ${transfer.toPlant}` : '';
}

export function stockRequirements(index: PlanIndex, master: StockRequirementsMaster, itemId: string, plant: string): StockRequirementsList | null {
  const item = master.item(itemId);
  const pegged = pegKey(index, itemId, plant);
  if (!item && !pegged) return null;
  const today = index.today;
  const stock = Object.fromEntries(stockTypes.map((type) => [type, 0])) as Record<StockType, number>;
  const lots = (pegged?.elements.lots ?? []).map((lot) => ({ lotId: lot.lotId, quantity: lot.quantity, stockType: lot.stockType }));
  for (const lot of lots) stock[lot.stockType] += lot.quantity;
  const supplies = pegged?.elements.supplies ?? [];
  for (const supply of supplies) if (supply.source.kind === 'transfer' && dayOf(supply.source.transfer.shipDate) <= today) stock['in-transit'] += supply.quantity;
  const safetyStock = master.safetyStock(itemId, plant);
  // Short is below zero with the safety stock given back; between the two, the safety stock is being used.
  const shortness = (available: number) => ({ short: available + safetyStock < -epsilon, belowSafetyStock: available < -epsilon && available + safetyStock >= -epsilon });

  let available = stock.unrestricted;
  const rows: StockRequirementRow[] = [{ date: dateOf(today), kind: 'stock', document: '', quantity: stock.unrestricted, status: 'unrestricted', partner: lotCount(lots.filter((lot) => lot.stockType === 'unrestricted').length), available, ...shortness(available) }];
  if (safetyStock > 0) {
    available -= safetyStock;
    rows.push({ date: dateOf(today), kind: 'safety-stock', document: '', quantity: -safetyStock, status: 'safety stock', partner: '', available, ...shortness(available) });
  }
  // Receipts before requirements on a day; receipts in the order pegging takes them, requirements in need order.
  const receipts = supplies.filter((supply) => supply.source.kind !== 'lot').map((supply, order) => ({ supply, order }));
  receipts.sort((a, b) => a.supply.day - b.supply.day || a.order - b.order);
  // A production order of the item that never finishes brings nothing, and is listed at its due date so
  // the planner sees it (it is what the orders it would cover wait for).
  const stuck = pegged?.elements.unfulfilledProducers ?? [];
  let s = 0;
  const stuckRow = (order: (typeof stuck)[number]): StockRequirementRow => ({
    date: order.dueDate,
    kind: 'production-output',
    document: order.id,
    quantity: 0,
    status: `never finishes (${Number(order.quantity.toFixed(3)).toLocaleString('en-US')}${item?.unit ? ` ${item.unit}` : ''} planned)`,
    partner: `line ${order.line}`,
    available,
    ...shortness(available),
    covers: [],
  });
  const demands = [...(pegged?.elements.demands ?? [])].sort(byNeed);
  let r = 0;
  let d = 0;
  while (r < receipts.length || d < demands.length || s < stuck.length) {
    const receipt = receipts[r];
    const demand = demands[d];
    const never = stuck[s];
    if (never && (!receipt || dayOf(never.dueDate) <= receipt.supply.day) && (!demand || dayOf(never.dueDate) <= demand.day)) {
      s += 1;
      rows.push(stuckRow(never));
    } else if (receipt && (!demand || receipt.supply.day <= demand.day)) {
      r += 1;
      available += receipt.supply.quantity;
      rows.push({
        date: dateOf(receipt.supply.day),
        kind: receiptKind(receipt.supply.source) as ReceiptKind,
        document: receiptDocument(receipt.supply.source),
        quantity: receipt.supply.quantity,
        ...receiptStatus(receipt.supply, today),
        available,
        ...shortness(available),
        covers: (pegged?.covers.get(receipt.supply) ?? []).map((part) => requirementPart(part.demand, part.quantity)),
      });
    } else if (demand) {
      d += 1;
      available -= demand.quantity;
      const of = pegged?.pegging.get(demand);
      rows.push({
        date: dateOf(demand.day),
        kind: requirementKind(demand),
        document: demand.orderId,
        quantity: -demand.quantity,
        status: requirementStatus(of),
        partner: requirementPartner(index, demand),
        available,
        ...shortness(available),
        pegged: { from: (of?.from ?? []).map((part) => receiptPart(part.supply, part.quantity)), coveredDate: of && of.coveredDay !== null ? dateOf(of.coveredDay) : null, daysLate: of?.daysLate ?? null },
      });
    }
  }
  return { itemId, plant, description: item?.description ?? itemId, unit: item?.unit ?? '', today: dateOf(today), stock, lots, safetyStock, rows };
}

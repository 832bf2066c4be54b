// The stock/requirements list, its pegging both ways and a late order's explanation, on the plan worked
// by hand in helpers/three-level-dataset.ts (its numbers are there).
import { describe, expect, it } from 'vitest';
import { explainLate } from '../../orchestration-core/analysis/late-explanation';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import { pegUp } from '../../orchestration-core/analysis/pegging-up';
import { datasetMaster, stockRequirements, type StockRequirementsMaster } from '../../orchestration-core/analysis/stock-requirements';
import { threeLevels } from '../helpers/three-level-dataset';

const dataset = threeLevels;

const master: StockRequirementsMaster = datasetMaster(dataset);

describe('the stock/requirements list', () => {
  it('lists stock, safety stock, receipts and requirements in date order with the running available quantity, worked by hand', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const list = stockRequirements(index, master, 'RM-1', 'P1')!;
    expect(list.stock).toEqual({ unrestricted: 5, 'quality-inspection': 0, blocked: 7, restricted: 0, 'in-transit': 0 });
    expect(list.lots.map((lot) => lot.lotId).sort()).toEqual(['L-RM', 'L-RMB']);
    expect(list.rows.map((row) => [row.date, row.kind, row.document, row.quantity, row.available, row.short, row.status])).toEqual([
      ['2026-12-01', 'stock', '', 5, 5, false, 'unrestricted'],
      ['2026-12-01', 'safety-stock', '', -2, 3, false, 'safety stock'],
      ['2026-12-05', 'po-line', 'PO-1/10', 10, 13, false, 'confirmed'],
      ['2026-12-08', 'component', 'MO-SA', -20, -7, true, 'late +12 d'],
      ['2026-12-20', 'po-line', 'PO-2/10', 10, 3, false, 'ASN-7'],
    ]);
    // The requirement takes the stock, all of PO-1/10 and half of PO-2/10: covered on 20 Dec.
    expect(list.rows[3]!.pegged).toEqual({
      from: [
        { kind: 'stock', document: 'L-RM', date: '2026-12-01', quantity: 5 },
        { kind: 'po-line', document: 'PO-1/10', date: '2026-12-05', quantity: 10 },
        { kind: 'po-line', document: 'PO-2/10', date: '2026-12-20', quantity: 5 },
      ],
      coveredDate: '2026-12-20',
      daysLate: 12,
    });
    expect(list.rows[4]!.covers).toEqual([{ kind: 'component', document: 'MO-SA', date: '2026-12-08', quantity: 5 }]);
  });

  it('tells a day short from a day into the safety stock', () => {
    const keepsTen = { ...dataset, safetyStocks: [{ itemId: 'RM-1', plant: 'P1', quantity: 10 }] };
    const list = stockRequirements(new PlanIndex(keepsTen, keepsTen.today), datasetMaster(keepsTen), 'RM-1', 'P1')!;
    expect(list.rows.map((row) => [row.kind, row.available, row.short, row.belowSafetyStock])).toEqual([
      ['stock', 5, false, false],
      ['safety-stock', -5, false, true],
      ['po-line', 5, false, false],
      ['component', -15, true, false],
      ['po-line', -5, false, true],
    ]);
  });

  it('shows a production order’s output at its planned day, late, and the customer orders it covers', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const list = stockRequirements(index, master, 'FG-1', 'P1')!;
    expect(list.rows.map((row) => [row.date, row.kind, row.document, row.quantity, row.available, row.status])).toEqual([
      ['2026-12-01', 'stock', '', 5, 5, 'unrestricted'],
      ['2026-12-10', 'customer-order', 'CO-2', -5, 0, 'covered'],
      ['2026-12-20', 'customer-order', 'CO-1', -10, -10, 'late +7 d'],
      ['2026-12-27', 'production-output', 'MO-FG', 10, 0, 'late +9 d (due 18 Dec 2026)'],
    ]);
    expect(list.rows[2]!.pegged).toMatchObject({ coveredDate: '2026-12-27', daysLate: 7, from: [{ kind: 'production-output', document: 'MO-FG', quantity: 10 }] });
  });

  it('agrees with the planning rule from scratch on every requirement’s lateness', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const plan = computePlan(dataset, dataset.today);
    const fg = stockRequirements(index, master, 'FG-1', 'P1')!;
    for (const row of fg.rows.filter((r) => r.kind === 'customer-order')) expect(row.pegged!.daysLate).toBe(plan.customerOrders.get(row.document)!.daysLate);
    const rm = stockRequirements(index, master, 'RM-1', 'P1')!;
    expect(rm.rows.find((r) => r.kind === 'component')!.pegged!.daysLate).toBe(plan.productionOrders.get('MO-SA')!.daysLate);
  });
});

describe('pegging up from a receipt', () => {
  it('follows PO-2/10 up the three levels to the customer order at the top, with its value and priority', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const up = pegUp(index, 'RM-1', 'P1', 'PO-2/10', (id) => master.item(id)!.unit)!;
    expect(up.receipt).toEqual({ kind: 'po-line', document: 'PO-2/10', date: '2026-12-20', quantity: 10 });
    expect(up.covers).toMatchObject([
      { kind: 'component', document: 'MO-SA', itemId: 'SA-1', quantity: 5, unit: 'M', daysLate: 12, above: [{ kind: 'component', document: 'MO-FG', itemId: 'FG-1', quantity: 10, unit: 'EA', daysLate: 9, above: [{ kind: 'customer-order', document: 'CO-1', quantity: 10, unit: 'EA', daysLate: 7, customer: { customerId: 'C-1', value: 5_000, priority: 2 }, above: [] }] }] },
    ]);
    expect(up.customerOrders).toEqual([{ document: 'CO-1', customerId: 'C-1', date: '2026-12-20', value: 5_000, priority: 2, daysLate: 7 }]);
    // FG-1's stock covers CO-2 only.
    expect(pegUp(index, 'FG-1', 'P1', 'L-FG')!.customerOrders.map((order) => order.document)).toEqual(['CO-2']);
  });
});

describe('why an order is late', () => {
  it('walks CO-1 down the bill of materials to the PO line that arrives late', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const explained = explainLate(index, 'CO-1')!;
    expect(explained.daysLate).toBe(7);
    // The blocked lot of RM-1 is why MO-SA waits for PO-2/10 at all: it is said too.
    expect(explained.because).toBe('late because PO-2/10 arrives 20 Dec 2026, needed 08 Dec 2026; 7 of RM-1 there is blocked (L-RMB)');
    expect(explained.steps.map((step) => [step.level, step.kind, step.document, step.itemId, step.daysLate])).toEqual([
      [0, 'customer-order', 'CO-1', 'FG-1', 7],
      [1, 'production-order', 'MO-FG', 'FG-1', 9],
      [2, 'component', 'MO-FG', 'SA-1', 9],
      [3, 'production-order', 'MO-SA', 'SA-1', 12],
      [4, 'component', 'MO-SA', 'RM-1', 12],
      [5, 'po-line', 'PO-2/10', 'RM-1', 12],
    ]);
    expect(explainLate(index, 'CO-2')).toMatchObject({ daysLate: 0, because: null, steps: [{ kind: 'customer-order', document: 'CO-2' }] });
    expect(explainLate(index, 'CO-404')).toBeNull();
  });

  it('names the missing quantity when nothing covers the order, and a PO line moved in time makes it on time', () => {
    const short = { ...dataset, poLines: dataset.poLines.filter((line) => line.id !== 'PO-2/10') };
    const index = new PlanIndex(short, short.today);
    const explained = explainLate(index, 'CO-1', (id) => master.item(id)!.unit)!;
    expect(explained.daysLate).toBeNull();
    expect(explained.because).toBe('short because 5 M of RM-1 at P1 has no receipt planned for 08 Dec 2026; 7 M of RM-1 there is blocked (L-RMB)');
    expect(explained.steps.map((step) => step.kind)).toEqual(['customer-order', 'production-order', 'component', 'production-order', 'component', 'missing']);

    const early = { ...dataset, poLines: dataset.poLines.map((line) => (line.id === 'PO-2/10' ? { ...line, expectedDate: '2026-12-07' } : line)) };
    expect(explainLate(new PlanIndex(early, early.today), 'CO-1')).toMatchObject({ daysLate: 0, because: null });
  });

  it('follows the order that never finishes which would have come to this demand, first come first served', () => {
    // Without PO-2/10 neither MO-FG nor a second order MO-FG2 finishes; CO-1 would have had MO-FG's output, CO-3 MO-FG2's.
    const short = {
      ...dataset,
      poLines: dataset.poLines.filter((line) => line.id !== 'PO-2/10'),
      productionOrders: [...dataset.productionOrders, { id: 'MO-FG2', itemId: 'FG-1', plant: 'P1', line: 'L2', quantity: 10, startDate: '2026-12-24', dueDate: '2026-12-28', priority: 1, components: [{ itemId: 'SA-1', quantity: 10 }] }],
      customerOrders: [...dataset.customerOrders, { id: 'CO-3', customerId: 'C-3', itemId: 'FG-1', plant: 'P1', quantity: 10, shipDate: '2026-12-30', value: 4_000, priority: 2 }],
    };
    const index = new PlanIndex(short, short.today);
    expect(explainLate(index, 'CO-1')!.steps[1]).toMatchObject({ kind: 'production-order', document: 'MO-FG', daysLate: null });
    expect(explainLate(index, 'CO-3')!.steps[1]).toMatchObject({ kind: 'production-order', document: 'MO-FG2', daysLate: null });
  });
});

describe('an order late by its schedule', () => {
  it('ends at the production order rescheduled past the need, which finishes on its own date', () => {
    // MO-FG moved to start when SA-1 arrives (24 Dec) and due 27 Dec: on its date, after CO-1's 20 Dec.
    const rescheduled = { ...dataset, productionOrders: dataset.productionOrders.map((order) => (order.id === 'MO-FG' ? { ...order, startDate: '2026-12-24', dueDate: '2026-12-27' } : order)) };
    const explained = explainLate(new PlanIndex(rescheduled, rescheduled.today), 'CO-1')!;
    expect(explained.daysLate).toBe(7);
    expect(explained.because).toBe('late because MO-FG is scheduled to finish 27 Dec 2026, needed 20 Dec 2026');
    expect(explained.steps.map((step) => step.kind)).toEqual(['customer-order', 'production-order']);
  });
});

describe('production orders that never finish', () => {
  it('are listed at their due date, bringing nothing, and say why', () => {
    const short = { ...dataset, poLines: dataset.poLines.filter((line) => line.id !== 'PO-2/10') };
    const list = stockRequirements(new PlanIndex(short, short.today), master, 'FG-1', 'P1')!;
    const stuck = list.rows.find((row) => row.document === 'MO-FG')!;
    expect(stuck).toMatchObject({ date: '2026-12-18', kind: 'production-output', quantity: 0, status: 'never finishes (10 EA planned)', partner: 'line L2' });
    // Still date order, and the running quantity stays the sum of the rows.
    const dates = list.rows.map((row) => row.date);
    expect(dates).toEqual([...dates].sort());
    for (let i = 1; i < list.rows.length; i++) expect(list.rows[i]!.available).toBeCloseTo(list.rows[i - 1]!.available + list.rows[i]!.quantity, 9);
  });
});

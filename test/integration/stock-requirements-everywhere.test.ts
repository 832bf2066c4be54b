// The stock/requirements list on real workstations: a planner and a supervisor (each a core with its
// own SQLite file) on one gateway read the same list of an item; a supplier delay upstream moves the PO
// line in both, the requirement it covered goes late in both, and each is told the plan changed.
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { StockRequirementsList } from '../../shared/api/stock-requirements';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { waitFor } from '../helpers/wait-for';
import type { Workstation } from '../helpers/workstations';

/** A PO line with an ASN whose delay by `days` makes a production order later. */
function hurtingDelay(dataset: Dataset, days: number): PoLine | undefined {
  const index = new PlanIndex(dataset, dataset.today);
  return dataset.poLines.find((line) => line.asnId !== null && index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + days) } }]).productionOrders.length > 0);
}

describe('the stock/requirements list on every workstation', () => {
  const plant = useOneClockPlant({ planningScale: 0.2 });
  const { stations } = plant;

  const listOn = (station: Workstation, itemId: string, plant: string, check: (list: StockRequirementsList) => boolean) =>
    waitFor(`${itemId} at ${plant} on ${station.as.user}'s workstation`, async () => {
      const list = await station.core.handlers['stock.list']({ itemId, plant }, station.as);
      return list && check(list) ? list : undefined;
    }, 30_000);

  it('a delayed PO line moves in the list of both stations, and what it covered goes late', async () => {
    const planner = await stations.open('pl.omar', 'planner', { clock: plant.clock });
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock: plant.clock });
    const dataset = plant.gateway.inspect.planningDataset()!;
    const line = hurtingDelay(dataset, 20);
    if (!line) throw new Error('the dataset has no PO line whose delay hurts');
    const before = await listOn(planner, line.itemId, line.plant, (list) => list.rows.some((row) => row.document === line.id && row.date === line.expectedDate));
    expect(before.rows.find((row) => row.document === line.id)).toMatchObject({ kind: 'po-line', quantity: line.quantity });
    const covered = before.rows.find((row) => row.document === line.id)!.covers!.map((part) => part.document);
    expect(covered.length).toBeGreaterThan(0);
    // The running available quantity is stock plus receipts less requirements, row by row.
    for (let i = 1; i < before.rows.length; i++) expect(before.rows[i]!.available).toBeCloseTo(before.rows[i - 1]!.available + before.rows[i]!.quantity, 6);

    const pushes: string[] = [];
    const unsubscribe = supervisor.core.subscribe('planning.changed', ({ at }) => pushes.push(at));
    const delay = plant.gateway.scenario.supplierDelay({ poLineId: line.id, days: 20 });
    for (const station of [planner, supervisor]) {
      const after = await listOn(station, line.itemId, line.plant, (list) => list.rows.some((row) => row.document === line.id && row.date === delay.newDate));
      const late = after.rows.filter((row) => row.pegged && row.pegged.from.some((part) => part.document === line.id) && (row.pegged.daysLate ?? 1) > 0);
      expect(late.length).toBeGreaterThan(0);
    }
    await waitFor('the plan change pushed to the supervisor', async () => pushes.length > 0, 10_000);
    unsubscribe();

    // Search finds the item, with its plant; an unknown item has no list.
    const hits = await planner.core.handlers['stock.search']({ text: line.itemId }, planner.as);
    expect(hits[0]).toMatchObject({ itemId: line.itemId });
    expect(hits[0]!.plants).toContain(line.plant);
    // By the words of its description, in any order and case ("10 mm rod seal" finds "Rod seal PU, 10 mm").
    const description = dataset.items.find((item) => item.id === line.itemId)!.description;
    const words = description.replace(/[,]/g, ' ').split(/\s+/).filter(Boolean).reverse().join(' ').toUpperCase();
    const byWords = await planner.core.handlers['stock.search']({ text: words }, planner.as);
    expect(byWords.map((hit) => hit.itemId)).toContain(line.itemId);
    expect(byWords.every((hit) => description.split(/[\s,]+/).filter(Boolean).every((word) => hit.description.toLowerCase().includes(word.toLowerCase())))).toBe(true);
    expect(await planner.core.handlers['stock.list']({ itemId: 'NO-SUCH-ITEM', plant: line.plant }, planner.as)).toBeNull();
  }, 90_000);

  it('weighs an open exception again when the plan moves under it, and its detail says when', async () => {
    const planner = await stations.open('pl.omar', 'planner');
    const dataset = plant.gateway.inspect.planningDataset()!;
    const line = hurtingDelay(dataset, 20);
    if (!line) throw new Error('the dataset has no PO line whose delay hurts');
    plant.gateway.scenario.supplierDelay({ poLineId: line.id, days: 20 });
    const row = await waitFor('the exception on the planner’s workstation', async () => (await planner.core.handlers['impact.exceptions']({}, planner.as)).find((r) => r.sourceDocument.includes(line.id)), 30_000);
    const first = (await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).weighedAt;
    expect(Date.parse(first)).not.toBeNaN();
    // Another line of another item is delayed: the plan moved, the open exception is weighed again.
    const other = dataset.poLines.find((candidate) => candidate.asnId !== null && candidate.itemId !== line.itemId)!;
    plant.gateway.scenario.supplierDelay({ poLineId: other.id, days: 5 });
    await waitFor('the exception weighed again', async () => (await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).weighedAt > first, 30_000);
  }, 90_000);
});

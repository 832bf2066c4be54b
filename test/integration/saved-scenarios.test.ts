// Saved scenarios on real workstations (a planner, a supervisor and a quality engineer, each a core
// with its own SQLite file, on one gateway): a planner saves two what-ifs against an open supplier
// delay, compares them with the plan, applies one (its answer and its expedite reach the gateway
// once, every station shows the exception answered), and the other then says its response no longer
// applies. Scenarios are the workstation's: they open again offline, from its SQLite file.
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { waitFor } from '../helpers/wait-for';

const days = 20;

/** A PO line with an ASN whose delay makes a customer order later, and that can be expedited back. */
function delayHittingACustomer(dataset: Dataset): PoLine | undefined {
  const index = new PlanIndex(dataset, dataset.today);
  return dataset.poLines.find(
    (line) => line.asnId !== null && dayOf(line.expectedDate) > dayOf(dataset.today) + 1 && index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + days) } }]).customerOrders.length > 0,
  );
}

describe('saved scenarios on every workstation', () => {
  const plant = useOneClockPlant({ planningScale: 0.2 });
  const { stations } = plant;

  it('saved, compared with the plan, one applied once upstream; the other then says what no longer applies; offline from SQLite', async () => {
    const planner = await stations.open('pl.omar', 'planner');
    const supervisor = await stations.open('sv.ines', 'supervisor');
    const engineer = await stations.open('qe.lena', 'quality-engineer');
    const dataset = plant.gateway.inspect.planningDataset()!;
    const line = delayHittingACustomer(dataset);
    if (!line) throw new Error('the dataset has no PO line whose delay makes a customer order late');
    plant.gateway.scenario.supplierDelay({ poLineId: line.id, days });
    const exception = await waitFor('the exception with its responses', async () => {
      const row = (await planner.core.handlers['impact.exceptions']({}, planner.as)).find((r) => r.sourceDocument.includes(line.id) && r.status === 'open');
      return row && (await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).responses.some((r) => r.id === 'expedite') ? row : undefined;
    }, 30_000);

    const save = planner.core.handlers['scenarios.save'];
    const expedite = await save({ name: 'Expedite it', steps: [{ kind: 'response', exceptionId: exception.id, responseId: 'expedite' }] }, planner.as);
    const other = dataset.poLines.find((candidate) => candidate.asnId !== null && candidate.itemId !== line.itemId)!;
    const accept = await save({ name: 'Accept, and the next line late too', steps: [{ kind: 'response', exceptionId: exception.id, responseId: 'accept-delay' }, { kind: 'delay', poLineId: other.id, newDate: dateOf(dayOf(other.expectedDate) + 10) }] }, planner.as);

    // Bad input names the field; a quality engineer may not save a planner's what-if.
    await expect(async () => save({ name: 'expedite IT', steps: [{ kind: 'delay', poLineId: line.id, newDate: dataset.today }] }, planner.as)).rejects.toThrow(/^name: a scenario named "expedite IT" is saved already/);
    await expect(async () => save({ name: 'Nothing there', steps: [{ kind: 'response', exceptionId: 'EX-NONE', responseId: 'expedite' }] }, planner.as)).rejects.toThrow(/^steps\.0\.exceptionId: no exception EX-NONE/);
    // A what-if naming what the plan does not have would weigh as harmless: refused, naming the step and its field.
    await expect(async () => save({ name: 'Unknown line', steps: [{ kind: 'delay', poLineId: 'PO-9999999/10', newDate: dataset.today }] }, planner.as)).rejects.toThrow(/^steps\.0\.poLineId: the plan has no open PO line PO-9999999\/10/);
    await expect(async () => save({ name: 'Unknown lot', steps: [{ kind: 'response', exceptionId: exception.id, responseId: 'expedite' }, { kind: 'lot-block', lotId: 'L-NONE' }] }, planner.as)).rejects.toThrow(/^steps\.1\.lotId: the plan has no lot L-NONE/);
    await expect(async () => save({ name: 'Unknown stop', steps: [{ kind: 'line-stop', plant: 'P9', line: 'L2', from: dataset.today, days: 3 }] }, planner.as)).rejects.toThrow(/^steps\.0\.line: the plan has no production order on line P9\/L2/);
    await expect(async () => engineer.core.handlers['scenarios.save']({ name: 'Mine', steps: [{ kind: 'lot-block', lotId: 'L-1' }] }, engineer.as)).rejects.toThrow(/^role: a quality engineer cannot save scenarios/);

    const listed = await planner.core.handlers['scenarios.list']({}, planner.as);
    expect(listed.map((row) => [row.name, row.savedBy, row.responseCount, row.applied]).sort()).toEqual([
      ['Accept, and the next line late too', 'pl.omar', 1, null],
      ['Expedite it', 'pl.omar', 1, null],
    ]);
    expect(listed.find((row) => row.id === expedite.id)!.steps[0]).toMatch(new RegExp(`^Expedite: ${line.id.replace('/', '\\/')} \\(`));

    // Side by side with the plan: the customer orders the delay makes late now are on time, or less late, expedited.
    const compared = (await planner.core.handlers['scenarios.compare']({ ids: [expedite.id, accept.id] }, planner.as))!;
    expect(compared.plan.lateCustomerOrders).toBeGreaterThan(0);
    const [expedited, accepted] = compared.scenarios;
    expect(expedited!.world.revenueAtRisk).toBeLessThan(compared.plan.revenueAtRisk);
    expect(accepted!.world.revenueAtRisk).toBeGreaterThanOrEqual(compared.plan.revenueAtRisk);
    expect(expedited!.earlier).toBeGreaterThan(0);
    const acceptAlone = (await planner.core.handlers['scenarios.compare']({ ids: [accept.id] }, planner.as))!;
    expect(acceptAlone.plan.lateCustomerOrders).toBeGreaterThan(0);
    expect(acceptAlone.scenarios[0]!.earlier).toBe(0);
    expect(compared.customerOrders.some((order) => order.byScenario[0] !== order.now)).toBe(true);
    expect(expedited!.changedSince).toEqual([]);

    // Applied: the answer and the expedite reach the gateway once; every station shows the exception answered.
    const { commandIds } = await planner.core.handlers['scenarios.apply']({ id: expedite.id }, planner.as);
    expect(commandIds.length).toBeGreaterThan(0);
    await waitFor('the expedite accepted upstream', async () => plant.gateway.inspect.commands().some((c) => c.type === 'po.expedite' && c.status === 'accepted'), 30_000);
    await expect(async () => planner.core.handlers['scenarios.apply']({ id: expedite.id }, planner.as)).rejects.toThrow(/^id: "Expedite it" was applied by pl\.omar at /);
    for (const station of [planner, supervisor]) {
      await waitFor(`the exception answered on ${station.as.user}'s station`, async () => (await station.core.handlers['impact.exceptions']({}, station.as)).find((r) => r.id === exception.id)?.status !== 'open', 30_000);
    }
    expect(plant.gateway.inspect.commands().filter((c) => c.type === 'exception.answer' && c.status === 'accepted')).toHaveLength(1);
    expect(plant.gateway.inspect.commands().filter((c) => c.type === 'po.expedite' && c.status === 'accepted')).toHaveLength(1);

    // The other, opened again: its response no longer applies, and it says so; applying it is refused.
    const again = (await planner.core.handlers['scenarios.compare']({ ids: [accept.id] }, planner.as))!;
    expect(again.scenarios[0]!.noLongerApplies.join(' ')).toMatch(new RegExp(`${exception.id} is (answered|resolved) by pl\\.omar`));
    expect(again.scenarios[0]!.changedSince.some((change) => change.startsWith('no longer applies: Accept the delay'))).toBe(true);
    await expect(async () => planner.core.handlers['scenarios.apply']({ id: accept.id }, planner.as)).rejects.toThrow(/cannot be applied: Accept the delay/);

    // Offline, from the workstation's SQLite file: listed and compared as before.
    await stations.closeAll();
    const offline = await stations.openOffline('pl.omar');
    expect((await offline.core.handlers['scenarios.list']({}, offline.as)).map((row) => row.id).sort()).toEqual([expedite.id, accept.id].sort());
    const offlineCompared = await waitFor('the plan loaded offline', async () => (await offline.core.handlers['scenarios.compare']({ ids: [expedite.id] }, offline.as)) ?? undefined, 20_000);
    expect(offlineCompared.scenarios[0]!.applied).toMatchObject({ by: 'pl.omar' });
    await expect(async () => offline.core.handlers['scenarios.delete']({ id: 'SC-NONE' }, offline.as)).rejects.toThrow(/^id: no scenario SC-NONE/);
    expect(await offline.core.handlers['scenarios.delete']({ id: accept.id }, offline.as)).toEqual({ deleted: true });
  }, 120_000);
});

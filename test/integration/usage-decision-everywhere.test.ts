// A usage decision made on one workstation reaches every other from the stream: a planner, a
// supervisor and a second quality engineer, each its own core and SQLite file on the real gateway,
// show the lot decided, by whom and when, with the lot and sub-lots the ERP has; nobody can decide it
// again, and a workstation that joins later learns it from its snapshot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { ApiFailure } from '../../shared/api/result';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { closeAll } from '../simulator/harness';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations } from '../helpers/workstations';

describe('a usage decision on every workstation', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));

  const rowOn = (core: Core, as: { user: string }, lotId: string, check: (row: QuarantineRow) => boolean) =>
    waitFor(`lot ${lotId} on ${as.user}'s workstation`, async () => (await core.handlers['quarantine.list']({}, as)).find((row) => row.lotId === lotId && check(row)), 20_000);

  async function start(retention?: number) {
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, ...(retention === undefined ? {} : { retention }) });
  }

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    await stations.closeAll();
    await closeAll();
    await gateway.close();
    temp.remove();
  });

  it('shows the decision, its sub-lots and who made it on every workstation, and offers no second one', async () => {
    await start();
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    const nightShift = await stations.open('qe.tomas', 'quality-engineer');
    const planner = await stations.open('pl.anna', 'planner');
    const supervisor = await stations.open('sv.ines', 'supervisor');
    const { lotId, inspectionLotId } = gateway.scenario.inspectionFailure({ quantity: 1100 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    await rowOn(nightShift.core, nightShift.as, lotId, (row) => row.taskState === 'awaiting-decision');

    // Neither the planner nor the supervisor may post a usage decision.
    for (const { core, as } of [planner, supervisor]) {
      const row = await rowOn(core, as, lotId, (r) => r.taskState === 'awaiting-decision');
      expect(() => core.handlers['quarantine.disposition']({ taskId: row.taskId, postings: [{ decision: 'release', quantity: 1100 }], reason: 'looks fine to me' }, as)).toThrow(/^role: a (planner|supervisor) cannot post usage decisions/);
    }

    const postings = [
      { decision: 'release' as const, quantity: 600 },
      { decision: 'rework' as const, quantity: 300 },
      { decision: 'return-to-vendor' as const, quantity: 200 },
    ];
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings, reason: 'sorted: 300 reworkable, 200 back to the supplier' }, engineer.as);
    const decided = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'decided' && row.quantity === 600);
    const subLot = decided.parts[1]?.lotId ?? '';
    expect(subLot).toMatch(new RegExp(`^${lotId}-\\d+\\.1$`));
    const expected = {
      taskState: 'decided',
      decidedBy: 'qe.maria',
      decisionCode: 'R9',
      postings,
      inspectionLotStatus: 'usage-decision-made',
      quantity: 600,
      stockType: 'unrestricted',
      parts: [
        { lotId, decision: 'release', quantity: 600, stockType: 'unrestricted' },
        { lotId: subLot, decision: 'rework', quantity: 300, stockType: 'blocked' },
      ],
    };
    // The deciding workstation shows what the ERP made of the lot, as every other does.
    expect(decided).toMatchObject({ ...expected, decidedHere: true, overtaken: null });
    for (const { core, as } of [nightShift, planner, supervisor]) {
      const row = await rowOn(core, as, lotId, (r) => r.taskState === 'decided');
      expect(row, as.user).toMatchObject({ ...expected, decidedHere: false, overtaken: null, conflict: null });
      expect(row.decidedAt, as.user).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // A scan of the lot or its sub-lot says who decided it.
      expect(await core.handlers['quarantine.lookup']({ lotId }, as)).toMatchObject({ decision: { decidedBy: 'qe.maria', code: 'R9', inspectionLotId, parentLotId: null } });
      expect(await core.handlers['quarantine.lookup']({ lotId: subLot }, as)).toMatchObject({ lot: { quantity: 300, stockType: 'blocked' }, decision: { decidedBy: 'qe.maria', parentLotId: lotId } });
    }

    // The other engineer's task is closed: a decision there is refused, saying who decided.
    const elsewhere = await rowOn(nightShift.core, nightShift.as, lotId, (r) => r.taskState === 'decided');
    const second = () => nightShift.core.handlers['quarantine.disposition']({ taskId: elsewhere.taskId, postings: [{ decision: 'scrap', quantity: 600 }], reason: 'scrap the lot' }, nightShift.as);
    expect(second).toThrow(ApiFailure);
    expect(second).toThrow(new RegExp(`^taskId: lot ${lotId} was decided already: R9 by qe\\.maria at `));
    const dispositions = gateway.inspect.commands().filter((c) => c.type === 'lot.disposition');
    expect(dispositions).toHaveLength(1);
  });

  it('a decision queued offline that another workstation overtook shows the other decision, not a conflict to resolve', async () => {
    await start();
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 40 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    await stations.closeAll();

    // Another engineer decides first, while this workstation is closed with its own decision queued.
    const other = await stations.open('qe.tomas', 'quality-engineer');
    const first = await rowOn(other.core, other.as, lotId, (row) => row.taskState === 'awaiting-decision');
    await other.core.handlers['quarantine.disposition']({ taskId: first.taskId, postings: [{ decision: 'scrap', quantity: 40 }], reason: 'cracked castings' }, other.as);
    await rowOn(other.core, other.as, lotId, (row) => row.taskState === 'decided');
    await stations.closeAll();

    const offline = await stations.openOffline('qe.maria');
    await offline.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'release', quantity: 40 }], reason: 'within tolerance after all' }, offline.as);
    await stations.closeAll();

    const back = await stations.open('qe.maria', 'quality-engineer');
    const row = await rowOn(back.core, back.as, lotId, (r) => r.taskState === 'decided');
    expect(row).toMatchObject({ decidedBy: 'qe.tomas', decisionCode: 'R1', decidedHere: false, overtaken: { decidedBy: 'qe.maria', code: 'A1' }, conflict: null });
    await waitFor('the overtaken decision answered', async () => (await back.core.handlers['connectors.status']({}, back.as)).every((c) => c.queueDepth === 0));
    const mine = gateway.inspect.commands().filter((c) => c.type === 'lot.disposition' && c.status === 'rejected');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.reason).toMatch(new RegExp(`lot ${lotId} was decided already: R1 by qe\\.tomas`));
  });

  it('a workstation set up after the gateway dropped the events learns the decision from its snapshot', async () => {
    await start(1);
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 90 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'release', quantity: 50 }, { decision: 'keep-blocked', quantity: 40 }], reason: 'half the lot measured good' }, engineer.as);
    const decided = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'decided');
    // The log keeps one event per stream: the decision's events are long gone when the planner joins.
    gateway.scenario.receiveGoods(3, 1);
    const planner = await stations.open('pl.anna', 'planner');
    expect(await planner.core.handlers['quarantine.lookup']({ lotId }, planner.as)).toMatchObject({ lot: { quantity: 50, stockType: 'unrestricted' }, decision: { decidedBy: 'qe.maria', code: 'R9' } });
    const subLot = decided.parts[1]!.lotId;
    expect(await planner.core.handlers['quarantine.lookup']({ lotId: subLot }, planner.as)).toMatchObject({ lot: { quantity: 40, stockType: 'blocked' }, decision: { parentLotId: lotId } });
    // The planner never heard of the failure, yet lists the lot decided as the engineer does, under its defect.
    const listed = await rowOn(planner.core, planner.as, lotId, (row) => row.taskState === 'decided');
    const shared = ({ inspectionLotId, defectCode, defectText, holdSince, quantity, stockType, decidedBy, decisionCode, postings, parts, inspectionLotStatus }: QuarantineRow) => ({ inspectionLotId, defectCode, defectText, holdSince, quantity, stockType, decidedBy, decisionCode, postings, parts, inspectionLotStatus });
    expect(shared(listed)).toEqual(shared(decided));
    // Holding it here sent nothing that changes the lot: the ERP keeps it as its decision left it.
    await waitFor('the planner’s queue empty', async () => (await planner.core.handlers['connectors.status']({}, planner.as)).every((c) => c.queueDepth === 0));
    expect(gateway.inspect.commands().filter((c) => c.type === 'lot.setStatus' && c.status === 'accepted' && (c.body as { payload: { lotId: string } }).payload.lotId === lotId)).toHaveLength(1);
    expect(gateway.inspect.lot(lotId)).toMatchObject({ quantity: 50, stockType: 'unrestricted' });
  });

  it('a lot blocked for containment gets a task of its own on every workstation, under the lot it was made from', async () => {
    await start();
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    const other = await stations.open('qe.tomas', 'quality-engineer');
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 500 });
    const made = gateway.scenario.produce(lotId, 200, 180);
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.consumedQuantity === 200);
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'scrap', quantity: 300 }], reason: 'porosity; the orders that used it are contained', containmentLotIds: [made.outputLotId] }, engineer.as);
    for (const { core, as } of [engineer, other]) {
      const contained = await rowOn(core, as, made.outputLotId, (row) => row.taskState === 'awaiting-decision');
      expect(contained, as.user).toMatchObject({ containedBy: lotId, defectCode: 'CONTAINMENT', stockType: 'blocked', quantity: 180 });
      expect(contained.defectText, as.user).toContain(lotId);
    }
    const contained = await rowOn(other.core, other.as, made.outputLotId, () => true);
    await other.core.handlers['quarantine.disposition']({ taskId: contained.taskId, postings: [{ decision: 'release', quantity: 180 }], reason: 'tested: the output is sound' }, other.as);
    expect(await rowOn(engineer.core, engineer.as, made.outputLotId, (row) => row.taskState === 'decided')).toMatchObject({ decidedBy: 'qe.tomas', stockType: 'unrestricted', quantity: 180 });
  });
});

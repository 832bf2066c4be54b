// A failed lot's usage decision nobody made within its SLA, on real workstations (two quality engineers
// and a supervisor, each a core with its own SQLite file, on one gateway, on one clock the test moves).
// With the gateway's auto-action "keep blocked" it decides R4 by itself, once, and every workstation
// shows it; without one, the escalation reaches every workstation, including one that was closed when it
// fell due, and the engineer's decision still goes upstream once. The gateway escalates by its own SLA.
import { describe, expect, it } from 'vitest';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { defaultPolicy, type Policy } from '../../orchestration-core/engine/workflow';
import { connectClient } from '../simulator/harness';
import { useOneClockPlant, type OneClockPlant } from '../helpers/one-clock-plant';
import { signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';
import type { Workstation } from '../helpers/workstations';

const hour = 3_600_000;
const keepBlocked: Policy = { ...defaultPolicy, sla: { ...defaultPolicy.sla, disposition: { dueHours: 48, autoAction: 'keep-blocked' } } };

function plantParts(plant: OneClockPlant) {
  const lotOn = (station: Workstation, lotId: string, check: (row: QuarantineRow) => boolean) =>
    waitFor(`lot ${lotId} on ${station.as.user}'s workstation`, async () => (await station.core.handlers['quarantine.list']({}, station.as)).find((row) => row.lotId === lotId && check(row)), 20_000);
  const escalationsOf = (subjectId: string) => plant.gateway.inspect.commands().filter((command) => command.type === 'escalation.raise' && (command.body as { payload: { subjectId: string } }).payload.subjectId === subjectId);
  return { lotOn, escalationsOf };
}

// The gateway's own SLA decides: its auto-action, not a workstation's, and its due time.
describe('the disposition SLA with the auto-action keep blocked', () => {
  const plant = useOneClockPlant({ rules: { sla: keepBlocked.sla } });
  const { stations } = plant;
  const { lotOn, escalationsOf } = plantParts(plant);

  it('with keep-blocked, the lot nobody decided in 48 h is decided R4 by the gateway once, and every workstation shows it', async () => {
    const open = (user: string, role: 'quality-engineer' | 'supervisor') => stations.open(user, role, { clock: plant.clock });
    const maria = await open('qe.maria', 'quality-engineer');
    const anna = await open('qe.anna', 'quality-engineer');
    const ines = await open('sv.ines', 'supervisor');
    const failedAt = plant.now;
    const { lotId, inspectionLotId } = plant.gateway.scenario.inspectionFailure({ quantity: 120 });
    const held = await lotOn(maria, lotId, (row) => row.taskState === 'awaiting-decision');
    // Due 48 h after the failure, by the gateway's time of it; not escalated yet.
    expect(Date.parse(held.dueAt!) - failedAt).toBeGreaterThanOrEqual(48 * hour);
    expect(Date.parse(held.dueAt!) - failedAt).toBeLessThan(48 * hour + 5_000);
    expect(held.escalatedAt).toBeNull();

    plant.now += 49 * hour;
    for (const station of [maria, anna, ines]) {
      const row = await lotOn(station, lotId, (r) => r.taskState === 'decided');
      expect(row).toMatchObject({ decisionCode: 'R4', decidedBy: 'system', stockType: 'blocked', autoAction: 'kept blocked', inspectionLotId });
      expect(row.escalatedAt).not.toBeNull();
    }
    // Whichever workstation's timer fired first, the gateway took it; another that fired before it heard
    // the decision sent the same id and was answered duplicate.
    const raised = escalationsOf(inspectionLotId);
    expect(raised.map((command) => command.status)).toEqual(['accepted']);
    const [first, ...again] = plant.gateway.inspect.deliveries(raised[0]!.commandId).map((d) => d.status);
    expect([first, new Set(again).size <= 1 ? (again[0] ?? 'duplicate') : 'mixed']).toEqual(['accepted', 'duplicate']);
    expect(plant.gateway.inspect.acceptedCount(raised[0]!.commandId)).toBe(1);
    const made = plant.gateway.inspect.events('erp').filter((event) => event.type === 'usageDecision.made' && (event.payload as { inspectionLotId: string }).inspectionLotId === inspectionLotId);
    expect(made).toHaveLength(1);
    expect(made[0]!.payload).toMatchObject({ decidedBy: 'system', code: 'R4', postings: [{ decision: 'keep-blocked', quantity: 120 }] });

    // The engineer's decision now is refused: the inspection lot has its usage decision.
    const erp = await connectClient(plant.gateway.erpUrl);
    const late = await erp.command({ commandId: 'late-ud', type: 'lot.disposition', issuedBy: 'qe.maria', issuedAt: new Date(plant.now).toISOString(), basedOn: { entity: 'lot', id: lotId, version: 2 }, payload: { lotId, inspectionLotId, valuation: 'accept', code: 'A1', postings: [{ decision: 'release', quantity: 120 }], reason: 'looked again' } });
    expect(late).toMatchObject({ status: 'rejected' });
    // A second escalation, under another id, is refused naming the first; so is one of an unknown inspection lot.
    const raise = (commandId: string, subjectId: string) => erp.command({ commandId, type: 'escalation.raise', issuedBy: 'system', issuedAt: new Date(plant.now).toISOString(), payload: { subjectId, taskType: 'disposition', subject: 'x', dueAt: held.dueAt! } });
    expect(await raise('esc-again', inspectionLotId)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(new RegExp(`^payload\\.subjectId: ${inspectionLotId} was escalated already at `)) });
    expect(await raise('esc-unknown', 'IL-NONE')).toMatchObject({ status: 'rejected', reason: 'payload.subjectId: IL-NONE is no inspection lot waiting for its usage decision at this gateway' });
    const trail = (await ines.core.handlers['audit.entries']({}, ines.as)).rows.filter((row) => row.action === 'task escalated' && row.subject === inspectionLotId);
    expect(trail.map((row) => JSON.parse(row.detail) as unknown)).toEqual([expect.objectContaining({ taskType: 'disposition', autoAction: 'kept blocked', dueAt: held.dueAt })]);
  }, 90_000);

  it('a use-as-is waiting for its supervisor is a decision: the lot is neither escalated nor decided by the SLA', async () => {
    const maria = await stations.open('qe.maria', 'quality-engineer', { clock: plant.clock });
    const ines = await stations.open('sv.ines', 'supervisor', { clock: plant.clock });
    const { lotId, inspectionLotId } = plant.gateway.scenario.inspectionFailure({ quantity: 60 });
    const held = await lotOn(maria, lotId, (row) => row.taskState === 'awaiting-decision');
    await maria.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'use-as-is', quantity: 60 }], reason: 'within the drawing tolerance', deviationNumber: 'DEV-31' }, maria.as);
    await lotOn(ines, lotId, (row) => row.taskState === 'awaiting-approval');
    plant.now += 49 * hour;
    // The supervisor's workstation still has the lot's task open: its timer fires, and the gateway refuses.
    await waitFor('the disposition escalation refused', () => escalationsOf(inspectionLotId).some((command) => command.status === 'rejected'), 30_000);
    expect(escalationsOf(inspectionLotId).map((command) => [command.status, command.reason])).toEqual([['rejected', expect.stringMatching(new RegExp(`^payload\\.subjectId: ${inspectionLotId} waits for the supervisor's approval AP-.+ of a use-as-is`))]]);
    expect(plant.gateway.inspect.events('erp').filter((event) => event.type === 'usageDecision.made' && (event.payload as { lotId: string }).lotId === lotId)).toHaveLength(0);
    expect((await lotOn(maria, lotId, () => true)).taskState).toBe('awaiting-approval');
  }, 90_000);
});

describe('the disposition SLA without an auto-action', () => {
  const plant = useOneClockPlant();
  const { stations } = plant;
  const { lotOn, escalationsOf } = plantParts(plant);

  it('without an auto-action, the escalation reaches a workstation closed when it fell due; the decision still goes upstream once', async () => {
    const open = (user: string, role: 'quality-engineer' | 'supervisor') => stations.open(user, role, { clock: plant.clock });
    let maria = await open('qe.maria', 'quality-engineer');
    const ines = await open('sv.ines', 'supervisor');
    const { lotId, inspectionLotId } = plant.gateway.scenario.inspectionFailure({ quantity: 80 });
    await lotOn(maria, lotId, (row) => row.taskState === 'awaiting-decision');
    const escalatedBefore = (await ines.core.handlers['monitor.instances']({ show: 'running' }, ines.as)).counts.escalated;
    // Escalated early, and with an auto-action the gateway does not have: refused by its own SLA.
    const erp = await connectClient(plant.gateway.erpUrl);
    const early = await erp.command({ commandId: 'esc-early', type: 'escalation.raise', issuedBy: 'system', issuedAt: new Date(plant.now).toISOString(), payload: { subjectId: inspectionLotId, taskType: 'disposition', subject: 'x', dueAt: new Date(plant.now - hour).toISOString(), autoAction: 'keep-blocked' } });
    expect(early).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^payload\.dueAt: not overdue yet; by the gateway's SLA it is due /) });
    await maria.core.close();

    // The supervisor's timer fires while the engineer's app is closed.
    plant.now += 49 * hour;
    const onSupervisor = await lotOn(ines, lotId, (row) => row.escalatedAt !== null);
    expect(onSupervisor).toMatchObject({ taskState: 'awaiting-decision', autoAction: null, stockType: 'blocked' });
    await waitFor('Monitor counts the escalated disposition', async () => (await ines.core.handlers['monitor.instances']({ show: 'running' }, ines.as)).counts.escalated >= escalatedBefore + 1, 20_000);
    const fromStations = () => escalationsOf(inspectionLotId).filter((command) => command.commandId !== 'esc-early');
    expect(fromStations().map((command) => [command.status, (command.body as { issuedBy: string }).issuedBy])).toEqual([['accepted', 'system']]);

    // The engineer's app, started again, shows it escalated at once and decides it.
    maria = await open('qe.maria', 'quality-engineer');
    // Two days on, her sign-in ran out: she signs in again to decide.
    await signInAs(maria.core, plant.gateway, 'qe.maria', 'quality-engineer');
    const escalated = await lotOn(maria, lotId, (row) => row.escalatedAt === onSupervisor.escalatedAt);
    const countBefore = (await ines.core.handlers['monitor.instances']({ show: 'running' }, ines.as)).counts.escalated;
    await maria.core.handlers['quarantine.disposition']({ taskId: escalated.taskId, postings: [{ decision: 'scrap', quantity: 80 }], reason: 'porosity through the wall' }, maria.as);
    for (const station of [maria, ines]) await lotOn(station, lotId, (row) => row.taskState === 'decided' && row.decidedBy === 'qe.maria');
    expect(plant.gateway.inspect.commands().filter((command) => command.type === 'lot.disposition' && command.status === 'accepted' && (command.body as { payload: { lotId: string } }).payload.lotId === lotId)).toHaveLength(1);
    await waitFor('Monitor counts one escalated task fewer', async () => (await ines.core.handlers['monitor.instances']({ show: 'running' }, ines.as)).counts.escalated === countBefore - 1, 20_000);
    expect(fromStations()).toHaveLength(1);
  }, 90_000);
});

// A supervisor's approval nobody decided within its SLA, on real workstations (a quality engineer and
// a supervisor, each a core with its own SQLite file, on one gateway, on one clock the test moves):
// both apps are closed when it falls due; the supervisor's, started again, escalates it at once from
// its durable timer; the gateway takes that escalation and refuses any other of the same request; the
// engineer's, started later, fires its own timer to no second escalation. Decided, it goes upstream once.
import { describe, expect, it } from 'vitest';
import type { ApprovalRow } from '../../shared/api/approvals';
import { connectClient } from '../simulator/harness';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { waitFor } from '../helpers/wait-for';
import type { Workstation } from '../helpers/workstations';

const hour = 3_600_000;

describe('SLA timers on every workstation', () => {
  const plant = useOneClockPlant();
  const { stations } = plant;
  const approvalOn = (station: Workstation, check: (row: ApprovalRow) => boolean) =>
    waitFor(`an approval on ${station.as.user}'s workstation`, async () => (await station.core.handlers['approvals.list']({}, station.as)).find(check), 20_000);

  it('a request that fell due while the apps were closed escalates once at the next start; another escalation is refused', async () => {
    const open = (user: string, role: 'quality-engineer' | 'supervisor') => stations.open(user, role, { clock: plant.clock });
    let engineer = await open('qe.jonas', 'quality-engineer');
    let supervisor = await open('sv.ines', 'supervisor');
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 200 });
    const held = await waitFor('the held lot', async () => (await engineer.core.handlers['quarantine.list']({}, engineer.as)).find((row) => row.lotId === lotId && row.stockType === 'blocked'), 20_000);
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'use-as-is', quantity: 200 }], reason: 'bore 0.02 mm over, fits the mating part', deviationNumber: 'DEV-7' }, engineer.as);
    const request = await approvalOn(supervisor, (row) => row.kind === 'use-as-is' && row.deviation?.lotId === lotId);
    // Due four hours after it was asked for (the use-as-is SLA), not yet escalated.
    expect(Date.parse(request.dueAt!) - Date.parse(request.requestedAt)).toBe(4 * hour);
    expect(request.escalatedAt).toBeNull();

    await engineer.core.close();
    await supervisor.core.close();
    plant.now += 5 * hour;
    supervisor = await open('sv.ines', 'supervisor');
    const escalated = await approvalOn(supervisor, (row) => row.id === request.id && row.escalatedAt !== null);
    expect(escalated.status).toBe('pending');
    const counts = (await supervisor.core.handlers['monitor.instances']({ show: 'running' }, supervisor.as)).counts;
    expect(counts.escalated).toBe(1);
    const trail = (await supervisor.core.handlers['audit.entries']({}, supervisor.as)).rows.filter((row) => row.action === 'task escalated');
    expect(trail.map((row) => [row.subject, row.correlationId, JSON.parse(row.detail) as unknown])).toEqual([[request.id, request.id, expect.objectContaining({ taskType: 'useAsIsApproval', dueAt: request.dueAt })]]);

    // The engineer's app, started now, fires its own timer: the same escalation, taken once.
    engineer = await open('qe.jonas', 'quality-engineer');
    await approvalOn(engineer, (row) => row.id === request.id && row.escalatedAt === escalated.escalatedAt);
    const raised = () => plant.gateway.inspect.commands().filter((command) => command.type === 'escalation.raise');
    expect(raised().map((command) => command.status)).toEqual(['accepted']);
    const commandId = raised()[0]!.commandId;
    await waitFor('the engineer’s escalation delivered too', () => plant.gateway.inspect.deliveries(commandId).length === 2, 20_000);
    expect(plant.gateway.inspect.deliveries(commandId).map((delivery) => delivery.status)).toEqual(['accepted', 'duplicate']);
    expect(plant.gateway.inspect.acceptedCount(commandId)).toBe(1);
    expect(plant.gateway.inspect.events('erp').filter((event) => event.type === 'escalation.raised')).toHaveLength(1);

    // Anyone else's escalation of the same request, under another id, is refused naming the first.
    const erp = await connectClient(plant.gateway.erpUrl);
    const reply = await erp.command({ commandId: 'esc-again', type: 'escalation.raise', issuedBy: 'system', issuedAt: new Date(plant.now).toISOString(), payload: { subjectId: request.id, taskType: 'useAsIsApproval', subject: request.subject, dueAt: request.dueAt } });
    expect(reply).toMatchObject({ status: 'rejected', reason: expect.stringMatching(new RegExp(`^payload\\.subjectId: ${request.id} was escalated already at .+ \\(command `)) });
    // Nor is a request the gateway does not hold, or one not yet due by the gateway's clock.
    const raise = (commandId: string, subjectId: string, dueAt: string) => erp.command({ commandId, type: 'escalation.raise', issuedBy: 'system', issuedAt: new Date(plant.now).toISOString(), payload: { subjectId, taskType: 'useAsIsApproval', subject: 'x', dueAt } });
    expect(await raise('esc-unknown', 'AP-NONE', request.dueAt!)).toMatchObject({ status: 'rejected', reason: 'payload.subjectId: AP-NONE is no approval request this gateway holds' });

    // Decided at last: the disposition goes upstream once.
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'deviation signed by design' }, supervisor.as);
    await waitFor('the disposition upstream', () => plant.gateway.inspect.commands().some((command) => command.type === 'lot.disposition' && command.status === 'accepted'), 20_000);
    expect(plant.gateway.inspect.commands().filter((command) => command.type === 'lot.disposition')).toHaveLength(1);
    await waitFor('no approval escalated any longer', async () => (await supervisor.core.handlers['monitor.instances']({ show: 'running' }, supervisor.as)).counts.escalated === 0, 20_000);
  }, 90_000);
});

// The gateway's approvals: a request and a decision are published to every workstation as events;
// the requester's own decision, a second decision, a substitution without approval, a second request for one
// transfer and a second answer to one exception are refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandEnvelope } from '../../shared/commands';
import { closeAll, connectSignedClient, startTestGateway, waitUntil } from './harness';

afterEach(closeAll);

const substitution = { productionOrderIds: ['MO-1'], fromItemId: 'RM-1', toItemId: 'RM-2', plant: 'P1', reason: 'supplier delay' };

function command(type: string, issuedBy: string, payload: Record<string, unknown>): CommandEnvelope {
  return { commandId: `cmd-${Math.random().toString(36).slice(2, 10)}`, type, issuedBy, issuedAt: new Date().toISOString(), payload };
}

describe('gateway approvals', () => {
  it('publishes requests and decisions, refuses the requester and a second decision', async () => {
    const gateway = await startTestGateway();
    const client = await connectSignedClient(gateway, `${gateway.baseUrl}/erp`);
    await client.subscribe({ erp: 0 });
    const request = command('approval.request', 'pl.omar', { approvalId: 'AP-1', kind: 'substitution', subject: 'Substitute RM-2 for RM-1', substitution, exceptionId: 'EX-1' });
    expect(await client.command(request)).toMatchObject({ status: 'accepted' });
    expect(await client.command(request)).toMatchObject({ status: 'duplicate' });
    expect(await client.command({ ...request, commandId: 'cmd-again' })).toMatchObject({ status: 'rejected', reason: 'payload.approvalId: AP-1 was requested already' });
    const requested = await waitUntil(() => client.events('erp').find((e) => e.type === 'approval.requested'), 'approval.requested');
    expect(requested).toMatchObject({ correlationId: 'AP-1', payload: { approvalId: 'AP-1', requestedBy: 'pl.omar', substitution, exceptionId: 'EX-1' } });

    const early = command('substitution.apply', 'pl.omar', { ...substitution, approvalId: 'AP-1', approvedBy: 'sv.ines' });
    expect(await client.command(early)).toMatchObject({ status: 'rejected', reason: 'payload.approvalId: substitution AP-1 has not been approved' });

    // The planner's token may not decide at all; a supervisor may not decide what they asked for themselves.
    const planner = await client.command(command('approval.decide', 'pl.omar', { approvalId: 'AP-1', decision: 'approve', reason: '' }));
    expect(planner).toMatchObject({ status: 'rejected', reason: 'role: pl.omar (planner) may not send approval.decide' });
    expect(await client.command(command('approval.request', 'sv.kim', { approvalId: 'AP-2', kind: 'substitution', subject: 'Substitute RM-2 for RM-1', substitution }))).toMatchObject({ status: 'accepted' });
    const own = await client.command(command('approval.decide', 'sv.kim', { approvalId: 'AP-2', decision: 'approve', reason: '' }));
    expect(own).toMatchObject({ status: 'rejected', reason: 'issuedBy: sv.kim requested AP-2 and cannot decide their own request' });
    expect(await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-9', decision: 'approve', reason: '' }))).toMatchObject({ status: 'rejected', reason: 'payload.approvalId: no approval request AP-9' });

    expect(await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-1', decision: 'approve', reason: 'qualified' }))).toMatchObject({ status: 'accepted' });
    const second = await client.command(command('approval.decide', 'sv.kim', { approvalId: 'AP-1', decision: 'reject', reason: 'no' }));
    expect(second).toMatchObject({ status: 'rejected', reason: 'payload.approvalId: AP-1 was already approved by sv.ines' });
    const decided = await waitUntil(() => client.events('erp').find((e) => e.type === 'approval.decided'), 'approval.decided');
    expect(decided).toMatchObject({ correlationId: 'AP-1', payload: { approvalId: 'AP-1', decision: 'approve', decidedBy: 'sv.ines', reason: 'qualified' } });
    expect(client.events('erp').filter((e) => e.type.startsWith('approval.'))).toHaveLength(3);

    // Approved, but by someone else than the command claims: refused.
    const misattributed = command('substitution.apply', 'pl.omar', { ...substitution, approvalId: 'AP-1', approvedBy: 'sv.kim' });
    expect(await client.command(misattributed)).toMatchObject({ status: 'rejected', reason: 'payload.approvedBy: AP-1 was approved by sv.ines, not sv.kim' });
    // Only what was approved, and only once.
    const other = command('substitution.apply', 'pl.omar', { ...substitution, toItemId: 'RM-3', approvalId: 'AP-1', approvedBy: 'sv.ines' });
    expect(await client.command(other)).toMatchObject({ status: 'rejected', reason: 'payload.toItemId: differs from what AP-1 approved' });
    const more = command('substitution.apply', 'pl.omar', { ...substitution, productionOrderIds: ['MO-1', 'MO-2'], approvalId: 'AP-1', approvedBy: 'sv.ines' });
    expect(await client.command(more)).toMatchObject({ status: 'rejected', reason: 'payload.productionOrderIds: differs from what AP-1 approved' });

  });

  it('lets an approval carry one substitution', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const order = gateway.inspect.planningDataset()!.productionOrders.find((o) => o.components.length > 0)!;
    const approved = { productionOrderIds: [order.id], fromItemId: order.components[0]!.itemId, toItemId: 'RM-ALT', plant: order.plant, reason: 'supplier delay' };
    const client = await connectSignedClient(gateway, `${gateway.baseUrl}/erp`);
    await client.command(command('approval.request', 'pl.omar', { approvalId: 'AP-7', kind: 'substitution', subject: 'Substitute', substitution: approved }));
    await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-7', decision: 'approve', reason: '' }));
    const apply = command('substitution.apply', 'pl.omar', { ...approved, approvalId: 'AP-7', approvedBy: 'sv.ines' });
    expect(await client.command(apply)).toMatchObject({ status: 'accepted' });
    expect(await client.command(apply)).toMatchObject({ status: 'duplicate' });
    const again = { ...apply, commandId: 'cmd-again' };
    expect(await client.command(again)).toMatchObject({ status: 'rejected', reason: `payload.approvalId: AP-7 was used already, by command ${apply.commandId}` });
  });

  it('takes a transfer.request under an approval only as approved, and once', async () => {
    const gateway = await startTestGateway();
    const client = await connectSignedClient(gateway, `${gateway.baseUrl}/erp`);
    await client.subscribe({ erp: 0 });
    const transfer = { transferId: 'RB-FG-000001-P2-P1-2026-12-01', itemId: 'FG-000001', fromPlant: 'P2', toPlant: 'P1', quantity: 60, unit: 'EA', shipDate: '2026-12-01', arrivalDate: '2026-12-03', value: 30_000 };
    const { value: _value, unit: _unit, ...approved } = transfer;
    const request = (extra: Record<string, unknown>) => command('transfer.request', 'pl.omar', { ...approved, reason: 'Rebalancing FG-000001', ...extra });
    expect(await client.command(command('approval.request', 'pl.omar', { approvalId: 'AP-T', kind: 'transfer', subject: 'Transfer 60 EA of FG-000001', transfer }))).toMatchObject({ status: 'accepted' });
    const requested = await waitUntil(() => client.events('erp').find((e) => e.type === 'approval.requested'), 'approval.requested');
    expect(requested).toMatchObject({ payload: { approvalId: 'AP-T', kind: 'transfer', transfer } });

    expect(await client.command(request({ approvalId: 'AP-T', approvedBy: 'sv.ines' }))).toMatchObject({ status: 'rejected', reason: 'payload.approvalId: transfer AP-T has not been approved' });
    expect(await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-T', decision: 'approve', reason: '' }))).toMatchObject({ status: 'accepted' });
    expect(await client.command(request({ approvalId: 'AP-T', approvedBy: 'sv.kim' }))).toMatchObject({ status: 'rejected', reason: 'payload.approvedBy: AP-T was approved by sv.ines, not sv.kim' });
    expect(await client.command(request({ quantity: 80, approvalId: 'AP-T', approvedBy: 'sv.ines' }))).toMatchObject({ status: 'rejected', reason: 'payload.quantity: differs from what AP-T approved (60 EA of FG-000001 from P2 to P1)' });
    const sent = request({ approvalId: 'AP-T', approvedBy: 'sv.ines' });
    expect(await client.command(sent)).toMatchObject({ status: 'accepted' });
    const again = request({ transferId: 'RB-OTHER', approvalId: 'AP-T', approvedBy: 'sv.ines' });
    expect(await client.command(again)).toMatchObject({ status: 'rejected', reason: `payload.approvalId: AP-T was used already, by command ${sent.commandId}` });
    // A transfer without an approval is the workstation's policy to judge: taken as before.
    expect(await client.command(command('transfer.request', 'pl.omar', { ...approved, transferId: 'T-SMALL', reason: 'Rebalancing FG-000001' }))).toMatchObject({ status: 'accepted' });
  });

  it('takes one request for approval per transfer: a second workstation is refused while the first is open, and once the transfer exists', async () => {
    const gateway = await startTestGateway();
    const client = await connectSignedClient(gateway, `${gateway.baseUrl}/erp`);
    const transfer = { transferId: 'RB-FG-000002-P2-P1-2026-12-01', itemId: 'FG-000002', fromPlant: 'P2', toPlant: 'P1', quantity: 40, unit: 'EA', shipDate: '2026-12-01', arrivalDate: '2026-12-03', value: 25_000 };
    const ask = (approvalId: string, by: string) => command('approval.request', by, { approvalId, kind: 'transfer', subject: 'Transfer 40 EA of FG-000002', transfer });
    expect(await client.command(ask('AP-1', 'pl.omar'))).toMatchObject({ status: 'accepted' });
    expect(await client.command(ask('AP-2', 'pl.lena'))).toMatchObject({
      status: 'rejected',
      reason: `payload.transfer.transferId: transfer ${transfer.transferId} was submitted for approval already, by pl.omar (AP-1)`,
    });
    // Rejected, the transfer may be asked for again; approved and sent, it exists and is not asked for twice.
    expect(await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-1', decision: 'reject', reason: 'not now' }))).toMatchObject({ status: 'accepted' });
    expect(await client.command(ask('AP-3', 'pl.lena'))).toMatchObject({ status: 'accepted' });
    expect(await client.command(command('approval.decide', 'sv.ines', { approvalId: 'AP-3', decision: 'approve', reason: '' }))).toMatchObject({ status: 'accepted' });
    const { value: _value, unit: _unit, ...approved } = transfer;
    expect(await client.command(command('transfer.request', 'pl.lena', { ...approved, reason: 'Rebalancing FG-000002', approvalId: 'AP-3', approvedBy: 'sv.ines' }))).toMatchObject({ status: 'accepted' });
    expect(await client.command(ask('AP-4', 'pl.omar'))).toMatchObject({ status: 'rejected', reason: `payload.transfer.transferId: transfer ${transfer.transferId} exists already` });
  });

  it('takes one answer per exception and publishes it; a second is refused naming the first', async () => {
    const gateway = await startTestGateway();
    const client = await connectSignedClient(gateway, `${gateway.baseUrl}/erp`);
    await client.subscribe({ erp: 0 });
    const answer = { exceptionId: 'EX-1', responseId: 'accept-delay', responseLabel: 'Accept the delay', note: 'customer agreed', remaining: null };
    expect(await client.command(command('exception.answer', 'pl.omar', answer))).toMatchObject({ status: 'accepted' });
    const answered = await waitUntil(() => client.events('erp').find((e) => e.type === 'exception.answered'), 'exception.answered');
    expect(answered).toMatchObject({ correlationId: 'EX-1', payload: { ...answer, answeredBy: 'pl.omar' } });
    const second = await client.command(command('exception.answer', 'pl.lena', { ...answer, responseId: 'expedite', responseLabel: 'Expedite PO-1/10' }));
    expect(second).toMatchObject({ status: 'rejected' });
    expect((second as { reason: string }).reason).toBe(`payload.exceptionId: EX-1 was answered already by pl.omar at ${(answered.payload as { answeredAt: string }).answeredAt} ("Accept the delay")`);
  });
});

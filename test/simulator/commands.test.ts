import { afterEach, describe, expect, it } from 'vitest';
import { commandReplySchema } from '../../shared/commands';
import { dispositionDecisions } from '../../shared/domain';
import { startGateway } from '../../simulator/gateway';
import { closeAll, connectSignedClient, lotCommand, startTestGateway, purchasedItem, tempDatabasePath } from './harness';

afterEach(closeAll);

const basedOn = (lotId: string, version: number) => ({ basedOn: { entity: 'lot' as const, id: lotId, version } });

function usageDecision(lotId: string, postings: { decision: string; quantity: number }[], extra: Record<string, unknown> = {}) {
  return { lotId, valuation: 'reject', code: 'R9', postings, reason: 'Measured again', ...extra };
}

function disposition(lotId: string, version: number, decision = 'release', quantity = 1) {
  return lotCommand('lot.disposition', usageDecision(lotId, [{ decision, quantity }]), basedOn(lotId, version));
}

/** A rejection whose reason starts with (or matches) the given pattern. */
const rejectedFor = (reason: RegExp, extra: Record<string, unknown> = {}) => ({
  status: 'rejected',
  reason: expect.stringMatching(reason) as unknown,
  ...extra,
});

describe('dedupe', () => {
  it('answers a second delivery of the same commandId duplicate, applies it once, records both deliveries', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 1 });
    const erp = await connectSignedClient(gateway, gateway.erpUrl);
    const command = disposition(lotId, 2);
    const first = await erp.command(command);
    expect(first).toEqual({ commandId: command.commandId, status: 'accepted', version: 3 });
    expect(commandReplySchema.safeParse(first).success).toBe(true);
    const second = await erp.command(command);
    expect(second).toEqual({ commandId: command.commandId, status: 'duplicate', version: 3 });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'unrestricted', version: 3 });
    expect(gateway.inspect.acceptedCount(command.commandId)).toBe(1);
    expect(gateway.inspect.deliveries(command.commandId).map((d) => [d.status, d.clientId])).toEqual([
      ['accepted', 'ws-qe-01'],
      ['duplicate', 'ws-qe-01'],
    ]);
  });

  it('remembers commands across a restart on the same file', async () => {
    const databasePath = tempDatabasePath();
    const before = await startGateway({ databasePath });
    const { lotId } = before.scenario.inspectionFailure();
    const command = lotCommand('lot.setStatus', { lotId, stockType: 'blocked', reason: 'Containment' });
    const client = await connectSignedClient(before, before.erpUrl);
    expect(await client.command(command)).toMatchObject({ status: 'accepted', version: 3 });
    client.close();
    await before.close();

    const after = await startTestGateway({ databasePath });
    const again = await connectSignedClient(after, after.plantUrl('P1'));
    expect(await again.command(command)).toEqual({ commandId: command.commandId, status: 'duplicate', version: 3 });
    expect(after.inspect.lot(lotId)).toMatchObject({ stockType: 'blocked', version: 3 });
    expect(after.inspect.deliveries(command.commandId)).toHaveLength(2);
  });

  it('answers a re-sent rejected command with the same rejection, not duplicate', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure();
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const stale = disposition(lotId, 1);
    const first = await client.command(stale);
    expect(first).toMatchObject({ status: 'rejected', version: 2 });
    gateway.scenario.consumeLot(lotId, 1);
    expect(await client.command(stale)).toEqual(first);
    expect(gateway.inspect.commands().map((c) => [c.commandId, c.status])).toEqual([[stale.commandId, 'rejected']]);
    expect(gateway.inspect.deliveries(stale.commandId).map((d) => d.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('lot.disposition', () => {
  it('rejects a decision overtaken upstream, naming both versions and answering the current one', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 100 });
    gateway.scenario.consumeLot(lotId, 10);
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const reply = await client.command(disposition(lotId, 2, 'release', 90));
    expect(reply).toMatchObject({
      status: 'rejected',
      reason: `stale: lot ${lotId} is at version 3, the decision saw version 2`,
      version: 3,
    });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'quality-inspection', version: 3 });
    const redone = await client.command(disposition(lotId, 3, 'release', 90));
    expect(redone).toMatchObject({ status: 'accepted', version: 4 });
  });

  it('requires basedOn, for the same lot', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure();
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const scrap = usageDecision(lotId, [{ decision: 'scrap', quantity: 1 }]);
    const withoutBasedOn = lotCommand('lot.disposition', scrap);
    expect(await client.command(withoutBasedOn)).toMatchObject(rejectedFor(/^basedOn:/, { version: 2 }));
    const otherLot = lotCommand('lot.disposition', scrap, basedOn('L-000101', 2));
    expect(await client.command(otherLot)).toMatchObject(rejectedFor(/^basedOn\.id:/));
    expect(gateway.inspect.lot(lotId)?.version).toBe(2);
  });

  // Use-as-is needs a supervisor's approval first: test/integration/use-as-is-approval.test.ts.
  it.each(dispositionDecisions.filter((d) => d !== 'use-as-is'))('applies %s to the lot', async (decision) => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 50 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    expect(await client.command(disposition(lotId, 2, decision, 50))).toMatchObject({ status: 'accepted', version: 3 });
    const expected = {
      release: { stockType: 'unrestricted', quantity: 50 },
      rework: { stockType: 'blocked', quantity: 50 },
      'keep-blocked': { stockType: 'blocked', quantity: 50 },
      'return-to-vendor': { stockType: 'blocked', quantity: 0 },
      scrap: { stockType: 'blocked', quantity: 0 },
    }[decision];
    expect(gateway.inspect.lot(lotId)).toMatchObject({ ...expected, version: 3 });
  });

  it('splits a lot by a partial decision: the first part that stays keeps the lot, the others become sub-lots', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 300 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const postings = [
      { decision: 'scrap', quantity: 40 },
      { decision: 'release', quantity: 200 },
      { decision: 'return-to-vendor', quantity: 25 },
      { decision: 'rework', quantity: 35 },
    ];
    const command = lotCommand('lot.disposition', usageDecision(lotId, postings), basedOn(lotId, 2));
    expect(await client.command(command)).toMatchObject({ status: 'accepted', version: 3 });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'unrestricted', quantity: 200, version: 3 });
    expect(gateway.inspect.lot(`${lotId}-2.1`)).toMatchObject({ stockType: 'blocked', quantity: 35, version: 1 });
    expect(gateway.inspect.lot(`${lotId}-2.2`)).toBeUndefined();
  });

  it('rejects postings that do not add up to the lot, naming both quantities', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 300 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const short = lotCommand('lot.disposition', usageDecision(lotId, [{ decision: 'scrap', quantity: 100 }, { decision: 'release', quantity: 150 }]), basedOn(lotId, 2));
    expect(await client.command(short)).toMatchObject(rejectedFor(new RegExp(`^payload\\.postings: the quantities add up to 250 \\w+, but lot ${lotId} holds 300 \\w+$`), { version: 2 }));
    expect(gateway.inspect.lot(lotId)).toMatchObject({ quantity: 300, version: 2 });
  });

  it('rejects a posting its unit cannot hold: no 10.5 EA of a part counted in pieces', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ itemId: purchasedItem(gateway, 'EA').id, quantity: 20 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const half = lotCommand('lot.disposition', usageDecision(lotId, [{ decision: 'release', quantity: 10.5 }, { decision: 'scrap', quantity: 9.5 }]), basedOn(lotId, 2));
    expect(await client.command(half)).toMatchObject(rejectedFor(/^payload\.postings\[0\]\.quantity: 10\.5 EA is not a whole number; EA counts whole units$/, { version: 2 }));
    expect(gateway.inspect.lot(lotId)).toMatchObject({ quantity: 20, version: 2 });
  });

  it('refuses a use-as-is, or a request to approve one, under a deviation number that is not one', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 20 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const asIs = lotCommand('lot.disposition', usageDecision(lotId, [{ decision: 'use-as-is', quantity: 20 }], { deviationNumber: 'x', approvalId: 'AP-1', approvedBy: 'sv.ines' }), basedOn(lotId, 2));
    expect(await client.command(asIs)).toMatchObject(rejectedFor(/^payload\.deviationNumber: "x" is not a deviation number; it must be DEV- and up to 8 digits, e.g\. DEV-0042$/));
    const request = {
      commandId: 'ap-x',
      type: 'approval.request',
      issuedBy: 'qe.anna',
      issuedAt: '2026-12-06T08:00:00.000Z',
      payload: { approvalId: 'AP-X', kind: 'use-as-is', subject: 'Use as is', deviation: { lotId, inspectionLotId: 'IL-1', itemId: 'RM-1', plant: 'P1', quantity: 20, unit: 'EA', deviationNumber: 'x', defectCode: 'D', reason: 'fits' } },
    };
    expect(await client.command(request)).toMatchObject(rejectedFor(/^payload\.deviation\.deviationNumber: "x" is not a deviation number; it must be DEV- and up to 8 digits, e\.g\. DEV-0042$/));
  });

  it('rejects a transfer or a purchase order line in a quantity the item’s unit cannot hold', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const item = purchasedItem(gateway, 'EA');
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const transfer = { commandId: 'tr-1', type: 'transfer.request', issuedBy: 'pl.anna', issuedAt: '2026-12-06T08:00:00.000Z', payload: { transferId: 'RB-1', itemId: item.id, fromPlant: 'P1', toPlant: 'P2', quantity: 2.5, shipDate: '2026-12-07', arrivalDate: '2026-12-09', reason: 'rebalance' } };
    expect(await client.command(transfer)).toMatchObject(rejectedFor(/^payload\.quantity: 2\.5 EA is not a whole number/));
    const line = { commandId: 'po-1', type: 'po.create', issuedBy: 'pl.anna', issuedAt: '2026-12-06T08:00:00.000Z', payload: { poLineId: 'PO-9999999/10', supplierId: item.supplierId, itemId: item.id, plant: 'P1', quantity: 0.5, requestedDate: '2026-12-20', reason: 'alternate supplier' } };
    expect(await client.command(line)).toMatchObject(rejectedFor(/^payload\.quantity: 0\.5 EA is not a whole number/));
    expect(await client.command({ ...transfer, commandId: 'tr-2', payload: { ...transfer.payload, quantity: 3 } })).toMatchObject({ status: 'accepted' });
  });

  it('rejects more than the lot holds, an unknown lot, and another inspection lot', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 5 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    expect(await client.command(disposition(lotId, 2, 'scrap', 6))).toMatchObject(rejectedFor(/^payload\.postings: the quantities add up to 6/));
    expect(await client.command(disposition('L-999999', 1))).toMatchObject({
      status: 'rejected',
      reason: 'payload.lotId: unknown lot L-999999',
    });
    const wrongInspection = lotCommand(
      'lot.disposition',
      usageDecision(lotId, [{ decision: 'release', quantity: 5 }], { inspectionLotId: 'IL-999999' }),
      basedOn(lotId, 2),
    );
    expect(await client.command(wrongInspection)).toMatchObject(rejectedFor(/^payload\.inspectionLotId:/));
    expect(gateway.inspect.lot(lotId)?.version).toBe(2);
  });

  it('takes one usage decision per inspection: a second one, even on the current version, is refused', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 5 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    expect(await client.command(disposition(lotId, 2, 'keep-blocked', 5))).toMatchObject({ status: 'accepted', version: 3 });
    expect(await client.command(disposition(lotId, 3, 'scrap', 5))).toMatchObject(rejectedFor(new RegExp(`^payload\\.lotId: lot ${lotId} was decided already: \\w+ by \\S+ at \\S+ \\(inspection lot IL-\\d+\\); one usage decision per inspection lot$`), { version: 3 }));
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'blocked', quantity: 5, version: 3 });
  });
});

describe('lot.setStatus', () => {
  it('sets the stock type with or without basedOn, and checks basedOn when given', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure();
    const plant = await connectSignedClient(gateway, gateway.plantUrl('P1'));
    const block = lotCommand('lot.setStatus', { lotId, stockType: 'blocked', reason: 'Containment' });
    expect(await plant.command(block)).toMatchObject({ status: 'accepted', version: 3 });
    const stale = lotCommand('lot.setStatus', { lotId, stockType: 'restricted', reason: 'x' }, basedOn(lotId, 2));
    expect(await plant.command(stale)).toMatchObject({ status: 'rejected', version: 3 });
    const current = lotCommand('lot.setStatus', { lotId, stockType: 'restricted', reason: 'x' }, basedOn(lotId, 3));
    expect(await plant.command(current)).toMatchObject({ status: 'accepted', version: 4 });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'restricted', version: 4 });
    const unknown = lotCommand('lot.setStatus', { lotId: 'L-999999', stockType: 'blocked', reason: 'x' });
    expect(await plant.command(unknown)).toMatchObject(rejectedFor(/L-999999/));
  });
});

describe('invalid commands', () => {
  it('rejects them naming the field and records the delivery', async () => {
    const gateway = await startTestGateway();
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    const badPayload = lotCommand('lot.setStatus', { lotId: 'L-000101', stockType: 'lost', reason: 'x' });
    expect(await client.command(badPayload)).toMatchObject(rejectedFor(/^payload: stockType:/));
    const unknownType = { ...badPayload, commandId: 'cmd-unknown-type', type: 'lot.teleport' };
    expect(await client.command(unknownType)).toMatchObject(rejectedFor(/^type:/));
    const noId = { type: 'lot.setStatus', issuedBy: 'anna', issuedAt: '2025-03-14T09:31:00Z', payload: {} };
    expect(await client.command(noId)).toMatchObject({ commandId: '(missing)', ...rejectedFor(/^commandId:/) });
    expect(gateway.inspect.deliveries().map((d) => [d.commandId, d.status])).toEqual([
      [badPayload.commandId, 'rejected'],
      ['cmd-unknown-type', 'rejected'],
      [null, 'rejected'],
    ]);
    expect(gateway.inspect.commands().map((c) => c.type)).toEqual(['lot.setStatus', 'lot.teleport']);
  });
});

describe('dropReplies', () => {
  it('applies and records the command but sends no reply; the re-send answers duplicate', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 1 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    gateway.scenario.dropReplies(1);
    const command = disposition(lotId, 2, 'rework', 1);
    await expect(client.command(command, 300)).rejects.toThrow(/timed out/);
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'blocked', version: 3 });
    expect(await client.command(command)).toEqual({ commandId: command.commandId, status: 'duplicate', version: 3 });
    expect(gateway.inspect.acceptedCount(command.commandId)).toBe(1);
    expect(gateway.inspect.deliveries(command.commandId).map((d) => [d.status, d.replyDropped])).toEqual([
      ['accepted', true],
      ['duplicate', false],
    ]);
  });

  it('of one command type only, lets other commands’ replies through', async () => {
    const gateway = await startTestGateway();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 1 });
    const client = await connectSignedClient(gateway, gateway.erpUrl);
    gateway.scenario.dropReplies(1, 'lot.disposition');
    const other = { commandId: 'note-1', type: 'notification.create', issuedBy: 'system', issuedAt: new Date().toISOString(), payload: { notificationId: 'N-1', kind: 'quality', plant: 'P1', subject: 'x', text: 'y' } };
    expect(await client.command(other as never)).toMatchObject({ status: 'accepted' });
    const command = disposition(lotId, 2, 'rework', 1);
    await expect(client.command(command, 300)).rejects.toThrow(/timed out/);
    expect(await client.command(command)).toMatchObject({ status: 'duplicate' });
    expect(gateway.inspect.deliveries(other.commandId).map((d) => d.replyDropped)).toEqual([false]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/result';
import type { CanonicalCommand } from '../../shared/commands';
import { createCoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';

const qe = { user: 'qe.anna' };

describe('inspection-failed workflow', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: ReturnType<typeof createCoreParts>;
  let event: ReturnType<typeof createEventFactory>;
  beforeEach(() => {
    event = createEventFactory();
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'));
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 2 }))]);
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  /** The commands about the lot's stock: the workflow's hold move and supplier case are checked on their own. */
  const lotCommands = (): CanonicalCommand[] => pending().filter((c) => c.type === 'lot.setStatus' || c.type === 'lot.disposition');
  const scrapAll = [{ decision: 'scrap' as const, quantity: 120 }];
  const row = () => parts.queries.row('L-1');
  const reply = (command: CanonicalCommand, status: 'accepted' | 'rejected', version: number, reason?: string) =>
    parts.handleReply('erp', command.commandId, { commandId: command.commandId, status, version, ...(reason ? { reason } : {}) });

  it('blocks the lot upstream, moves it to the hold area, opens a supplier case and a disposition task', () => {
    const [block, move, supplierCase] = pending();
    expect(block).toMatchObject({ type: 'lot.setStatus', issuedBy: 'system', commandId: 'IL-L-1.block', payload: { lotId: 'L-1', stockType: 'blocked' } });
    expect(move).toMatchObject({ type: 'wms.moveTask', commandId: 'IL-L-1.hold-move', payload: { moveTaskId: 'WT-IL-L-1', lotId: 'L-1', plant: 'P1', toLocation: 'QM-HOLD' } });
    expect(supplierCase).toMatchObject({
      type: 'supplierCase.open',
      commandId: 'IL-L-1.supplier-case',
      payload: { caseId: 'SC-IL-L-1', supplierId: 'S-100', lotId: 'L-1', defectCode: 'DIM-OOT', quantity: 120, unit: 'EA', notify: ['procurement'] },
    });
    expect((supplierCase!.payload as { evidence: string[] }).evidence[0]).toContain('Bore diameter out of tolerance');
    expect(row()).toMatchObject({ lotId: 'L-1', taskState: 'awaiting-decision', defectCode: 'DIM-OOT', stockType: 'quality-inspection', inspectionLotStatus: 'results-recorded' });
    reply(block!, 'accepted', 3);
    expect(row()).toMatchObject({ stockType: 'blocked', lotVersion: 3 });
    // The move and the supplier case are about the lot: their entries and their replies say so, under the lot's correlation.
    reply(move!, 'accepted', 0);
    reply(supplierCase!, 'accepted', 0);
    const about = parts.repos.audit.entries().filter((e) => [move!.commandId, supplierCase!.commandId].includes(e.detail.commandId as string));
    expect(about.map((e) => [e.action, e.subject, e.detail.correlationId])).toEqual([
      ['command wms.moveTask', 'L-1', 'L-1'],
      ['command supplierCase.open', 'L-1', 'L-1'],
      ['reply accepted', 'L-1', 'L-1'],
      ['reply accepted', 'L-1', 'L-1'],
    ]);
  });

  it('closes the task when the inspection lot passes upstream after all: nothing is left to decide', () => {
    const taskId = row()!.taskId;
    parts.ingest.applyBatch([event('qms.P1', 'inspection.passed', { lotId: 'L-1', lotVersion: 5, inspectionLotId: 'IL-L-1' })]);
    expect(parts.repos.tasks.get(taskId)?.status).toBe('cancelled');
    expect(row()).toMatchObject({ taskState: 'decided', stockType: 'unrestricted', inspectionLotStatus: 'usage-decision-made' });
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: scrapAll, reason: 'too late' }, qe)).toThrow(ApiFailure);
  });

  it('refuses a posting the lot\'s unit cannot hold, naming it, and keeps the task open', () => {
    const taskId = row()!.taskId;
    const halves = [{ decision: 'release' as const, quantity: 60.5 }, { decision: 'scrap' as const, quantity: 59.5 }];
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: halves, reason: 'half and half' }, qe)).toThrow(/^postings\[0\]\.quantity: 60\.5 EA is not a whole number; EA counts whole units$/);
    expect(row()).toMatchObject({ taskState: 'awaiting-decision' });
    expect(lotCommands().map((c) => c.type)).toEqual(['lot.setStatus']);
  });

  it('refuses a use-as-is whose deviation number does not match the pattern in settings', () => {
    const taskId = row()!.taskId;
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'use-as-is', quantity: 120 }], reason: 'fits the mating part', deviationNumber: 'x' }, qe)).toThrow('deviationNumber: "x" is not a deviation number; it must be DEV- and up to 8 digits, e.g. DEV-0042');
    expect(pending().filter((c) => c.type === 'approval.request')).toEqual([]);
  });

  it('a decision emits one lot.disposition based on the version upstream will have after the queued block', () => {
    const { taskId } = row()!;
    const { commandId } = parts.quarantine['quarantine.disposition']({ taskId, postings: scrapAll, reason: 'porosity through wall' }, qe);
    const commands = lotCommands();
    expect(commands.map((c) => c.type)).toEqual(['lot.setStatus', 'lot.disposition']);
    expect(commands[1]).toMatchObject({ commandId, issuedBy: 'qe.anna', basedOn: { entity: 'lot', id: 'L-1', version: 3 }, payload: { valuation: 'reject', code: 'R1', postings: scrapAll } });
    expect(row()).toMatchObject({ taskState: 'pending-upstream', postings: scrapAll, valuation: 'reject', decisionCode: 'R1', decidedBy: 'qe.anna' });
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'changed my mind' }, qe)).toThrow(ApiFailure);
    reply(commands[0]!, 'accepted', 3);
    reply(commands[1]!, 'accepted', 4);
    // The lot itself is gone: its row shows it empty, as the ERP has it, with the postings that emptied it.
    expect(parts.repos.lots.get('L-1')).toMatchObject({ quantity: 0, stockType: 'blocked', version: 4 });
    expect(row()).toMatchObject({ taskState: 'decided', quantity: 0, stockType: 'blocked', lotVersion: 4, inspectionLotStatus: 'usage-decision-made', postings: scrapAll, decidedBy: 'qe.anna' });
    expect(lotCommands()).toEqual([]);
    expect(parts.repos.audit.verifyChain()).toBeNull();
  });

  it('a stale decision becomes a conflict beside what changed; the engineer re-decides against the current version', () => {
    const { taskId } = row()!;
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'within deviation limits' }, qe);
    const [block, stale] = lotCommands();
    reply(block!, 'accepted', 3);
    // What changed upstream arrives as an event; the gateway refuses the decision that did not see it.
    parts.ingest.applyBatch([event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 4, productionOrderId: 'PO-7', quantity: 20 })]);
    reply(stale!, 'rejected', 4, 'stale: lot L-1 is at version 4, the decision saw version 3');
    expect(row()).toMatchObject({
      taskState: 'conflict',
      quantity: 100,
      lotVersion: 4,
      consumedQuantity: 20,
      conflict: { reason: 'stale: lot L-1 is at version 4, the decision saw version 3', sawVersion: 3, sawQuantity: 120, changes: [{ version: 4, type: 'lot.consumed', summary: '20 EA consumed by production order PO-7' }] },
    });
    // Posting the old quantity again is refused before anything is queued.
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'rework', quantity: 120 }], reason: 'rework the bore' }, qe)).toThrow(
      'postings: the quantities add up to 120 EA, but lot L-1 holds 100 EA',
    );
    const again = parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'rework', quantity: 100 }], reason: 'rework the bore' }, qe);
    const [redecided] = lotCommands();
    expect(redecided).toMatchObject({ commandId: again.commandId, basedOn: { version: 4 }, payload: { postings: [{ decision: 'rework', quantity: 100 }], code: 'R3' } });
    expect(row()).toMatchObject({ taskState: 'pending-upstream', postings: [{ decision: 'rework', quantity: 100 }], conflict: null });
  });

  it('a refused decision can be withdrawn: it stays on record, nothing more goes upstream, the task closes', () => {
    const { taskId } = row()!;
    expect(() => parts.quarantine['quarantine.withdraw']({ taskId, reason: 'nothing to withdraw' }, qe)).toThrow(/^taskId: lot has no refused decision/);
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'within deviation limits' }, qe);
    const [block, stale] = lotCommands();
    reply(block!, 'accepted', 3);
    reply(stale!, 'rejected', 4, 'stale: lot L-1 is at version 4, the decision saw version 3');
    const before = pending().length;
    parts.quarantine['quarantine.withdraw']({ taskId, reason: 'production used it meanwhile' }, qe);
    expect(row()).toMatchObject({ taskState: 'withdrawn', conflict: null });
    expect(pending()).toHaveLength(before);
    expect(parts.repos.decisions.latestForTask(taskId)).toMatchObject({ status: 'withdrawn', replyReason: 'stale: lot L-1 is at version 4, the decision saw version 3' });
    expect(parts.repos.audit.entries().map((e) => e.action)).toContain('usage decision withdrawn');
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: scrapAll, reason: 'too late' }, qe)).toThrow(ApiFailure);
  });

  it('a withdrawn lot can be decided again, on the lot as it is now', () => {
    const { taskId } = row()!;
    expect(() => parts.quarantine['quarantine.reopen']({ taskId }, qe)).toThrow(/^taskId: lot L-1 is waiting for a decision already/);
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'within deviation limits' }, qe);
    const [block, stale] = lotCommands();
    reply(block!, 'accepted', 3);
    expect(() => parts.quarantine['quarantine.reopen']({ taskId }, qe)).toThrow(/^taskId: lot L-1 has a decision that was not withdrawn/);
    reply(stale!, 'rejected', 4, 'stale: lot L-1 is at version 4, the decision saw version 3');
    parts.ingest.applyBatch([event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 4, productionOrderId: 'PO-7', quantity: 20 })]);
    parts.quarantine['quarantine.withdraw']({ taskId, reason: 'production used it meanwhile' }, qe);
    expect(row()).toMatchObject({ taskState: 'withdrawn' });

    parts.quarantine['quarantine.reopen']({ taskId }, qe);
    expect(row()).toMatchObject({ taskState: 'awaiting-decision', quantity: 100, lotVersion: 4, postings: null, decisionCode: null, decidedBy: null });
    expect(parts.repos.audit.entries().map((e) => e.action)).toContain('usage decision task reopened');
    const { commandId } = parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'scrap', quantity: 100 }], reason: 'sorted again' }, qe);
    expect(pending().find((c) => c.commandId === commandId)).toMatchObject({ type: 'lot.disposition', basedOn: { version: 4 }, payload: { postings: [{ decision: 'scrap', quantity: 100 }] } });
    expect(row()).toMatchObject({ taskState: 'pending-upstream' });
    expect(() => parts.quarantine['quarantine.reopen']({ taskId }, qe)).toThrow(/^taskId: lot L-1 has a decision that was not withdrawn/);
  });

  it('a lot that fails again after its decision (a re-inspection after rework) is blocked and held anew, its first decision kept on record', () => {
    const { taskId: first } = row()!;
    parts.quarantine['quarantine.disposition']({ taskId: first, postings: [{ decision: 'rework', quantity: 120 }], reason: 'regrind the bores' }, qe);
    const [block, rework] = lotCommands();
    reply(block!, 'accepted', 3);
    reply(rework!, 'accepted', 4);
    expect(row()).toMatchObject({ taskState: 'decided', inspectionLotId: 'IL-L-1' });

    const later = createEventFactory(new Date('2026-11-05T08:00:00Z'));
    const applied = parts.ingest.applyBatch([later('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 5, inspectionLotId: 'IL-L-1b', defectCode: 'DIM-OOT2', defectText: 'Bore still oversize after rework' }), { seq: 2, id: 'qms-2' })]);
    expect(applied).toMatchObject({ applied: 1, deadLettered: 0 });
    const again = row()!;
    expect(again).toMatchObject({ taskState: 'awaiting-decision', inspectionLotId: 'IL-L-1b', defectCode: 'DIM-OOT2', postings: null });
    expect(again.taskId).not.toBe(first);
    expect(lotCommands()).toEqual([expect.objectContaining({ type: 'lot.setStatus', commandId: 'IL-L-1b.block' })]);
    expect(parts.repos.decisions.latestForTask(first)).toMatchObject({ status: 'accepted', postings: [{ decision: 'rework', quantity: 120 }] });
  });

  it('a withdrawn lot that upstream decided or released meanwhile cannot be decided again', () => {
    const { taskId } = row()!;
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'within deviation limits' }, qe);
    const [block, stale] = lotCommands();
    reply(block!, 'accepted', 3);
    reply(stale!, 'rejected', 4, 'stale: lot L-1 is at version 4, the decision saw version 3');
    parts.quarantine['quarantine.withdraw']({ taskId, reason: 'the night shift decides it' }, qe);
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, postings: scrapAll, reason: 'too late' }, qe)).toThrow(/^taskId: the decision was withdrawn by qe\.anna; decide again \(quarantine\.reopen\) first$/);
    // Another workstation's decision released it.
    parts.ingest.applyBatch([event('erp', 'lot.statusChanged', { lotId: 'L-1', lotVersion: 5, itemId: 'I-100', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'unrestricted', changedBy: 'qe.nightshift', reason: 'usage decision A1: fine' })]);
    expect(() => parts.quarantine['quarantine.reopen']({ taskId }, qe)).toThrow(/^taskId: lot L-1 is unrestricted upstream now; it is no longer on hold there$/);
    // A passed re-inspection closes the inspection lot.
    parts.ingest.applyBatch([event('qms.P1', 'inspection.passed', { lotId: 'L-1', lotVersion: 6, inspectionLotId: 'IL-L-1' })]);
    expect(() => parts.quarantine['quarantine.reopen']({ taskId }, qe)).toThrow(/^taskId: inspection lot IL-L-1 of lot L-1 has its usage decision already$/);
    // Passed upstream: the lot shows decided, not a withdrawn decision waiting for someone.
    expect(row()).toMatchObject({ taskState: 'decided' });
  });

  it('a reply that comes after the gateway\'s own news of the lot (and a later consumption) changes nothing', () => {
    const { taskId } = row()!;
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'within tolerance' }, qe);
    const [block, release] = lotCommands();
    reply(block!, 'accepted', 3);
    parts.ingest.applyBatch([
      event('erp', 'lot.statusChanged', { lotId: 'L-1', lotVersion: 4, itemId: 'I-100', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'unrestricted', changedBy: 'qe.anna', reason: 'usage decision A1: within tolerance' }),
      event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 5, productionOrderId: 'PO-7', quantity: 20 }),
    ]);
    reply(release!, 'accepted', 4);
    expect(parts.repos.lots.get('L-1')).toMatchObject({ stockType: 'unrestricted', quantity: 100, version: 5 });
    expect(row()).toMatchObject({ taskState: 'decided' });
  });

  it('a consumption the gateway\'s later news of the lot already counts is not taken off twice', () => {
    const [block] = pending();
    // Upstream: consumed 20 at v3, then blocked at v4; the ERP's news (v4, 100 left) comes before the plant's consumption.
    parts.ingest.applyBatch([
      event('erp', 'lot.statusChanged', { lotId: 'L-1', lotVersion: 4, itemId: 'I-100', plant: 'P1', quantity: 100, unit: 'EA', stockType: 'blocked', changedBy: 'system', reason: 'Inspection lot failed' }),
      event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 3, productionOrderId: 'PO-7', quantity: 20 }),
    ]);
    expect(parts.repos.lots.get('L-1')).toMatchObject({ quantity: 100, version: 4 });
    // Our own reply carries no quantity: a consumption before it is still taken off.
    reply(block!, 'accepted', 4);
    parts.ingest.applyBatch([event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 5, productionOrderId: 'PO-8', quantity: 30 })]);
    expect(parts.repos.lots.get('L-1')).toMatchObject({ quantity: 70, version: 5 });
  });

  it('a consumption that comes before the lot\'s receipt (another stream) is taken off when the receipt comes', () => {
    parts.ingest.applyBatch([
      event('mes.P1', 'lot.consumed', { lotId: 'L-OUT', lotVersion: 2, productionOrderId: 'PO-9', quantity: 10 }),
      event('erp', 'goods.received', { lotId: 'L-OUT', lotVersion: 1, itemId: 'I-200', plant: 'P1', quantity: 40, unit: 'EA', stockType: 'unrestricted', productionOrderId: 'PO-8' }),
    ]);
    expect(parts.repos.lots.get('L-OUT')).toMatchObject({ quantity: 30, version: 2 });
    // Told again (a snapshot, a replay of the receipt at its version), nothing more is taken off.
    parts.ingest.applyBatch([event('erp', 'goods.received', { lotId: 'L-OUT', lotVersion: 2, itemId: 'I-200', plant: 'P1', quantity: 30, unit: 'EA', stockType: 'unrestricted' })]);
    expect(parts.repos.lots.get('L-OUT')).toMatchObject({ quantity: 30, version: 2 });
  });

  it('a second reply for the same command changes nothing', () => {
    const [block] = pending();
    reply(block!, 'accepted', 3);
    const auditBefore = parts.repos.audit.entries().length;
    reply(block!, 'accepted', 9);
    expect(parts.repos.lots.get('L-1')?.version).toBe(3);
    expect(parts.repos.audit.entries().length).toBe(auditBefore);
  });

  it('refuses a decision for a task that does not exist, naming the field', () => {
    expect(() => parts.quarantine['quarantine.disposition']({ taskId: 'nope', postings: scrapAll, reason: 'x y z' }, qe)).toThrow(/^taskId: no disposition task nope$/);
  });

  it('a second failure of a lot already on hold does not start a second instance', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 3 }))]);
    expect(parts.store.db.prepare("SELECT count(*) FROM workflow_instances WHERE workflow = 'inspection-failed'").pluck().get()).toBe(1);
    expect(pending()).toHaveLength(3);
  });

  it('the audit chain detects an edited entry', () => {
    parts.quarantine['quarantine.disposition']({ taskId: row()!.taskId, postings: scrapAll, reason: 'cracked housing' }, qe);
    expect(parts.repos.audit.verifyChain()).toBeNull();
    parts.store.db.prepare("UPDATE audit_log SET detail = replace(detail, 'scrap', 'release') WHERE action = 'usage decision'").run();
    expect(parts.repos.audit.verifyChain()).not.toBeNull();
  });
});

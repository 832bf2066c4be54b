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
  const row = () => parts.queries.row('L-1');
  const reply = (command: CanonicalCommand, status: 'accepted' | 'rejected', version: number, reason?: string) =>
    parts.handleReply('erp', command.commandId, { commandId: command.commandId, status, version, ...(reason ? { reason } : {}) });

  it('blocks the lot upstream and opens a disposition task', () => {
    const [block] = pending();
    expect(block).toMatchObject({ type: 'lot.setStatus', issuedBy: 'system', payload: { lotId: 'L-1', stockType: 'blocked' } });
    expect(row()).toMatchObject({ lotId: 'L-1', taskState: 'awaiting-decision', defectCode: 'DIM-OOT', stockType: 'quality-inspection' });
    reply(block!, 'accepted', 3);
    expect(row()).toMatchObject({ stockType: 'blocked', lotVersion: 3 });
  });

  it('a decision emits one lot.disposition based on the version upstream will have after the queued block', () => {
    const { taskId } = row()!;
    const { commandId } = parts.quarantine['quarantine.disposition']({ taskId, decision: 'scrap', reason: 'porosity through wall' }, qe);
    const commands = pending();
    expect(commands.map((c) => c.type)).toEqual(['lot.setStatus', 'lot.disposition']);
    expect(commands[1]).toMatchObject({ commandId, issuedBy: 'qe.anna', basedOn: { entity: 'lot', id: 'L-1', version: 3 }, payload: { decision: 'scrap', quantity: 120 } });
    expect(row()).toMatchObject({ taskState: 'pending-upstream', decision: 'scrap', decidedBy: 'qe.anna' });
    expect(() => parts.quarantine['quarantine.disposition']({ taskId, decision: 'release', reason: 'changed my mind' }, qe)).toThrow(ApiFailure);
    reply(commands[0]!, 'accepted', 3);
    reply(commands[1]!, 'accepted', 4);
    // The lot itself is gone; its row keeps the quantity the decision scrapped.
    expect(parts.repos.lots.get('L-1')).toMatchObject({ quantity: 0, stockType: 'blocked', version: 4 });
    expect(row()).toMatchObject({ taskState: 'accepted', quantity: 120, stockType: 'blocked', lotVersion: 4 });
    expect(pending()).toEqual([]);
    expect(parts.repos.audit.verifyChain()).toBeNull();
  });

  it('a stale decision becomes a conflict; the engineer re-decides against the current version', () => {
    const { taskId } = row()!;
    parts.quarantine['quarantine.disposition']({ taskId, decision: 'release', reason: 'within deviation limits' }, qe);
    const [block, stale] = pending();
    reply(block!, 'accepted', 3);
    reply(stale!, 'rejected', 4, 'stale: lot L-1 is at version 4, the decision saw version 3');
    expect(row()).toMatchObject({ taskState: 'conflict', conflictReason: 'stale: lot L-1 is at version 4, the decision saw version 3', lotVersion: 3 });
    // What changed upstream arrives as an event; the re-decision is based on it.
    parts.ingest.applyBatch([event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 4, productionOrderId: 'PO-7', quantity: 20 })]);
    expect(row()).toMatchObject({ taskState: 'conflict', quantity: 100, lotVersion: 4 });
    const again = parts.quarantine['quarantine.disposition']({ taskId, decision: 'rework', reason: 'rework the bore' }, qe);
    const [redecided] = pending();
    expect(redecided).toMatchObject({ commandId: again.commandId, basedOn: { version: 4 }, payload: { decision: 'rework', quantity: 100 } });
    expect(row()).toMatchObject({ taskState: 'pending-upstream', decision: 'rework' });
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
    expect(() => parts.quarantine['quarantine.disposition']({ taskId: 'nope', decision: 'scrap', reason: 'x y z' }, qe)).toThrow(/^taskId: no disposition task nope$/);
  });

  it('a second failure of a lot already on hold does not start a second instance', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 3 }))]);
    expect(parts.store.db.prepare('SELECT count(*) FROM workflow_instances').pluck().get()).toBe(1);
    expect(pending()).toHaveLength(1);
  });

  it('the audit chain detects an edited entry', () => {
    parts.quarantine['quarantine.disposition']({ taskId: row()!.taskId, decision: 'scrap', reason: 'cracked housing' }, qe);
    expect(parts.repos.audit.verifyChain()).toBeNull();
    parts.store.db.prepare("UPDATE audit_log SET detail = replace(detail, 'scrap', 'release') WHERE action = 'usage decision'").run();
    expect(parts.repos.audit.verifyChain()).not.toBeNull();
  });
});

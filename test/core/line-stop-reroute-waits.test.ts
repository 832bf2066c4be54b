// A reroute is the line-stop workflow's own: the instance waits for each reroute's reply alongside the
// planner's answer, resumes on it, and ends only once nothing it sent is left unanswered. Instances the
// previous version stored (waiting for their task alone) take reroutes too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineStopDetail } from '../../shared/api/impact';
import type { CanonicalCommand } from '../../shared/commands';
import { createRerouteHandler } from '../../orchestration-core/services/reroute-handler';
import { createCoreParts, fixedClock, type CoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { lineStopPlanning } from '../helpers/line-stop-planning';
import { makeTempDir } from '../helpers/temp-dir';

describe('line-stop reroute waits', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  let reroute: ReturnType<typeof createRerouteHandler>;
  const planner = { user: 'pl.omar' };
  const toL9 = (productionOrderId: string) => reroute({ exceptionId: 'EX-LS-1', productionOrderId, toPlant: 'P2', toLine: 'L9' }, planner).commandId;
  const instanceId = () => parts.repos.exceptions.get('EX-LS-1')!.instanceId;
  const instance = () => parts.store.db.prepare<[string], { version: number; status: string; state: string }>('SELECT version, status, state FROM workflow_instances WHERE id = ?').get(instanceId())!;
  const waits = () => parts.store.db.prepare('SELECT kind, step FROM workflow_waits WHERE instance_id = ? ORDER BY id').all(instanceId());
  const replyKeys = () => parts.store.db.prepare("SELECT key FROM workflow_waits WHERE instance_id = ? AND step = 'rerouteReplied' ORDER BY id").pluck().all(instanceId());
  const detail = () => parts.repos.exceptions.get('EX-LS-1')!.detail as LineStopDetail;
  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const transfers = () => pending().filter((c) => c.type === 'transfer.request');
  const taskWait = { kind: 'task', step: 'responded' };
  const rerouteWait = { kind: 'reply', step: 'rerouteReplied' };

  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'), fixedClock(), { planning: lineStopPlanning });
    reroute = createRerouteHandler({ repos: parts.repos, engine: parts.engine, commit: parts.commitAs('planner') });
    parts.ingest.applyBatch([createEventFactory()('erp', 'line.stopped', { stoppageId: 'LS-1', plant: 'P1', line: 'L1', from: '2026-12-01', expectedDays: 5, reason: 'Spindle drive fault' })]);
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  it('waits for every reroute\'s reply with the planner\'s task, resumes on each, and ends once the last is answered after the answer stands', () => {
    expect(waits()).toEqual([taskWait]);
    const first = toL9('MO-1');
    expect(waits()).toEqual([taskWait, rerouteWait]);
    const second = toL9('MO-2');
    expect(waits()).toEqual([taskWait, rerouteWait, rerouteWait]);
    expect(replyKeys()).toEqual([first, second]);

    parts.handleReply('erp', first, { commandId: first, status: 'accepted' });
    expect(waits()).toEqual([taskWait, rerouteWait]);
    expect(replyKeys()).toEqual([second]);
    expect(detail().orders[0]!.rerouted?.upstream).toEqual({ state: 'accepted' });
    expect(transfers()).toHaveLength(1);

    const taskId = parts.repos.exceptions.get('EX-LS-1')!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId: 'EX-LS-1', responseId: 'reschedule' }, planner.user));
    expect(waits()).toEqual([{ kind: 'reply', step: 'answerReplied' }, rerouteWait]);
    parts.answerReplied('EX-LS-1');
    // The answer stands, but the ERP has yet to answer MO-2's reroute: the instance waits for it.
    expect(waits()).toEqual([rerouteWait]);
    expect(instance().status).toBe('running');

    parts.handleReply('erp', second, { commandId: second, status: 'rejected', reason: 'toLine: P2/L9 is down for maintenance' });
    expect(detail().orders[1]!.rerouted?.upstream).toEqual({ state: 'refused', reason: 'toLine: P2/L9 is down for maintenance' });
    expect(pending().filter((c) => c.type === 'production.reschedule').map((c) => c.payload.productionOrderId)).toEqual(['MO-2']);
    expect(waits()).toEqual([]);
    expect(instance().status).toBe('completed');
  });

  it('refuses a reroute once the instance is done, as the exception\'s status says', () => {
    const taskId = parts.repos.exceptions.get('EX-LS-1')!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId: 'EX-LS-1', responseId: 'accept-delay' }, planner.user));
    parts.answerReplied('EX-LS-1');
    expect(instance().status).toBe('completed');
    const status = parts.repos.exceptions.get('EX-LS-1')!.row.status;
    expect(() => toL9('MO-1')).toThrow(`exceptionId: EX-LS-1 is ${status}, not waiting for a response`);
  });

  describe('an instance the previous version stored, waiting for its task alone', () => {
    beforeEach(() => {
      const { reroutes: _reroutes, ...previous } = JSON.parse(instance().state) as Record<string, unknown>;
      parts.store.db.prepare('UPDATE workflow_instances SET version = 1, state = ? WHERE id = ?').run(JSON.stringify(previous), instanceId());
      expect(waits()).toEqual([taskWait]);
    });

    it('takes a reroute and its reply, on its own version', () => {
      const commandId = toL9('MO-1');
      expect(waits()).toEqual([taskWait, rerouteWait]);
      parts.handleReply('erp', commandId, { commandId, status: 'accepted' });
      expect(detail().orders[0]!.rerouted).toEqual({ plant: 'P2', line: 'L9', commandId, upstream: { state: 'accepted' } });
      expect(transfers().map((c) => c.payload)).toEqual([expect.objectContaining({ fromPlant: 'P2', toPlant: 'P1', quantity: 48, reason: 'Line P1/L1 stopped (LS-1): MO-1 made at P2' })]);
      expect(waits()).toEqual([taskWait]);
      expect(instance()).toMatchObject({ version: 1, status: 'running' });
    });

    it('records the reply to a reroute sent before reroutes were the workflow\'s at its next step', () => {
      const commandId = toL9('MO-1');
      // As the previous version left it: the reroute queued, the instance waiting for its task alone.
      parts.store.db.prepare("DELETE FROM workflow_waits WHERE instance_id = ? AND kind = 'reply'").run(instanceId());
      parts.handleReply('erp', commandId, { commandId, status: 'accepted' });
      expect(detail().orders[0]!.rerouted?.upstream).toEqual({ state: 'pending' });

      const second = toL9('MO-2');
      expect(detail().orders[0]!.rerouted?.upstream).toEqual({ state: 'accepted' });
      expect(transfers()).toHaveLength(1);
      expect(replyKeys()).toEqual([second]);
    });
  });
});

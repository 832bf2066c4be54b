// The approval gate on its own: a flow of the test's own asks a supervisor to approve releasing the
// deliveries held for a lot used as is, over a real SQLite file, and the gateway's replies and events arrive in every order.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalCommand, CommandReply } from '../../shared/commands';
import type { CanonicalEvent } from '../../shared/events';
import { createChangeTracker } from '../../orchestration-core/engine/change-tracker';
import { createEngine } from '../../orchestration-core/engine/engine';
import { defineActionWorkflow } from '../../orchestration-core/engine/workflow';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import { approvalGate, approvalResumeKeys, type GateState } from '../../orchestration-core/workflows/approval-gate';
import { createEventFactory } from '../helpers/event-factory';
import { fixedClock } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';

interface ReleaseState {
  lotId: string;
  gate?: GateState;
  outcome?: string;
}

const gate = approvalGate<ReleaseState>({
  name: 'release',
  purpose: 'release-hold',
  gateOf: (state) => state.gate,
  withGate: (state, next) => ({ ...state, gate: next }),
  sendApproved(state, verdict, { commandId }, ctx) {
    ctx.emit('shipment.releaseHold', { lotId: state.lotId, itemId: 'I-1', plant: 'P1', quantity: 1, unit: 'EA', reason: `approved by ${verdict.decidedBy}` }, { issuedBy: 'pl.omar', commandId });
    return state;
  },
  approvedReplyStep: 'released',
  rejected: (state, verdict) => ({ state: { ...state, outcome: `rejected by ${verdict.decidedBy}: ${verdict.reason}` }, end: 'completed' }),
  refused: (state, reason) => ({ state: { ...state, outcome: reason }, end: 'completed' }),
});

const releaseFlow = defineActionWorkflow<ReleaseState, { lotId: string; approvalId: string }>({
  name: 'release-hold',
  version: 1,
  resumeKeys: approvalResumeKeys,
  start({ lotId, approvalId }, user, ctx) {
    const asked = gate.ask({ approvalId, kind: 'use-as-is', subject: `Release ${lotId}`, deviation: { lotId: 'L-1', inspectionLotId: 'IL-1', itemId: 'I-1', plant: 'P1', quantity: 1, unit: 'EA', deviationNumber: 'DEV-1', defectCode: 'D', reason: 'r', postings: [{ decision: 'use-as-is', quantity: 1 }] } }, user, ctx);
    return { state: { lotId, gate: asked }, wait: gate.waits(asked) };
  },
  steps: {
    ...gate.steps,
    released: (state, signal) => ({ state: { ...state, outcome: signal.kind === 'reply' ? `released: ${signal.reply.status}` : 'released' }, end: 'completed' }),
  },
});

describe('approval gate', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: ReturnType<typeof openStore>;
  let repos: ReturnType<typeof createRepos>;
  let engine: ReturnType<typeof createEngine>;
  let event: ReturnType<typeof createEventFactory>;
  beforeEach(() => {
    temp = makeTempDir();
    store = openStore(temp.file('core.sqlite'));
    repos = createRepos(store.db);
    engine = createEngine({ repos, definitions: [releaseFlow], clock: fixedClock(), newId: randomUUID, routeCommand: () => 'erp', changes: createChangeTracker(), atomically: store.transaction });
    event = createEventFactory();
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  const commands = (): CanonicalCommand[] => repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const ofType = (type: string) => commands().filter((c) => c.type === type);
  const reply = (command: CanonicalCommand, status: CommandReply['status'], reason?: string) =>
    store.transaction(() => engine.onReply({ commandId: command.commandId, status, ...(reason ? { reason } : {}) }, command));
  const decide = (decision: 'approve' | 'reject', reason = 'checked') =>
    store.transaction(() =>
      engine.onEvent(event('erp', 'approval.decided', { approvalId: 'AP-1', decision, decidedBy: 'sv.ines', decidedAt: '2026-11-02T09:00:00.000Z', reason }, { correlationId: 'unrelated' }) as CanonicalEvent),
    );
  const state = () => JSON.parse(store.db.prepare('SELECT state FROM workflow_instances').pluck().get() as string) as ReleaseState;
  const waits = () => store.db.prepare('SELECT kind, step FROM workflow_waits ORDER BY id').all();
  const ask = () => store.transaction(() => engine.startByAction('release-hold', 'L-1', { lotId: 'L-1', approvalId: 'AP-1' }, 'pl.omar'));

  it('asks upstream, lists the request here, and waits for the request\'s reply and the decision at once', () => {
    ask();
    expect(ofType('approval.request')).toMatchObject([{ issuedBy: 'pl.omar', payload: { approvalId: 'AP-1', kind: 'use-as-is', subject: 'Release L-1' } }]);
    expect(repos.approvals.get('AP-1')).toMatchObject({ status: 'pending', requestedBy: 'pl.omar', subject: 'Release L-1' });
    expect(waits()).toEqual([{ kind: 'reply', step: 'releaseRequested' }, { kind: 'event', step: 'releaseDecidedEarly' }]);
  });

  it('sends what was approved once, under an id derived from the approval, and hands the reply to the flow', () => {
    ask();
    reply(ofType('approval.request')[0]!, 'accepted');
    expect(waits()).toEqual([{ kind: 'event', step: 'releaseDecided' }]);
    decide('approve');
    expect(ofType('shipment.releaseHold')).toMatchObject([{ commandId: 'AP-1.release-hold', payload: { lotId: 'L-1', reason: 'approved by sv.ines' } }]);
    // The decision heard again (a replay on another connection) sends nothing more.
    decide('approve');
    expect(ofType('shipment.releaseHold')).toHaveLength(1);
    reply(ofType('shipment.releaseHold')[0]!, 'accepted');
    expect(state().outcome).toBe('released: accepted');
  });

  it('decided before the request\'s reply came back: nothing goes upstream until the gateway took the request', () => {
    ask();
    decide('approve');
    expect(ofType('shipment.releaseHold')).toEqual([]);
    expect(waits()).toEqual([{ kind: 'reply', step: 'releaseRequested' }]);
    reply(ofType('approval.request')[0]!, 'duplicate');
    expect(ofType('shipment.releaseHold')).toMatchObject([{ commandId: 'AP-1.release-hold' }]);
  });

  it('hands back on a rejection, sending nothing', () => {
    ask();
    reply(ofType('approval.request')[0]!, 'accepted');
    decide('reject', 'the customer wants it inspected');
    expect(state().outcome).toBe('rejected by sv.ines: the customer wants it inspected');
    expect(ofType('shipment.releaseHold')).toEqual([]);
  });

  it('hands back when the gateway refuses the request; a decision heard later moves nothing', () => {
    ask();
    reply(ofType('approval.request')[0]!, 'rejected', 'payload.approvalId: AP-1 was requested already');
    expect(state().outcome).toBe('The gateway refused the request for approval: payload.approvalId: AP-1 was requested already');
    expect(waits()).toEqual([]);
    decide('approve');
    expect(ofType('shipment.releaseHold')).toEqual([]);
  });

  it('settles an instance that waited for the decision alone (asked before the gate waited for the request\'s reply)', () => {
    ask();
    // As the previous version left it: the gate's state without the request's command, waiting for the decision only.
    store.db.prepare("UPDATE workflow_instances SET state = json_remove(state, '$.gate.requestCommandId')").run();
    store.db.prepare('DELETE FROM workflow_waits').run();
    const id = store.db.prepare('SELECT id FROM workflow_instances').pluck().get() as string;
    store.db.prepare("INSERT INTO workflow_waits (instance_id, kind, key, step, created_at) VALUES (?, 'event', 'approval.decided:AP-1', 'releaseDecided', 'then')").run(id);
    decide('approve');
    expect(ofType('shipment.releaseHold')).toMatchObject([{ commandId: 'AP-1.release-hold' }]);
  });
});

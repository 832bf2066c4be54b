// Monitor's write path over a real SQLite file: a malformed plant message is dead-lettered with its
// reason; replayed while its cause stands it fails again and stays open, saying why; once the message
// can be taken in, replayed it is applied once (the workflow it starts runs, its command queued once),
// resolved and audited under its correlation id; one the gateway sent again fixed is resolved without
// applying twice; a discard keeps its reason; an incident is retried from Monitor. Support's roles only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMonitorHandlers } from '../../orchestration-core/services/monitor-handlers';
import { createMonitorQueries } from '../../orchestration-core/store/monitor-queries';
import type { CoreParts } from '../helpers/core-parts';
import { useCoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';
import { monitorArgSchemas } from '../../shared/api/monitor';

describe('dead letters in Monitor', () => {
  let parts: CoreParts;
  useCoreParts((made) => (parts = made));

  const monitorAs = (role: 'operator' | 'supervisor' | 'planner') =>
    createMonitorHandlers({ repos: parts.repos, engine: parts.engine, commit: parts.commitAs(role), clock: { now: () => new Date('2026-11-02T09:00:00Z') }, ingestOf: (id) => (id === 'plant-P1' ? parts.ingest : undefined), queries: createMonitorQueries(parts.store.db), commands: { repos: parts.repos, newId: randomUUID, routeCommand: () => 'erp' } });
  const operator = { user: 'op.ines' };
  const blocksOf = (lotId: string) => parts.repos.outbox.pending('erp', 0, 1000).filter((sent) => sent.command.type === 'lot.setStatus' && (sent.command.payload as { lotId: string }).lotId === lotId);
  const audit = (action: string) => parts.repos.audit.entries().filter((entry) => entry.action === action);

  it('fails again while the cause stands, applies once when it is gone, and is audited under the flow', () => {
    const event = createEventFactory();
    const failed = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-7'));
    // Malformed as it came: no quantity.
    const { quantity: _quantity, ...withoutQuantity } = inspectionFailurePayload('L-7');
    parts.ingest.applyBatch([{ ...failed, payload: withoutQuantity }]);
    const [letter] = parts.repos.deadLetters.list();
    expect(letter).toMatchObject({ connector: 'plant-P1', stream: 'qms.P1', seq: 1, eventId: failed.id, resolution: null });
    expect(letter!.reason).toMatch(/quantity/);
    const monitor = monitorAs('operator');
    expect(monitor['monitor.deadLetters']({ open: true }).map((row) => row.id)).toEqual([letter!.id]);

    // Replayed while it is still malformed: it fails again, says why, and stays open.
    expect(monitor['monitor.replayDeadLetters']({ id: letter!.id }, operator)).toEqual({ replayed: 0, failed: [{ id: letter!.id, reason: letter!.reason }] });
    expect(parts.repos.deadLetters.get(letter!.id)!.resolution).toBeNull();
    expect(audit('dead letter replay failed')).toEqual([expect.objectContaining({ actor: 'op.ines', subject: `DL-${letter!.id}`, detail: expect.objectContaining({ reason: letter!.reason }) })]);

    // The cause fixed (the message as the plant meant it, kept as it is replayed): applied once.
    parts.store.db.prepare('UPDATE dead_letters SET raw = ? WHERE id = ?').run(JSON.stringify(failed), letter!.id);
    expect(monitor['monitor.replayDeadLetters']({ id: letter!.id }, operator)).toEqual({ replayed: 1, failed: [] });
    // The inspection-failure workflow ran: the lot is held, and its block is queued upstream once.
    expect(parts.repos.lots.get('L-7')?.stockType).toBe('quality-inspection');
    const blocks = () => blocksOf('L-7');
    expect(blocks()).toHaveLength(1);
    expect(parts.repos.inbox.outcome(failed.id)).toBe('applied');
    expect(parts.repos.deadLetters.get(letter!.id)).toMatchObject({ resolution: 'replayed', resolvedBy: 'op.ines', resolutionNote: 'applied' });
    expect(audit('dead letter replayed')).toEqual([expect.objectContaining({ actor: 'op.ines', subject: `DL-${letter!.id}`, detail: expect.objectContaining({ correlationId: failed.correlationId }) })]);
    // The replay and the workflow it started are one flow in the trail.
    const flow = parts.repos.audit.entries().filter((entry) => entry.detail['correlationId'] === failed.correlationId).map((entry) => entry.action);
    expect(flow).toContain('dead letter replayed');
    expect(flow).toContain('command lot.setStatus');
    // Monitor shows the workflow the replay started, under the lot, waiting for the quality engineer.
    const running = monitor['monitor.instances']({ show: 'running' });
    const started = running.rows.find((row) => row.correlationKey === failed.correlationId)!;
    expect(started).toMatchObject({ workflow: 'inspection-failed', status: 'running', incident: null });
    expect(started.waitsFor.some((wait) => / task \(quality-engineer\)$/.test(wait))).toBe(true);
    expect(monitor['monitor.instance']({ id: started.id }).history[0]).toMatchObject({ kind: 'started' });
    expect(monitor['monitor.outbox']({}).map((command) => command.type)).toContain('lot.setStatus');
    // Once is once: a second replay is refused, nothing applied again.
    expect(() => monitor['monitor.replayDeadLetters']({ id: letter!.id }, operator)).toThrow(/^id: dead letter \d+ was replayed by op\.ines/);
    expect(blocks()).toHaveLength(1);
    expect(monitor['monitor.deadLetters']({ open: true })).toEqual([]);
  });

  it('resolves one the gateway sent again fixed without applying it twice, and replays all of a reason', () => {
    const event = createEventFactory();
    const first = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-8'));
    const second = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-9'));
    const { quantity: _a, ...brokenFirst } = inspectionFailurePayload('L-8');
    const { quantity: _b, ...brokenSecond } = inspectionFailurePayload('L-9');
    parts.ingest.applyBatch([{ ...first, payload: brokenFirst }, { ...second, payload: brokenSecond }]);
    const letters = parts.repos.deadLetters.list();
    expect(letters).toHaveLength(2);
    expect(letters[0]!.reason).toBe(letters[1]!.reason);
    // L-8 came again under its id, fixed, and was applied (as a replay from the gateway would be).
    parts.repos.inbox.setOutcome(first.id, 'applied');
    for (const letter of letters) parts.store.db.prepare('UPDATE dead_letters SET raw = ? WHERE id = ?').run(JSON.stringify(letter.eventId === first.id ? first : second), letter.id);
    const monitor = monitorAs('supervisor');
    expect(monitor['monitor.replayDeadLetters']({ reason: letters[0]!.reason }, operator)).toEqual({ replayed: 2, failed: [] });
    expect(parts.repos.deadLetters.get(letters[0]!.id)!.resolutionNote).toBe('applied already (sent again by the gateway); nothing applied twice');
    expect(blocksOf('L-8')).toHaveLength(0);
    expect(blocksOf('L-9')).toHaveLength(1);
    expect(() => monitor['monitor.replayDeadLetters']({ reason: letters[0]!.reason }, operator)).toThrow(/^reason: no open dead letter has the reason/);
  });

  it('discards with a reason, audited; refuses a second resolution, and refuses other roles', () => {
    const event = createEventFactory();
    parts.ingest.applyBatch([{ ...event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')), payload: { lotId: 'L-1' } }]);
    const [letter] = parts.repos.deadLetters.list();
    const monitor = monitorAs('operator');
    expect(monitorArgSchemas['monitor.discardDeadLetter'].safeParse({ id: letter!.id, reason: '  ' }).success).toBe(false);
    expect(monitor['monitor.discardDeadLetter']({ id: letter!.id, reason: 'test message from the plant’s commissioning' }, operator)).toEqual({ discarded: true });
    expect(parts.repos.deadLetters.get(letter!.id)).toMatchObject({ resolution: 'discarded', resolvedBy: 'op.ines', resolutionNote: 'test message from the plant’s commissioning' });
    expect(audit('dead letter discarded')).toEqual([expect.objectContaining({ subject: `DL-${letter!.id}`, detail: expect.objectContaining({ why: 'test message from the plant’s commissioning' }) })]);
    expect(() => monitor['monitor.discardDeadLetter']({ id: letter!.id, reason: 'again' }, operator)).toThrow(/^id: dead letter \d+ was discarded by op\.ines/);
    expect(() => monitorAs('planner')['monitor.discardDeadLetter']({ id: letter!.id, reason: 'x' }, operator)).toThrow(/^role: a planner cannot discard dead letters/);
    expect(() => monitor['monitor.retryIncident']({ instanceId: 'WF-NONE' }, operator)).toThrow(/^instanceId: no workflow instance WF-NONE/);
  });
});

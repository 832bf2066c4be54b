// A store written by the previous release (one wait per instance, in workflow_instances' own columns)
// opens with this one: its waiting instances resume where they stood. The file was made with the
// release's code: three failed lots, one awaiting its usage decision, one use-as-is awaiting a
// supervisor (its request accepted), one scrap decision awaiting the gateway's reply.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../orchestration-core/store/migrations';
import type { CanonicalCommand } from '../../shared/commands';
import { createCoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';

const releaseStore = path.resolve(import.meta.dirname, '../fixtures/stores/release-0.1-waiting-instances.sqlite');

describe('a store from the previous release', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: ReturnType<typeof createCoreParts>;
  beforeEach(() => {
    temp = makeTempDir();
    const file = temp.file('core.sqlite');
    copyFileSync(releaseStore, file);
    parts = createCoreParts(file);
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const waitsOf = (lotId: string) =>
    parts.store.db.prepare("SELECT w.kind, w.step FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id WHERE i.correlation_key = ?").all(lotId);
  const statusOf = (lotId: string) => parts.store.db.prepare("SELECT status FROM workflow_instances WHERE correlation_key = ?").pluck().get(lotId);

  it('is migrated, each instance keeping what it waited for', () => {
    expect(parts.store.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    // A command queued before the outbox knew subjects is about its entity.
    const aboutEntities = parts.repos.outbox.pending('erp', 0, 100).filter((entry) => entry.entityId !== null);
    expect(aboutEntities.length).toBeGreaterThan(0);
    expect(aboutEntities.map((entry) => entry.subject)).toEqual(aboutEntities.map((entry) => entry.entityId));
    expect(waitsOf('L-1')).toEqual([{ kind: 'task', step: 'decided' }]);
    expect(waitsOf('L-2')).toEqual([{ kind: 'event', step: 'deviationDecided' }]);
    expect(waitsOf('L-3')).toEqual([{ kind: 'reply', step: 'replied' }]);
  });

  it('resumes each: a usage decision, a supervisor\'s approval (whatever its correlationId), a reply', () => {
    const taskId = parts.queries.row('L-1')!.taskId;
    parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'release', quantity: 120 }], reason: 'measured again: in tolerance' }, { user: 'qe.jonas' });
    expect(waitsOf('L-1')).toEqual([{ kind: 'reply', step: 'replied' }]);
    expect(pending().find((c) => c.type === 'lot.disposition' && c.payload.lotId === 'L-1')).toMatchObject({ issuedBy: 'qe.jonas', payload: { code: 'A1' } });

    const approvalId = parts.repos.approvals.list().find((a) => a.deviation?.lotId === 'L-2')!.id;
    const event = createEventFactory(new Date('2026-11-02T09:00:00Z'));
    parts.ingest.applyBatch([event('erp', 'approval.decided', { approvalId, decision: 'approve', decidedBy: 'sv.ines', decidedAt: '2026-11-02T09:30:00.000Z', reason: 'deviation signed' }, { correlationId: 'some-other-name' })]);
    expect(pending().find((c) => c.type === 'lot.disposition' && c.payload.lotId === 'L-2')).toMatchObject({ commandId: `${approvalId}.use-as-is`, payload: { approvedBy: 'sv.ines' } });
    expect(waitsOf('L-2')).toEqual([{ kind: 'reply', step: 'replied' }]);

    const scrap = pending().find((c) => c.type === 'lot.disposition' && c.payload.lotId === 'L-3')!;
    parts.handleReply('erp', scrap.commandId, { commandId: scrap.commandId, status: 'accepted', version: 4 });
    expect(statusOf('L-3')).toBe('completed');
    expect(waitsOf('L-3')).toEqual([]);
    expect(parts.queries.row('L-3')).toMatchObject({ taskState: 'decided' });
  });
});

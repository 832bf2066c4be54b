// The API's one write path: the role table first, the work in one durable transaction, and on failure
// nothing of it kept, pushed or left in the plan index; the push only after the commit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertsHandlers } from '../../orchestration-core/services/alerts-handlers';
import type { PlanningDataset } from '../../orchestration-core/store/planning-repo';
import type { Repos } from '../../orchestration-core/store/repos';
import { ApiFailure } from '../../shared/api/result';
import { createCoreParts, fixedClock, type CoreParts } from '../helpers/core-parts';
import { handBuilt } from '../helpers/hand-built-dataset';
import { makeTempDir } from '../helpers/temp-dir';

const { schemaVersion: _schemaVersion, seed: _seed, scale: _scale, ...planning } = handBuilt satisfies PlanningDataset & Record<string, unknown>;
const as = { user: 'pl.omar' };

describe('commit path', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'), fixedClock(`${planning.today}T08:00:00Z`), { planning });
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  const audited = () => parts.store.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'test write'`).get()!.n;
  const writeAudit = () => parts.repos.audit.append({ at: '2026-12-01T08:00:00Z', actor: as.user, action: 'test write', subject: 'S-1', detail: {} });

  it('refuses a role the table leaves out, naming the role, before any work runs', () => {
    let ran = false;
    const failure = (() => {
      try {
        parts.commitAs('quality-engineer')('impact.respond', () => (ran = true));
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ code: 'forbidden', message: 'role: a quality engineer cannot respond to exceptions' });
    expect(ran).toBe(false);
    expect(() => parts.commitAs('planner')('approvals.decide', () => {})).toThrow('approvalId: Only a supervisor can decide; you are signed in as a planner.');
  });

  it('commits the work, then pushes once, outside the transaction', () => {
    const pushes: boolean[] = [];
    const commit = parts.commitAs('planner', () => pushes.push(parts.store.db.inTransaction));
    expect(commit('impact.respond', () => (writeAudit(), 'done'))).toBe('done');
    expect(audited()).toBe(1);
    expect(pushes).toEqual([false]);
  });

  it('keeps nothing of work that throws after marking changes: no rows, nothing to push, the plan index as it was', () => {
    const plan = parts.plan()!;
    const before = plan.freeQuantity('FG-1', 'P1', 0);
    let during = before;
    let pushes = 0;
    const commit = parts.commitAs('planner', () => (pushes += 1));
    expect(() =>
      commit('impact.respond', () => {
        writeAudit();
        parts.changes.changed('exception', 'EX-1');
        parts.changes.planChanged({ kind: 'lot', lot: { lotId: 'L-9', itemId: 'FG-1', plant: 'P1', quantity: 500, stockType: 'unrestricted' } });
        during = parts.plan()!.freeQuantity('FG-1', 'P1', 0);
        throw new Error('disk I/O error');
      }),
    ).toThrow('disk I/O error');
    expect(during).toBeGreaterThan(before);
    expect(audited()).toBe(0);
    expect(pushes).toBe(0);
    expect(parts.changes.take('exception')).toEqual([]);
    expect(parts.plan()!.freeQuantity('FG-1', 'P1', 0)).toBe(before);
  });

  it('an acknowledgement that fails after marking its alert leaves the alert unacknowledged and nothing to push', () => {
    parts.repos.alerts.raiseScrapSpike({
      id: 'AL-1',
      plant: 'P1',
      itemId: 'FG-1',
      subject: 'Scrap spike on MO-FG',
      spike: { productionOrderId: 'MO-FG', yieldQuantity: 30, scrapQuantity: 20, unit: 'EA', yieldRate: 0.6, minimumYield: 0.9, notified: ['quality', 'maintenance'], replenishment: null },
      createdAt: '2026-12-01T07:00:00Z',
    });
    // The read that answers the call, after the alert was marked as changed, fails.
    let reads = 0;
    const alerts: Repos['alerts'] = {
      ...parts.repos.alerts,
      get: (id) => {
        reads += 1;
        if (reads === 2) throw new Error('disk I/O error');
        return parts.repos.alerts.get(id);
      },
    };
    let pushes = 0;
    const handlers = createAlertsHandlers({ repos: { ...parts.repos, alerts }, changes: parts.changes, clock: fixedClock(), commit: parts.commitAs('quality-engineer', () => (pushes += 1)) });
    expect(() => handlers['alerts.acknowledge']({ alertId: 'AL-1' }, as)).toThrow('disk I/O error');
    expect(parts.repos.alerts.get('AL-1')?.acknowledgedBy).toBeNull();
    expect(parts.changes.take('alert')).toEqual([]);
    expect(pushes).toBe(0);
  });
});

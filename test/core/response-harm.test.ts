// A response that leaves things worse than doing nothing is marked so, and applied only when the
// planner confirms it; an applied response that leaves orders late answers the exception, not resolves it.
import { describe, expect, it } from 'vitest';
import { markWorseThanDoingNothing, withoutNoOpSupply } from '../../orchestration-core/model/response-harm';
import { createImpactHandlers } from '../../orchestration-core/services/impact-handlers';
import type { ExceptionResponse } from '../../shared/api/impact';
import { useCoreParts, type CoreParts } from '../helpers/core-parts';

const effect = (ordersHit: number, revenueAtRisk: number, unfulfilled = 0) => ({ ordersHit, revenueAtRisk, worstDaysLate: ordersHit > 0 ? 5 : null, unfulfilled });
const response = (id: ExceptionResponse['id'], projected: ReturnType<typeof effect>, commandCount = 1) => ({ id, label: id, description: id, needsApproval: false, projected, commandCount });

describe('responses worse than doing nothing', () => {
  it('marks a response that hits more orders, risks more revenue or leaves more unfulfilled than accepting', () => {
    const marked = markWorseThanDoingNothing([
      response('expedite', effect(0, 0)),
      response('transfer', effect(50, 90_000)),
      response('substitute', effect(10, 150_000)),
      response('reschedule', effect(15, 100_000, 2)),
      response('alternate-supplier', effect(15, 100_000)),
      response('accept-delay', effect(15, 100_000), 0),
    ]);
    expect(Object.fromEntries(marked.map((r) => [r.id, r.worseThanDoingNothing]))).toEqual({
      expedite: false,
      transfer: true,
      substitute: true,
      reschedule: true,
      'alternate-supplier': false,
      'accept-delay': false,
    });
    // Without accepting to compare with, nothing is marked.
    expect(markWorseThanDoingNothing([response('transfer', effect(50, 1))]).map((r) => r.worseThanDoingNothing)).toEqual([false]);
  });

  it('does not offer a transfer or another supplier that changes nothing; a reschedule that changes nothing stays', () => {
    const kept = withoutNoOpSupply([
      response('expedite', effect(0, 0)),
      response('transfer', effect(15, 100_000)),
      response('alternate-supplier', effect(15, 100_000.4)),
      response('reschedule', effect(15, 100_000)),
      response('accept-delay', effect(15, 100_000), 0),
    ]);
    expect(kept.map((r) => r.id)).toEqual(['expedite', 'reschedule', 'accept-delay']);
    // A transfer that helps, even a little, is offered.
    expect(withoutNoOpSupply([response('transfer', effect(14, 100_000)), response('accept-delay', effect(15, 100_000), 0)]).map((r) => r.id)).toEqual(['transfer', 'accept-delay']);
  });

  describe('applying one', () => {
    let parts: CoreParts;
    useCoreParts((fresh) => (parts = fresh));

    /** An exception with a worse transfer, waiting for a planner. */
    function openException() {
      const instanceId = 'i-1';
      const taskId = 't-1';
      parts.store.db.prepare("INSERT INTO workflow_instances (id, workflow, version, correlation_key, status, step, state, created_at, updated_at) VALUES (?, 'lot-blocked', 2, 'IL-1', 'running', NULL, '{}', 'now', 'now')").run(instanceId);
      parts.store.db.prepare("INSERT INTO workflow_waits (instance_id, kind, key, step, created_at) VALUES (?, 'task', ?, 'responded', 'now')").run(instanceId, taskId);
      parts.repos.tasks.open({ id: taskId, instanceId, kind: 'respond-to-exception', role: 'planner', subject: 's', requestedBy: null, dueAt: null, createdAt: 'now' });
      const responses = markWorseThanDoingNothing([response('accept-delay', effect(15, 100_000), 0)]);
      parts.repos.exceptions.insert({
        id: 'EX-1',
        type: 'lot-block',
        itemId: 'RM-1',
        plant: 'P1',
        sourceDocument: 'L-1 (IL-1)',
        detectedAt: '2026-11-02T08:00:00.000Z',
        status: 'open',
        detail: { lotId: 'L-1', inspectionLotId: 'IL-1', quantity: 10, unit: 'EA', supplierId: null, defectCode: 'X', defectText: 'x' },
        impact: { productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 },
        responses: [...responses, { ...response('transfer', effect(50, 90_000)), worseThanDoingNothing: true }],
        instanceId,
        taskId,
      });
      return createImpactHandlers({ repos: parts.repos, engine: parts.engine, commit: parts.commitAs('planner') });
    }

    it('refuses a worse response until the planner confirms it, naming both figures', () => {
      const handlers = openException();
      expect(() => handlers['impact.respond']({ exceptionId: 'EX-1', responseId: 'transfer' }, { user: 'pl.omar' })).toThrow(/^confirmedWorse: "transfer" leaves things worse than doing nothing \(50 orders hit instead of 15\); confirm to apply it anyway$/);
      expect(parts.repos.tasks.get('t-1')?.status).toBe('open');
    });
  });
});

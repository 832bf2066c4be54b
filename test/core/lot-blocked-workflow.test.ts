// A failed lot the plan counted on: the block is an Order Impact exception with the orders that now
// come later, against the plan where the lot had passed; a planner acknowledges it. A failed lot the
// plan did not need records nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImpactHandlers } from '../../orchestration-core/services/impact-handlers';
import type { PlanningDataset } from '../../orchestration-core/store/planning-repo';
import { createCoreParts, type CoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';
import { handBuilt } from '../helpers/hand-built-dataset';
import { makeTempDir } from '../helpers/temp-dir';

// The hand-built plan without its PO line: only a lot of RAW-1 can feed MO-SA (100 on 12-04), whose
// pistons MO-FG turns into CO-1's cylinders (ships 12-10, worth 25,000).
const { schemaVersion: _schemaVersion, seed: _seed, scale: _scale, ...handBuiltPlan } = handBuilt;
const planning: PlanningDataset = { ...handBuiltPlan, poLines: [] };

describe('lot-blocked workflow', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  let event: ReturnType<typeof createEventFactory>;
  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'), undefined, { planning });
    event = createEventFactory();
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  /** The ERP's statement of a usage decision on the lot: its stock after it, then who decided what. */
  const decided = (lotId: string, inspectionLotId: string, postings: { decision: 'release' | 'scrap'; quantity: number }[]) => {
    const released = postings.find((p) => p.decision === 'release')?.quantity ?? 0;
    const stockType = released > 0 ? ('unrestricted' as const) : ('blocked' as const);
    return [
      event('erp', 'lot.statusChanged', { lotId, lotVersion: 4, itemId: 'RAW-1', plant: 'P1', quantity: released, unit: 'M', stockType, changedBy: 'qe.anna', reason: 'usage decision' }),
      event('erp', 'usageDecision.made', {
        lotId,
        lotVersion: 4,
        inspectionLotId,
        commandId: `ud-${lotId}`,
        decidedBy: 'qe.anna',
        decidedAt: '2026-11-02T09:00:00.000Z',
        valuation: released === 100 ? ('accept' as const) : ('reject' as const),
        code: released === 100 ? 'A1' : 'R9',
        postings,
        reason: 'measured',
        unit: 'M',
        parts: [{ lotId, decision: 'release' as const, stockType, quantity: released }],
      }),
    ];
  };

  it('records the orders that counted on the lot, and the planner acknowledges the shortfall', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { itemId: 'RAW-1', quantity: 100, unit: 'M', inspectionLotId: 'IL-9', supplierId: 'S-1' }))]);
    const [row] = parts.repos.exceptions.list();
    expect(row).toMatchObject({ id: 'EX-IL-9', type: 'lot-block', itemId: 'RAW-1', plant: 'P1', sourceDocument: 'L-1 (IL-9)', status: 'open', revenueAtRisk: 25_000 });
    const stored = parts.repos.exceptions.get('EX-IL-9')!;
    expect(stored.impact.productionOrders.map((o) => o.id)).toEqual(['MO-FG', 'MO-SA']);
    expect(stored.impact.customerOrders.map((o) => [o.id, o.unfulfilled])).toEqual([['CO-1', true]]);
    expect(stored.detail).toEqual({ lotId: 'L-1', inspectionLotId: 'IL-9', quantity: 100, unit: 'M', supplierId: 'S-1', defectCode: 'DIM-OOT', defectText: 'Bore diameter out of tolerance' });
    expect(stored.responses.map((r) => r.id)).toEqual(['accept-delay']);

    expect(() => parts.engine.onTaskCompleted(row!.taskId!, { exceptionId: 'EX-IL-9', responseId: 'transfer' }, 'pl.omar')).toThrow(/offers only accept-delay/);
    parts.store.transaction(() => parts.engine.onTaskCompleted(row!.taskId!, { exceptionId: 'EX-IL-9', responseId: 'accept-delay', note: 'replacement ordered' }, 'pl.omar'));
    // The answer goes to the gateway, for every workstation, and stands.
    expect(parts.repos.outbox.get(parts.repos.exceptions.get('EX-IL-9')!.answerCommandId!)?.command).toMatchObject({
      type: 'exception.answer',
      issuedBy: 'pl.omar',
      payload: { exceptionId: 'EX-IL-9', responseId: 'accept-delay', responseLabel: 'Accept the shortfall', note: 'replacement ordered', remaining: { ordersHit: 3, revenueAtRisk: 25_000 } },
    });
    parts.answerReplied('EX-IL-9');
    // Acknowledged, but the orders are still late: answered, not resolved, with what remains and the note.
    expect(parts.repos.exceptions.get('EX-IL-9')).toMatchObject({
      row: { status: 'answered', remaining: { ordersHit: 3, revenueAtRisk: 25_000 } },
      chosenResponse: 'accept-delay',
      choice: { responseId: 'accept-delay', by: 'pl.omar', note: 'replacement ordered' },
    });
    // The quality engineer's task is untouched by the planner's.
    expect(parts.queries.row('L-1')).toMatchObject({ taskState: 'awaiting-decision' });

    // The ERP posts the usage decision: the whole lot is released, nothing is left late, the exception is resolved.
    parts.ingest.applyBatch(decided('L-1', 'IL-9', [{ decision: 'release', quantity: 100 }]));
    expect(parts.repos.exceptions.get('EX-IL-9')).toMatchObject({ row: { status: 'resolved', ordersHit: 0, remaining: { ordersHit: 0 } } });
  });

  it('a usage decision before the planner answered weighs the exception again: what is released is no longer late', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { itemId: 'RAW-1', quantity: 100, unit: 'M', inspectionLotId: 'IL-9', supplierId: 'S-1' }))]);
    const taskId = parts.repos.exceptions.get('EX-IL-9')!.row.taskId!;
    // Half scrapped: the orders still lack material, the exception stays open for the planner.
    parts.ingest.applyBatch(decided('L-1', 'IL-9', [{ decision: 'release', quantity: 50 }, { decision: 'scrap', quantity: 50 }]));
    expect(parts.repos.exceptions.get('EX-IL-9')).toMatchObject({ row: { status: 'open', ordersHit: 3 } });
    expect(parts.repos.tasks.get(taskId)?.status).toBe('open');
    // Accepting the shortfall now leaves what the decision left, not what the whole lot's block did.
    const accept = parts.repos.exceptions.get('EX-IL-9')!.responses.find((r) => r.id === 'accept-delay')!;
    expect(accept.projected).toMatchObject({ ordersHit: 3 });
    expect(accept.description).toBe("Let the orders still short after qe.anna's usage decision (R9) slip until stock is replenished.");
    // The planner reads the decision with the block's facts, not "awaiting the quality engineer".
    const impact = createImpactHandlers({ repos: parts.repos, engine: parts.engine, commit: parts.commitAs('planner') });
    expect(impact['impact.exception']({ id: 'EX-IL-9' }, { user: 'pl.omar' }).detail).toMatchObject({
      lotId: 'L-1',
      usageDecision: { code: 'R9', decidedBy: 'qe.anna', decidedAt: '2026-11-02T09:00:00.000Z', postings: [{ decision: 'release', quantity: 50 }, { decision: 'scrap', quantity: 50 }] },
    });
  });

  it('a usage decision releasing the whole lot before the planner answered resolves the exception and closes the task', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { itemId: 'RAW-1', quantity: 100, unit: 'M', inspectionLotId: 'IL-9', supplierId: 'S-1' }))]);
    const taskId = parts.repos.exceptions.get('EX-IL-9')!.row.taskId!;
    parts.ingest.applyBatch(decided('L-1', 'IL-9', [{ decision: 'release', quantity: 100 }]));
    expect(parts.repos.exceptions.get('EX-IL-9')).toMatchObject({ row: { status: 'resolved', ordersHit: 0 } });
    expect(parts.repos.tasks.get(taskId)?.status).toBe('cancelled');
  });

  it('a lot the plan did not need records no exception', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-2', { itemId: 'SA-1', quantity: 5, unit: 'EA' }))]);
    // MO-SA makes the pistons MO-FG needs; five more on hand change no order's date.
    expect(parts.repos.exceptions.list()).toEqual([]);
  });
});

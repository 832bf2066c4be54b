// Containment three levels deep: a failed lot consumed by an order whose lot went into another order,
// and so on; the report names each order and lot with where it is now, and one decision blocks them.
// Partial decisions move each part's stock in the cache once the gateway accepts them.
import { describe, expect, it } from 'vitest';
import type { CanonicalCommand } from '../../shared/commands';
import { useCoreParts, type CoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';

const qe = { user: 'qe.anna' };

describe('containment and partial usage decisions', () => {
  let parts: CoreParts;
  let event: ReturnType<typeof createEventFactory>;
  useCoreParts((made) => {
    parts = made;
    event = createEventFactory();
  });
  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const accept = (command: CanonicalCommand, version: number) => parts.handleReply('erp', command.commandId, { commandId: command.commandId, status: 'accepted', version });
  const row = () => parts.queries.row('L-1')!;

  /** L-1 (failed, 120 EA) -> PO-A -> L-2 -> PO-B -> L-3 -> PO-C -> L-4 (reported by the plant only). */
  function genealogyThreeDeep(): void {
    parts.ingest.applyBatch([
      event('erp', 'goods.received', { lotId: 'L-1', lotVersion: 1, itemId: 'I-100', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'quality-inspection', supplierId: 'S-100', inspectionLotId: 'IL-L-1' }),
      event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 2 })),
      event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 3, productionOrderId: 'PO-A', quantity: 30 }),
      event('erp', 'goods.received', { lotId: 'L-2', lotVersion: 1, itemId: 'SA-1', plant: 'P1', quantity: 15, unit: 'EA', stockType: 'unrestricted', productionOrderId: 'PO-A' }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-B', plant: 'P1', itemId: 'FG-1', consumed: [{ lotId: 'L-2', itemId: 'SA-1', quantity: 10, unit: 'EA' }], produced: [{ lotId: 'L-3', itemId: 'FG-1', quantity: 5, unit: 'EA' }] }),
      event('erp', 'goods.received', { lotId: 'L-3', lotVersion: 1, itemId: 'FG-1', plant: 'P2', quantity: 5, unit: 'EA', stockType: 'in-transit', productionOrderId: 'PO-B' }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-C', consumed: [{ lotId: 'L-3', quantity: 2 }], produced: [{ lotId: 'L-4', itemId: 'KIT-1', quantity: 2, unit: 'EA' }] }),
    ]);
  }

  it('follows the genealogy three levels down, with each lot where it is now', () => {
    genealogyThreeDeep();
    expect(row()).toMatchObject({ consumedQuantity: 30, quantity: 90 });
    const report = parts.quarantine['quarantine.containment']({ lotId: 'L-1' });
    expect(report.consumedBy).toEqual([{ productionOrderId: 'PO-A', quantity: 30, unit: 'EA' }]);
    expect(report.lots.map((l) => [l.depth, l.parentLotId, l.productionOrderId, l.lotId, l.plant, l.stockType, l.quantity])).toEqual([
      [1, 'L-1', 'PO-A', 'L-2', 'P1', 'unrestricted', 15],
      [2, 'L-2', 'PO-B', 'L-3', 'P2', 'in-transit', 5],
      [3, 'L-3', 'PO-C', 'L-4', null, null, null],
    ]);
    expect(report.lots[2]).toMatchObject({ itemId: 'KIT-1', unit: 'EA' });
  });

  it('a goods issue and the completion that repeats it count the consumption once; a loop in bad data ends', () => {
    genealogyThreeDeep();
    parts.ingest.applyBatch([
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-A', consumed: [{ lotId: 'L-1', quantity: 30, unit: 'EA' }], produced: [{ lotId: 'L-2', quantity: 15 }] }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-X', consumed: [{ lotId: 'L-4', quantity: 1 }], produced: [{ lotId: 'L-2', quantity: 1 }] }),
    ]);
    expect(parts.repos.genealogy.consumedQuantity('L-1')).toBe(30);
    const lots = parts.quarantine['quarantine.containment']({ lotId: 'L-1' }).lots.map((l) => l.lotId);
    expect(lots.slice(0, 3)).toEqual(['L-2', 'L-3', 'L-4']);
    expect(lots.length).toBeLessThan(10);
  });

  it('lists a lot reached along two routes once (a diamond), and counts a consumption once whichever stream tells first', () => {
    parts.ingest.applyBatch([
      event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 2, quantity: 120 })),
      // The plant's completion arrives before the ERP's goods issue for PO-B: 20 either way, not 40.
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-A', consumed: [{ lotId: 'L-1', quantity: 10 }], produced: [{ lotId: 'L-B', quantity: 10 }] }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-B', consumed: [{ lotId: 'L-1', quantity: 20 }], produced: [{ lotId: 'L-C', quantity: 20 }] }),
      event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 3, productionOrderId: 'PO-B', quantity: 20 }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-D', consumed: [{ lotId: 'L-B', quantity: 10 }, { lotId: 'L-C', quantity: 20 }], produced: [{ lotId: 'L-D', quantity: 30 }] }),
      event('mes.P1', 'production.completed', { productionOrderId: 'PO-E', consumed: [{ lotId: 'L-D', quantity: 30 }], produced: [{ lotId: 'L-E', quantity: 30 }] }),
    ]);
    expect(parts.repos.genealogy.consumedQuantity('L-1')).toBe(30);
    const lots = parts.quarantine['quarantine.containment']({ lotId: 'L-1' }).lots;
    expect(lots.map((l) => [l.lotId, l.depth])).toEqual([['L-B', 1], ['L-D', 2], ['L-E', 3], ['L-C', 1]]);
  });

  it('blocks the lots made from it in the same decision, each once, and refuses a lot not made from it', () => {
    genealogyThreeDeep();
    const { taskId } = row();
    expect(() =>
      parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'scrap', quantity: 90 }], reason: 'porosity', containmentLotIds: ['L-2', 'L-9'] }, qe),
    ).toThrow('containmentLotIds: lot L-9 was not made from lot L-1');
    const before = pending().length;
    const result = parts.quarantine['quarantine.disposition']({ taskId, postings: [{ decision: 'scrap', quantity: 90 }], reason: 'porosity', containmentLotIds: ['L-2', 'L-3', 'L-4'] }, qe);
    const blocks = pending().slice(before + 1);
    expect(blocks.map((c) => [c.type, c.commandId, (c.payload as { lotId: string }).lotId, (c.payload as { stockType: string }).stockType])).toEqual(
      ['L-2', 'L-3', 'L-4'].map((lotId, i) => ['lot.setStatus', result.containmentCommandIds[i], lotId, 'blocked']),
    );
    expect(row().containmentLotIds).toEqual(['L-2', 'L-3', 'L-4']);
    expect(parts.repos.audit.entries().find((e) => e.action === 'usage decision')?.detail).toMatchObject({ containment: ['L-2', 'L-3', 'L-4'] });
  });

  it('an accepted partial decision moves each part: release stays in the lot, use-as-is and rework become restricted and blocked sub-lots, scrap leaves', () => {
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 2, quantity: 120 }))]);
    const [block] = pending();
    accept(block!, 3);
    const postings = [
      { decision: 'release' as const, quantity: 50 },
      { decision: 'use-as-is' as const, quantity: 30 },
      { decision: 'rework' as const, quantity: 25 },
      { decision: 'scrap' as const, quantity: 15 },
    ];
    const { commandId } = parts.quarantine['quarantine.disposition']({ taskId: row().taskId, postings, reason: 'sorted 100%', deviationNumber: 'DEV-12' }, qe);
    // Use-as-is waits for a supervisor: the request goes first, the decision once approved.
    const request = pending().find((c) => c.commandId === commandId)!;
    expect(request).toMatchObject({ type: 'approval.request', payload: { kind: 'use-as-is', deviation: { lotId: 'L-1', quantity: 30, deviationNumber: 'DEV-12' } } });
    expect(row().taskState).toBe('awaiting-approval');
    const approvalId = (request.payload as { approvalId: string }).approvalId;
    accept(request, 0);
    expect(pending().some((c) => c.type === 'lot.disposition')).toBe(false);
    parts.ingest.applyBatch([
      event('erp', 'approval.decided', { approvalId, decision: 'approve', decidedBy: 'sv.ines', decidedAt: '2026-11-02T09:00:00.000Z', reason: 'deviation signed' }, { correlationId: approvalId }),
    ]);
    const decision = pending().find((c) => c.type === 'lot.disposition')!;
    expect(decision).toMatchObject({ issuedBy: 'qe.anna', basedOn: { version: 3 }, payload: { valuation: 'reject', code: 'R9', postings, deviationNumber: 'DEV-12', approvalId, approvedBy: 'sv.ines' } });
    expect(parts.repos.lots.get('L-1')).toMatchObject({ stockType: 'blocked', quantity: 120 });
    accept(decision, 4);
    const stock = (lotId: string) => {
      const lot = parts.repos.lots.get(lotId);
      return lot && [lot.stockType, lot.quantity, lot.itemId, lot.plant];
    };
    expect([stock('L-1'), stock('L-1-3.1'), stock('L-1-3.2'), stock('L-1-3.3')]).toEqual([
      ['unrestricted', 50, 'I-100', 'P1'],
      ['restricted', 30, 'I-100', 'P1'],
      ['blocked', 25, 'I-100', 'P1'],
      undefined,
    ]);
    // The row shows the lot as the ERP has it now, and each sub-lot the decision split off.
    expect(row()).toMatchObject({ taskState: 'decided', quantity: 50, stockType: 'unrestricted', postings, inspectionLotStatus: 'usage-decision-made', decidedHere: true });
    expect(row().parts).toEqual([
      { lotId: 'L-1', decision: 'release', quantity: 50, stockType: 'unrestricted' },
      { lotId: 'L-1-3.1', decision: 'use-as-is', quantity: 30, stockType: 'restricted' },
      { lotId: 'L-1-3.2', decision: 'rework', quantity: 25, stockType: 'blocked' },
    ]);
  });

  describe('a use-as-is request', () => {
    const useAsIs = () => {
      parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 2, quantity: 120 }))]);
      const postings = [{ decision: 'use-as-is' as const, quantity: 100 }, { decision: 'scrap' as const, quantity: 20 }];
      const { commandId } = parts.quarantine['quarantine.disposition']({ taskId: row().taskId, postings, reason: 'fits the mating part', deviationNumber: 'DEV-3' }, qe);
      const request = pending().find((c) => c.commandId === commandId)!;
      if (request.type !== 'approval.request' || request.payload.kind !== 'use-as-is') throw new Error('expected a use-as-is request');
      return { request, approvalId: request.payload.approvalId, subject: request.payload.subject, deviation: request.payload.deviation };
    };

    it('the gateway refused: the lot is the engineer\'s again, with the reason', () => {
      const { request } = useAsIs();
      parts.handleReply('erp', request.commandId, { commandId: request.commandId, status: 'rejected', reason: 'payload.approvalId: AP-x was requested already' });
      expect(row()).toMatchObject({ taskState: 'conflict', conflict: { reason: 'The gateway refused the request for approval: payload.approvalId: AP-x was requested already' } });
      expect(() => parts.quarantine['quarantine.disposition']({ taskId: row().taskId, postings: [{ decision: 'scrap', quantity: 120 }], reason: 'scrap it then' }, qe)).not.toThrow();
    });

    it('decided before its reply came back (a lost reply, resent): the decision goes upstream on the reply', () => {
      const { request, approvalId, subject, deviation } = useAsIs();
      parts.ingest.applyBatch([
        event('erp', 'approval.requested', { approvalId, kind: 'use-as-is', subject, requestedBy: 'qe.anna', requestedAt: '2026-11-02T08:00:00.000Z', deviation }, { correlationId: approvalId }),
        event('erp', 'approval.decided', { approvalId, decision: 'approve', decidedBy: 'sv.ines', decidedAt: '2026-11-02T09:00:00.000Z', reason: 'signed' }, { correlationId: approvalId }),
      ]);
      expect(pending().some((c) => c.type === 'lot.disposition')).toBe(false);
      parts.handleReply('erp', request.commandId, { commandId: request.commandId, status: 'duplicate' });
      expect(pending().find((c) => c.type === 'lot.disposition')).toMatchObject({ commandId: `${approvalId}.use-as-is`, payload: { approvalId, approvedBy: 'sv.ines' } });
      expect(row().taskState).toBe('pending-upstream');
    });
  });

  it('looks up a scanned lot id: on hold, known elsewhere, or unknown', () => {
    genealogyThreeDeep();
    expect(parts.quarantine['quarantine.lookup']({ lotId: 'L-1' })).toMatchObject({ onHold: true, lot: { quantity: 90, unit: 'EA' } });
    expect(parts.quarantine['quarantine.lookup']({ lotId: 'L-3' })).toMatchObject({ onHold: false, lot: { plant: 'P2', stockType: 'in-transit' } });
    expect(parts.quarantine['quarantine.lookup']({ lotId: 'L-404' })).toEqual({ lotId: 'L-404', onHold: false, lot: null, decision: null });
  });
});

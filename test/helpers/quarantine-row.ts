// A Quarantine row as the core returns it, for tests of the hosts and the renderer.
import type { QuarantineRow } from '../../shared/api/quarantine';

export function quarantineRow(lotId: string, overrides: Partial<QuarantineRow> = {}): QuarantineRow {
  return {
    lotId,
    itemId: 'M-1008',
    itemDescription: 'Washer DIN 125',
    plant: 'P1',
    quantity: 100,
    unit: 'EA',
    stockType: 'blocked',
    supplierId: 'S-110',
    inspectionLotId: `IL-${lotId}`,
    inspectionLotStatus: 'results-recorded',
    defectCode: 'SURF-PORO',
    defectText: 'Surface porosity',
    holdSince: '2026-11-20T08:00:00.000Z',
    taskId: `t-${lotId}`,
    taskState: 'awaiting-decision',
    postings: null,
    valuation: null,
    decisionCode: null,
    decisionReason: null,
    deviationNumber: null,
    decidedBy: null,
    decidedAt: null,
    decidedHere: false,
    parts: [],
    overtaken: null,
    approvalId: null,
    containmentLotIds: [],
    containedBy: null,
    consumedQuantity: 0,
    conflict: null,
    lotVersion: 1,
    ...overrides,
  };
}

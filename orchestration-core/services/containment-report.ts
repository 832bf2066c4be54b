// Containment for a lot: the production orders that consumed it and every lot made from it, at any
// depth, with where each is now.
import type { ContainmentReport } from '../../shared/api/quarantine';
import type { Lot } from '../model/lot';
import type { Repos } from '../store/repos';

export function containmentReport(lot: Lot, repos: Repos): ContainmentReport {
  return {
    lotId: lot.lotId,
    unit: lot.unit,
    consumedBy: repos.genealogy.consumersOf(lot.lotId).map((input) => ({ productionOrderId: input.productionOrderId, quantity: input.quantity, unit: input.unit ?? lot.unit })),
    lots: repos.genealogy.descendantsOf(lot.lotId).map((step) => ({
      lotId: step.lotId,
      depth: step.depth,
      parentLotId: step.parentLotId,
      productionOrderId: step.productionOrderId,
      itemId: step.itemId ?? '(unknown item)',
      itemDescription: step.itemDescription ?? step.itemId ?? '(unknown item)',
      plant: step.plant,
      quantity: step.quantity,
      unit: step.unit,
      stockType: step.stockType,
    })),
  };
}

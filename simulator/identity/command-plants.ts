// Where a command acts, as the gateway knows it: the plant of the lot, PO line or production order it
// names, the plants of a stock transport order, the plant of what an approval asks for. A person's
// role must hold at one of them (a quality engineer at P1 decides P1's lots, not P2's). A command
// whose plant the gateway cannot tell (an unknown lot, an exception weighed on the workstations) is
// judged by the roles at any plant; naming something unknown is refused later on its own.
import type { CanonicalCommand, CommandPayload } from '../../shared/commands';

export interface PlantLookups {
  lotPlant(lotId: string): string | undefined;
  poLinePlant(poLineId: string): string | undefined;
  productionOrderPlant(productionOrderId: string): string | undefined;
  /** What the approval asked for, as it was requested. */
  approvalRequest(approvalId: string): CommandPayload<'approval.request'> | undefined;
}

const known = (...plants: (string | undefined)[]): string[] | null => {
  const found = plants.filter((plant): plant is string => plant !== undefined);
  return found.length > 0 ? [...new Set(found)] : null;
};

function requestPlants(request: CommandPayload<'approval.request'>, lookups: PlantLookups): string[] | null {
  switch (request.kind) {
    case 'use-as-is':
      return known(request.deviation.plant, lookups.lotPlant(request.deviation.lotId));
    case 'substitution':
      return known(request.substitution.plant);
    case 'transfer':
      return known(request.transfer.fromPlant, request.transfer.toPlant);
    case 'adjustment':
      return known(request.adjustment.plant);
  }
}

/** The plants the command acts at; null when the gateway cannot tell. */
export function plantsOf(command: CanonicalCommand, lookups: PlantLookups): string[] | null {
  switch (command.type) {
    case 'lot.setStatus':
    case 'lot.disposition':
      return known(lookups.lotPlant(command.payload.lotId));
    case 'wms.moveTask':
    case 'notification.create':
    case 'shipment.releaseHold':
    case 'po.create':
    case 'substitution.apply':
    case 'plant.mapUnit':
      return known(command.payload.plant);
    case 'supplierCase.open':
      return known(lookups.lotPlant(command.payload.lotId));
    case 'po.expedite':
    case 'po.updateReceiptDate':
      return known(lookups.poLinePlant(command.payload.poLineId));
    case 'approval.request':
      return requestPlants(command.payload, lookups);
    case 'approval.decide': {
      const request = lookups.approvalRequest(command.payload.approvalId);
      return request ? requestPlants(request, lookups) : null;
    }
    case 'transfer.request':
      return known(command.payload.fromPlant, command.payload.toPlant);
    case 'production.reschedule':
    case 'production.reroute':
      return known(lookups.productionOrderPlant(command.payload.productionOrderId));
    case 'exception.answer':
      return null;
    case 'escalation.raise':
    case 'wms.pickPause':
    case 'wms.pickRelease':
    case 'wms.recount':
    case 'inventory.adjust':
      return known(command.payload.plant);
  }
}

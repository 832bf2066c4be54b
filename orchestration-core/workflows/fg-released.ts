// Finished goods were released: the stock is unrestricted (the lot projection has made it available
// to the plan), and deliveries waiting for the lot may ship. No one needs to decide anything.
import { commandIdFor } from '../engine/derived-ids';
import { defineWorkflow } from '../engine/workflow';

export const fgReleased = defineWorkflow<Record<string, never>, 'fg.released'>({
  name: 'fg-released',
  version: 1,
  trigger: 'fg.released',
  correlationKey: (event) => event.payload.lotId,

  start(event, ctx) {
    const { lotId, itemId, plant, quantity, unit, productionOrderId } = event.payload;
    ctx.emit(
      'shipment.releaseHold',
      { lotId, itemId, plant, quantity, unit, reason: `Finished goods released${productionOrderId ? ` from ${productionOrderId}` : ''}` },
      { issuedBy: 'system', entityId: lotId, commandId: commandIdFor(event.id, 'release-shipments') },
    );
    ctx.audit('system', 'finished goods released', lotId, { quantity, unit, productionOrderId: productionOrderId ?? null });
    return { state: {}, end: 'completed' };
  },

  steps: {},
});

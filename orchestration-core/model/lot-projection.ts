// Applies upstream facts about lots to the local cache. A full-state fact older than what the cache
// holds (a lower lot version) changes nothing, so replays and snapshots can overlap safely; the
// version only ever rises. Every lot written here is also a change to the plan (its unrestricted
// stock is supply).
import type { CanonicalCommand } from '../../shared/commands';
import { stockAfterDisposition } from '../../shared/domain';
import type { CanonicalEvent } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Lot } from '../store/lots-repo';
import type { Repos } from '../store/repos';

function planLot(lot: Lot, changes: ChangeTracker): void {
  changes.planChanged({ kind: 'lot', lot: { lotId: lot.lotId, itemId: lot.itemId, plant: lot.plant, quantity: lot.quantity, stockType: lot.stockType } });
}

export function projectEvent(event: CanonicalEvent, repos: Repos, changes: ChangeTracker, at: string): void {
  const lots = repos.lots;
  switch (event.type) {
    case 'goods.received':
    case 'inspection.failed': {
      const p = event.payload;
      const stockType = event.type === 'goods.received' ? event.payload.stockType : 'quality-inspection';
      const lot: Lot = { lotId: p.lotId, itemId: p.itemId, plant: p.plant, quantity: p.quantity, unit: p.unit, stockType, supplierId: p.supplierId ?? null, version: p.lotVersion };
      if (lots.upsert(lot, at)) planLot(lot, changes);
      break;
    }
    case 'inspection.passed': {
      const lot = lots.get(event.payload.lotId);
      if (lot && event.payload.lotVersion > lot.version) {
        lots.setStock(lot.lotId, 'unrestricted', lot.quantity, event.payload.lotVersion, at);
        planLot({ ...lot, stockType: 'unrestricted' }, changes);
      }
      break;
    }
    case 'lot.consumed': {
      // A delta, applied exactly once (the inbox sees to that) even when an accepted command of ours
      // already moved the version past it: the quantity must still go down.
      const lot = lots.get(event.payload.lotId);
      if (lot) {
        const quantity = Math.max(0, lot.quantity - event.payload.quantity);
        lots.setStock(lot.lotId, lot.stockType, quantity, event.payload.lotVersion, at);
        planLot({ ...lot, quantity }, changes);
      }
      break;
    }
  }
  if ('lotId' in event.payload && lots.hasHold(event.payload.lotId)) changes.lotChanged(event.payload.lotId);
}

/** The gateway accepted one of our commands: the cache takes its effect and the upstream version it now has. */
export function projectAcceptedCommand(command: CanonicalCommand, version: number | undefined, repos: Repos, changes: ChangeTracker, at: string): void {
  if (command.type !== 'lot.setStatus' && command.type !== 'lot.disposition') return;
  const lot = repos.lots.get(command.payload.lotId);
  if (!lot) return;
  const nextVersion = version ?? lot.version;
  switch (command.type) {
    case 'lot.setStatus':
      repos.lots.setStock(lot.lotId, command.payload.stockType, lot.quantity, nextVersion, at);
      planLot({ ...lot, stockType: command.payload.stockType }, changes);
      break;
    case 'lot.disposition': {
      const after = stockAfterDisposition(command.payload.decision);
      const quantity = after.keepsQuantity ? lot.quantity : 0;
      repos.lots.setStock(lot.lotId, after.stockType, quantity, nextVersion, at);
      planLot({ ...lot, stockType: after.stockType, quantity }, changes);
      break;
    }
  }
  if (repos.lots.hasHold(lot.lotId)) changes.lotChanged(lot.lotId);
}

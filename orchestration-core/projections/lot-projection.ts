// Applies upstream facts about lots to the local cache. A full-state fact older than what the cache
// holds (a lower lot version) changes nothing, so replays and snapshots can overlap safely; the
// version only ever rises. Every lot written here is also a change to the plan (its unrestricted
// stock is supply). Consumption and production also build the genealogy containment follows.
import type { CanonicalCommand } from '../../shared/commands';
import type { CanonicalEvent } from '../../shared/events';
import { splitLot } from '../../shared/usage-decision';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Lot } from '../model/lot';
import type { Repos } from '../store/repos';
import { describeLotEvent } from '../model/lot-change-summary';

function planLot(lot: Lot, changes: ChangeTracker): void {
  changes.planChanged({ kind: 'lot', lot: { lotId: lot.lotId, itemId: lot.itemId, plant: lot.plant, quantity: lot.quantity, stockType: lot.stockType } });
}

function planWritten(written: Lot | null, changes: ChangeTracker): void {
  if (written) planLot(written, changes);
}

/** A held lot changed upstream: kept for the Quarantine view (conflicts show it) and pushed to it. */
function heldLotChanged(lotId: string, event: CanonicalEvent, repos: Repos, changes: ChangeTracker, at: string): void {
  if (!repos.lots.hasHold(lotId)) return;
  const lot = repos.lots.get(lotId);
  // The version the event itself states, when it states one: heard late, it may be one the decision already saw.
  const version = 'lotVersion' in event.payload ? event.payload.lotVersion : (lot?.version ?? 0);
  repos.lotHistory.record(lotId, { at, version, type: event.type, summary: describeLotEvent(event, lotId, lot?.unit) });
  changes.changed('lot', lotId);
}

/** An item's minimum yield as master data states it: a share (0.95) or a percentage (95). */
function readMinimumYield(text: string | undefined): number | null {
  const value = text === undefined ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > 100) return null;
  return value > 1 ? value / 100 : value;
}

export function projectEvent(event: CanonicalEvent, repos: Repos, changes: ChangeTracker, at: string): void {
  const lots = repos.lots;
  switch (event.type) {
    case 'goods.received':
    case 'inspection.failed': {
      const p = event.payload;
      const stockType = event.type === 'goods.received' ? event.payload.stockType : (event.payload.stockType ?? 'quality-inspection');
      const lot: Lot = { lotId: p.lotId, itemId: p.itemId, plant: p.plant, quantity: p.quantity, unit: p.unit, stockType, supplierId: p.supplierId ?? null, version: p.lotVersion };
      planWritten(lots.upsert(lot, at), changes);
      if (event.type === 'goods.received' && p.inspectionLotId && stockType === 'quality-inspection') {
        repos.inspectionLots.advance(p.inspectionLotId, p.lotId, event.payload.productionOrderId ? 'production' : 'goods-receipt', 'released', at);
      }
      if (event.type === 'goods.received' && event.payload.productionOrderId) {
        repos.genealogy.recordOutput(event.payload.productionOrderId, p.lotId, p.itemId, p.quantity, p.unit, at);
      }
      break;
    }
    case 'lot.statusChanged': {
      const p = event.payload;
      const known = lots.get(p.lotId);
      const lot: Lot = { lotId: p.lotId, itemId: p.itemId, plant: p.plant, quantity: p.quantity, unit: p.unit, stockType: p.stockType, supplierId: known?.supplierId ?? null, version: p.lotVersion };
      planWritten(lots.upsert(lot, at), changes);
      break;
    }
    case 'fg.released': {
      const p = event.payload;
      const known = lots.get(p.lotId);
      const lot: Lot = { lotId: p.lotId, itemId: p.itemId, plant: p.plant, quantity: p.quantity, unit: p.unit, stockType: 'unrestricted', supplierId: known?.supplierId ?? null, version: p.lotVersion };
      planWritten(lots.upsert(lot, at), changes);
      break;
    }
    case 'inspection.passed': {
      const lot = lots.get(event.payload.lotId);
      if (lot && event.payload.lotVersion > lot.version) {
        lots.setStock(lot.lotId, 'unrestricted', lot.quantity, event.payload.lotVersion, at);
        planLot({ ...lot, stockType: 'unrestricted' }, changes);
      }
      repos.inspectionLots.advance(event.payload.inspectionLotId, event.payload.lotId, 'goods-receipt', 'usage-decision-made', at);
      break;
    }
    case 'inspection.recorded': {
      const inspectionLotId = event.payload.inspectionLotId ?? repos.inspectionLots.openFor(event.payload.lotId);
      if (inspectionLotId) repos.inspectionLots.advance(inspectionLotId, event.payload.lotId, 'goods-receipt', 'results-recorded', at);
      break;
    }
    case 'lot.consumed': {
      // A delta, applied once, even when an accepted command of ours already moved the version past it
      // (the quantity must still go down), but not when the gateway's whole statement of the lot at a
      // later version already counts it (lots-repo consume).
      const after = lots.consume(event.payload.lotId, event.payload.quantity, event.payload.lotVersion, at);
      repos.genealogy.recordGoodsIssue(event.payload.productionOrderId, event.payload.lotId, event.payload.quantity, after?.unit ?? null, at);
      if (after) planLot(after, changes);
      break;
    }
    case 'production.completed': {
      // Genealogy only: stock moves arrive from the ERP as goods issues and receipts of their own.
      const { productionOrderId, consumed, produced } = event.payload;
      for (const input of consumed) if (input.lotId) repos.genealogy.recordConsumption(productionOrderId, input.lotId, input.quantity, input.unit ?? null, at);
      for (const output of produced) if (output.lotId) repos.genealogy.recordOutput(productionOrderId, output.lotId, output.itemId ?? null, output.quantity, output.unit ?? null, at);
      break;
    }
    case 'lot.reported': {
      // The plant's word never overrides the ERP's stock of a lot the cache knows; a lot it does not
      // know yet is taken as reported, at version 0, so any ERP fact about it wins.
      const p = event.payload;
      const plant = p.plant ?? event.plant;
      if (!lots.get(p.lotId) && p.itemId && plant && p.quantity !== undefined && p.unit && p.stockType) {
        const lot: Lot = { lotId: p.lotId, itemId: p.itemId, plant, quantity: p.quantity, unit: p.unit, stockType: p.stockType, supplierId: null, version: 0 };
        planWritten(lots.upsert(lot, at), changes);
      }
      break;
    }
    case 'usageDecision.made': {
      // The parts' own stock arrived as lot.statusChanged just before; this records who decided and how.
      const { lotVersion: _lotVersion, ...decision } = event.payload;
      repos.usageDecisions.record(decision);
      repos.inspectionLots.advance(decision.inspectionLotId, decision.lotId, 'goods-receipt', 'usage-decision-made', at);
      break;
    }
    case 'master.changed': {
      lots.updateItem(event.payload.itemId, event.payload.description ?? null, event.payload.unit ?? null);
      const minimumYield = readMinimumYield(event.payload.properties.MinimumYield);
      if (minimumYield !== null) repos.alerts.setMinimumYield(event.payload.itemId, minimumYield);
      break;
    }
  }
  if ('lotId' in event.payload && event.payload.lotId !== undefined) heldLotChanged(event.payload.lotId, event, repos, changes, at);
  if (event.type === 'production.completed') {
    for (const input of event.payload.consumed) if (input.lotId) heldLotChanged(input.lotId, event, repos, changes, at);
  }
}

/** The gateway accepted one of our commands: the cache takes its effect and the upstream version it now has. */
export function projectAcceptedCommand(command: CanonicalCommand, version: number | undefined, repos: Repos, changes: ChangeTracker, at: string): void {
  if (command.type !== 'lot.setStatus' && command.type !== 'lot.disposition') return;
  const lot = repos.lots.get(command.payload.lotId);
  if (!lot) return;
  // The gateway's lot.statusChanged (or a later change) got here first: the cache already holds this or newer.
  if (version !== undefined && lot.version >= version) {
    if (repos.lots.hasHold(lot.lotId)) changes.changed('lot', lot.lotId);
    return;
  }
  const nextVersion = version ?? lot.version;
  switch (command.type) {
    case 'lot.setStatus':
      repos.lots.setStock(lot.lotId, command.payload.stockType, lot.quantity, nextVersion, at);
      planLot({ ...lot, stockType: command.payload.stockType }, changes);
      break;
    case 'lot.disposition': {
      // The gateway split the lot by the same rule: the first part that stays keeps the lot's id.
      const [own, ...subLots] = splitLot(lot.lotId, command.basedOn?.version ?? lot.version, command.payload.postings).parts;
      repos.lots.setStock(lot.lotId, own!.stockType, own!.quantity, nextVersion, at, true);
      planLot({ ...lot, stockType: own!.stockType, quantity: own!.quantity }, changes);
      for (const part of subLots) {
        const subLot: Lot = { ...lot, lotId: part.lotId, stockType: part.stockType, quantity: part.quantity, version: 1 };
        planWritten(repos.lots.upsert(subLot, at), changes);
      }
      break;
    }
  }
  // What it did reaches the lot's history as the gateway's lot.statusChanged, as on every workstation.
  if (repos.lots.hasHold(lot.lotId)) changes.changed('lot', lot.lotId);
}

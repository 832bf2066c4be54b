// Scripted disruptions: each changes the lots and appends the events an ERP, QMS and MES would publish.
import { b2mmlEventType } from '../shared/b2mml-message';
import type { BomLine, PoLine, ProductionOrder, Transfer } from '../shared/dataset';
import type { EventEnvelope, EventPayload, EventType } from '../shared/events';
import { dateOf, dayOf } from '../shared/plan-days';
import { quantityProblem, roundToUnit } from '../shared/units';
import type { EventDraft, GatewayStore } from './gateway-store';
import { formatInspectionLotId, formatLotId, formatPoLineId, formatProductionOrderId, formatStoppageId } from './number-ranges';
import type { Random } from './random';
import type { ItemRecord, LotRecord } from './records';
import { isDueSoon, pickDefect, typicalLotQuantity } from './world';
import { erpStream, isSimulatedPlant, mesStream, qmsStream, simulatedPlants } from './streams';
import { CycleCountError, takeCycleCount, type CycleCountOptions } from './cycle-count-scenario';
import type { CycleCount } from '../shared/cycle-count';

/** A scenario call that cannot run as asked (unknown lot, plant without streams, ...); names the field. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * A value no scenario could run with (0 days, 1.5 of a lot counted in EA): bad input, named with its
 * field and the value, which some checks can only tell once they see the record it is for.
 */
export class ScenarioInputError extends ScenarioError {
  override name = 'ScenarioInputError';
}

/** How far a supplier delay or a line stoppage reaches, in whole days. */
const maxDays = 365;

function checkDays(days: number): void {
  if (!(Number.isInteger(days) && days >= 1 && days <= maxDays)) throw new ScenarioInputError(`days: must be a whole number of days from 1 to ${maxDays}, not ${days}`);
}

function checkCount(count: number, min: number): void {
  if (!(Number.isInteger(count) && count >= min)) throw new ScenarioInputError(`count: must be a whole number of at least ${min}, not ${count}`);
}

export interface InspectionFailureOptions {
  plant?: string;
  itemId?: string;
  quantity?: number;
  /** The PO schedule line whose delivery this is; by default, with no item or quantity named, one due soon. */
  poLineId?: string;
}

export interface FailedLot {
  lotId: string;
  inspectionLotId: string;
}

export interface SupplierDelayOptions {
  poLineId?: string;
  /** Days later, 1 to 365; default 5 to 20. */
  days?: number;
  reason?: string;
}

export interface SupplierDelay {
  poLineId: string;
  previousDate: string;
  newDate: string;
}

export interface LineStoppageOptions {
  plant?: string;
  line?: string;
  /** The plant's estimate; default 3 to 7 days. */
  days?: number;
  reason?: string;
}

export interface LineStoppage {
  stoppageId: string;
  plant: string;
  line: string;
  from: string;
  expectedDays: number;
}

export type RawNamespace = 'erp' | `plant/${string}`;

export interface ScenarioDeps {
  store: GatewayStore;
  clock: () => Date;
  random: Random;
  /** Called after each commit that appended events, with the streams that grew. */
  onAppended: (streams: ReadonlySet<string>) => void;
  emitRaw: (namespace: RawNamespace, message: unknown) => void;
  dropReplies: (count: number, type?: string) => void;
}

/** Lots per transaction in a burst: large enough to be fast, small enough that subscribers see progress. */
const burstBatchSize = 250;

function typed<T extends EventType>(draft: Omit<EventDraft, 'type' | 'payload'>, type: T, payload: EventPayload<T>) {
  return { ...draft, type, payload };
}

export class Scenario {
  /** Streams appended to by the transaction in progress. */
  private pending = new Set<string>();

  constructor(private readonly deps: ScenarioDeps) {}

  /** A new lot arrives in quality inspection and fails it. */
  inspectionFailure(options: InspectionFailureOptions = {}): FailedLot {
    return this.publish(() => this.receiveFailedLot(options));
  }

  /** The plant's WMS counted a lot's bin (see cycle-count-scenario.ts): some counts are off by more than tolerance. */
  cycleCount(options: CycleCountOptions = {}): CycleCount {
    return this.publish(() => {
      let count: CycleCount;
      try {
        count = takeCycleCount(this.deps.store, this.deps.random, this.deps.clock(), options);
      } catch (error) {
        throw error instanceof CycleCountError ? new ScenarioError(error.message) : error;
      }
      this.append(typed({ stream: mesStream(count.plant), plant: count.plant, correlationId: count.countId }, 'cyclecount.variance', count));
      return count;
    });
  }

  /** The open inspection lot of lotId passes: the lot goes to free stock. */
  inspectionPassed(lotId: string): { lotId: string; inspectionLotId: string; version: number } {
    return this.publish(() => {
      const lot = this.plantLot(lotId);
      if (lot.stockType !== 'quality-inspection') {
        throw new ScenarioError(`lotId: lot ${lotId} is not in quality inspection (stock type ${lot.stockType})`);
      }
      const inspectionLotId = lot.inspectionLotId ?? formatInspectionLotId(this.deps.store.nextNumber('inspectionLot'));
      const updated = this.deps.store.updateLot(lotId, {
        stockType: 'unrestricted',
        inspectionLotId,
        version: lot.version + 1,
      });
      this.deps.store.closeInspection(lotId);
      this.append(
        typed({ stream: qmsStream(lot.plant), plant: lot.plant, correlationId: lotId }, 'inspection.passed', {
          lotId,
          lotVersion: updated.version,
          inspectionLotId,
        }),
      );
      return { lotId, inspectionLotId, version: updated.version };
    });
  }

  /** Production consumes part of a lot; it also makes any decision based on the lot's old version stale. */
  consumeLot(lotId: string, quantity: number): { lotId: string; productionOrderId: string; version: number } {
    return this.publish(() => {
      const lot = this.plantLot(lotId);
      this.checkQuantity('quantity', quantity, lot.unit);
      if (quantity > lot.quantity) {
        throw new ScenarioError(`quantity: ${quantity} exceeds the ${lot.quantity} ${lot.unit} of lot ${lotId}`);
      }
      const productionOrderId = formatProductionOrderId(this.deps.store.nextNumber('productionOrder'));
      // Rounded so repeated consumption of decimal quantities does not drift (0.1 + 0.2).
      const remaining = roundToUnit(lot.quantity - quantity, this.deps.store.decimalsOf(lot.unit));
      const updated = this.deps.store.updateLot(lotId, { quantity: remaining, version: lot.version + 1 });
      this.append(
        typed({ stream: mesStream(lot.plant), plant: lot.plant, correlationId: lotId }, 'lot.consumed', {
          lotId,
          lotVersion: updated.version,
          productionOrderId,
          quantity,
        }),
      );
      return { lotId, productionOrderId, version: updated.version };
    });
  }

  /**
   * A production order consumes part of a lot and makes a new lot from it (another item, into
   * unrestricted stock): the goods issue, the receipt from production and the order's completion
   * with its genealogy, as ERP and MES publish them. Call it again on the new lot for a deeper genealogy.
   */
  produce(lotId: string, quantity: number, outputQuantity?: number): { productionOrderId: string; outputLotId: string; version: number } {
    return this.publish(() => {
      const { store } = this.deps;
      const input = this.plantLot(lotId);
      this.checkQuantity('quantity', quantity, input.unit);
      if (quantity > input.quantity) throw new ScenarioError(`quantity: ${quantity} exceeds the ${input.quantity} ${input.unit} of lot ${lotId}`);
      const item = this.madeFrom(input.itemId);
      const made = outputQuantity ?? roundToUnit(quantity, store.decimalsOf(item.unit));
      this.checkQuantity('outputQuantity', made, item.unit);
      const productionOrderId = formatProductionOrderId(store.nextNumber('productionOrder'));
      const outputLotId = formatLotId(store.nextNumber('lot'));
      const remaining = roundToUnit(input.quantity - quantity, store.decimalsOf(input.unit));
      const consumed = store.updateLot(lotId, { quantity: remaining, version: input.version + 1 });
      store.insertLot({ lotId: outputLotId, itemId: item.id, plant: input.plant, quantity: made, unit: item.unit, stockType: 'unrestricted', version: 1 });
      const context = { plant: input.plant, correlationId: productionOrderId };
      this.append(typed({ ...context, stream: mesStream(input.plant) }, 'lot.consumed', { lotId, lotVersion: consumed.version, productionOrderId, quantity }));
      this.append(
        typed({ ...context, stream: erpStream }, 'goods.received', {
          lotId: outputLotId,
          lotVersion: 1,
          itemId: item.id,
          plant: input.plant,
          quantity: made,
          unit: item.unit,
          stockType: 'unrestricted',
          productionOrderId,
        }),
      );
      this.append(
        typed({ ...context, stream: mesStream(input.plant) }, 'production.completed', {
          productionOrderId,
          plant: input.plant,
          itemId: item.id,
          yieldQuantity: made,
          scrapQuantity: 0,
          unit: item.unit,
          consumed: [{ lotId, itemId: input.itemId, quantity, unit: input.unit }],
          produced: [{ lotId: outputLotId, itemId: item.id, quantity: made, unit: item.unit }],
        }),
      );
      return { productionOrderId, outputLotId, version: consumed.version };
    });
  }

  /** count inspection failures as fast as the store takes them; returns the new lot ids in order. */
  burst(count: number): string[] {
    checkCount(count, 1);
    const lotIds: string[] = [];
    for (let done = 0; done < count; done += burstBatchSize) {
      const batch = Math.min(burstBatchSize, count - done);
      // Receipts without a planned line: a burst outruns the deliveries due.
      const ids = this.publish(() => Array.from({ length: batch }, () => this.receiveFailedLot({}, false).lotId));
      lotIds.push(...ids);
    }
    return lotIds;
  }

  /**
   * Goods receipts into unrestricted stock, `count` of them in transactions of `batchSize`: the
   * ERP stream's everyday traffic, for catch-up and throughput runs. Returns the last lot id.
   */
  receiveGoods(count: number, batchSize = 1000): string | null {
    checkCount(count, 1);
    const { store, random } = this.deps;
    const items = this.purchasedItems();
    let last: string | null = null;
    for (let done = 0; done < count; done += batchSize) {
      last = this.publish(() => {
        let lotId = '';
        for (let i = 0; i < Math.min(batchSize, count - done); i++) {
          const item = random.pick(items);
          lotId = formatLotId(store.nextNumber('lot'));
          const quantity = typicalLotQuantity(random, store.decimalsOf(item.unit));
          store.insertLot({ lotId, itemId: item.id, plant: 'P1', quantity, unit: item.unit, stockType: 'unrestricted', supplierId: item.supplierId, version: 1 });
          this.append(
            typed({ stream: erpStream, plant: 'P1', correlationId: lotId }, 'goods.received', {
              lotId,
              lotVersion: 1,
              itemId: item.id,
              plant: 'P1',
              quantity,
              unit: item.unit,
              stockType: 'unrestricted',
              supplierId: item.supplierId,
            }),
          );
        }
        return lotId;
      });
    }
    return last;
  }

  /** Appends an event with a valid envelope but any type and payload, to exercise the app's dead-letter path. */
  appendRaw(stream: string, type: string, payload: unknown): EventEnvelope {
    if (!this.deps.store.hasStream(stream)) throw new ScenarioError(`stream: unknown stream "${stream}"`);
    if (type.length === 0) throw new ScenarioInputError('type: must not be empty');
    return this.publish(() => this.append({ stream, type, correlationId: 'simulator.raw', payload }));
  }

  /**
   * A plant system's ISA-95 B2MML message (XML), carried as it is on the plant's MES stream; the app's
   * format adapter reads it. The simulator does not look inside: a malformed message is stored too.
   */
  plantMessage(plant: string, xml: string): EventEnvelope {
    if (!isSimulatedPlant(plant)) throw new ScenarioError(`plant: ${plant} has no MES stream here (plants: ${simulatedPlants.join(', ')})`);
    if (xml.length === 0) throw new ScenarioInputError('xml: must not be empty');
    return this.publish(() => this.append({ stream: mesStream(plant), plant, type: b2mmlEventType, correlationId: `b2mml.${plant}`, payload: { xml } }));
  }

  /** Sends [message] as an `events` batch to every subscriber of the namespace, without storing it. */
  emitRaw(namespace: RawNamespace, message: unknown): void {
    this.deps.emitRaw(namespace, message);
  }

  /**
   * A supplier's ASN announces a PO schedule line late (a random line with an ASN unless one is
   * named): the ERP's line takes the new date and `asn.delayed` goes out on the ERP stream.
   */
  supplierDelay(options: SupplierDelayOptions = {}): SupplierDelay {
    const planning = this.deps.store.planning;
    if (!planning.plays()) throw new ScenarioError('poLineId: this simulator plays no planning data (start it with a planning scale)');
    const days = options.days ?? this.deps.random.int(5, 20);
    checkDays(days);
    return this.publish(() => {
      const line = options.poLineId === undefined ? this.deps.random.pick(planning.poLinesWithAsn()) : planning.poLine(options.poLineId);
      if (!line) throw new ScenarioError(`poLineId: unknown PO schedule line ${options.poLineId}`);
      // An ASN announces a date still to come: a line already overdue is expected today at the soonest.
      const newDate = dateOf(Math.max(dayOf(line.expectedDate) + days, dayOf(planning.today())));
      const asnId = line.asnId ?? `ASN-${line.id.replace(/\W/g, '')}`;
      planning.putPoLine({ ...line, expectedDate: newDate, asnId });
      this.append(
        typed({ stream: erpStream, plant: line.plant, correlationId: line.id }, 'asn.delayed', {
          poLineId: line.id,
          asnId,
          itemId: line.itemId,
          plant: line.plant,
          supplierId: line.supplierId,
          quantity: line.quantity,
          previousDate: line.expectedDate,
          newDate,
          ...(options.reason === undefined ? {} : { reason: options.reason }),
        }),
      );
      return { poLineId: line.id, previousDate: line.expectedDate, newDate };
    });
  }

  /**
   * A production line stops from today (a random line with orders starting in the next two weeks unless
   * one is named). The ERP hears of it (its maintenance notification) and publishes `line.stopped` on
   * its stream: the planning plants are not all simulated plants with streams of their own.
   */
  lineStopped(options: LineStoppageOptions = {}): LineStoppage {
    const planning = this.deps.store.planning;
    if (!planning.plays()) throw new ScenarioError('plant: this simulator plays no planning data (start it with a planning scale)');
    const today = planning.today();
    const expectedDays = options.days ?? this.deps.random.int(3, 7);
    checkDays(expectedDays);
    const plants = planning.records<{ id: string }>('plants').map((p) => p.id);
    if (options.plant !== undefined && !plants.includes(options.plant)) {
      throw new ScenarioError(`plant: the ERP has no plant ${options.plant} (plants: ${plants.join(', ')})`);
    }
    const { plant, line } = this.lineToStop(options.plant, options.line, today);
    return this.publish(() => {
      const stopped = { stoppageId: formatStoppageId(this.deps.store.nextNumber('stoppage')), plant, line, from: today, expectedDays };
      this.deps.store.stoppages.record(stopped);
      this.append(typed({ stream: erpStream, plant, correlationId: stopped.stoppageId }, 'line.stopped', { ...stopped, reason: options.reason ?? 'Line down: spindle drive fault' }));
      return stopped;
    });
  }

  /**
   * A stock transport order arrives at its destination: the ERP posts the goods receipt there (a new
   * unrestricted lot, naming the transfer) and the transfer leaves its planning records.
   */
  transferReceived(transferId: string): { lotId: string; plant: string; quantity: number } {
    const { store } = this.deps;
    const transfer = store.planning.record<Transfer>('transfers', transferId);
    if (!transfer) throw new ScenarioError(`transferId: no open transfer ${transferId}`);
    const unit = store.item(transfer.itemId)?.unit ?? 'EA';
    return this.publish(() => {
      const lotId = formatLotId(store.nextNumber('lot'));
      store.insertLot({ lotId, itemId: transfer.itemId, plant: transfer.toPlant, quantity: transfer.quantity, unit, stockType: 'unrestricted', version: 1 });
      store.planning.removeRecord('transfers', transferId);
      this.append(
        typed({ stream: erpStream, plant: transfer.toPlant, correlationId: transferId }, 'goods.received', {
          lotId,
          lotVersion: 1,
          itemId: transfer.itemId,
          plant: transfer.toPlant,
          quantity: transfer.quantity,
          unit,
          stockType: 'unrestricted',
          transferId,
        }),
      );
      return { lotId, plant: transfer.toPlant, quantity: transfer.quantity };
    });
  }

  /** The stopped line runs again, today: a stoppage the ERP knows, of that plant and line, restarted once. */
  lineRestarted(stoppageId: string, plant: string, line: string): { on: string } {
    const { store } = this.deps;
    if (!store.planning.plays()) throw new ScenarioError('plant: this simulator plays no planning data');
    const stoppage = store.stoppages.get(stoppageId);
    if (!stoppage) throw new ScenarioError(`stoppageId: no line stoppage ${stoppageId}`);
    if (stoppage.restartedOn !== null) throw new ScenarioError(`stoppageId: ${stoppageId} was restarted on ${stoppage.restartedOn}`);
    const stopped = `stoppage ${stoppageId} stopped line ${stoppage.line} in plant ${stoppage.plant}`;
    if (stoppage.plant !== plant) throw new ScenarioError(`plant: ${stopped}, not in ${plant}`);
    if (stoppage.line !== line) throw new ScenarioError(`line: ${stopped}, not ${line}`);
    const on = store.planning.today();
    this.publish(() => {
      store.stoppages.markRestarted(stoppageId, on);
      this.append(typed({ stream: erpStream, plant, correlationId: stoppageId }, 'line.restarted', { stoppageId, plant, line, on }));
    });
    return { on };
  }

  /** The next `count` replies (to commands of `type` only, when given) are lost; the commands still apply. */
  dropReplies(count: number, type?: string): void {
    checkCount(count, 0);
    this.deps.dropReplies(count, type);
  }

  // Runs fn in one transaction, collecting the streams it appended to, then wakes their subscribers.
  private publish<T>(fn: () => T): T {
    this.pending = new Set();
    const result = this.deps.store.transaction(fn);
    const appended = this.pending;
    this.pending = new Set();
    if (appended.size > 0) this.deps.onAppended(appended);
    return result;
  }

  private append(draft: EventDraft): EventEnvelope {
    const envelope = this.deps.store.appendEvent(draft, this.deps.clock());
    this.pending.add(envelope.stream);
    return envelope;
  }

  private plantLot(lotId: string): LotRecord {
    const lot = this.deps.store.lot(lotId);
    if (!lot) throw new ScenarioError(`lotId: unknown lot ${lotId}`);
    if (!isSimulatedPlant(lot.plant)) {
      throw new ScenarioError(
        `lotId: lot ${lotId} is in plant ${lot.plant}, which this simulator does not play ` +
          `(plants: ${simulatedPlants.join(', ')})`,
      );
    }
    return lot;
  }

  /**
   * A delivery arrives in quality inspection and fails. By default (no item or quantity named) it is a
   * PO line due soon at the plant, so the plan counted on it: the line leaves the open purchase orders.
   * `fromPlan` false: a receipt of a purchased item without a planned line (bursts).
   */
  private receiveFailedLot(options: InspectionFailureOptions, fromPlan = true): FailedLot {
    const { store, random } = this.deps;
    const plant = options.plant ?? 'P1';
    if (!isSimulatedPlant(plant)) {
      throw new ScenarioError(`plant: ${plant} has no QMS stream here (plants: ${simulatedPlants.join(', ')})`);
    }
    const line = this.deliveryFor(options, plant, fromPlan);
    const item = line ? store.item(line.itemId) : options.itemId === undefined ? random.pick(this.purchasedItems(options.quantity)) : store.item(options.itemId);
    if (!item) throw new ScenarioError(`itemId: unknown item ${options.itemId}`);
    const quantity = options.quantity ?? line?.quantity ?? typicalLotQuantity(random, store.decimalsOf(item.unit));
    this.checkQuantity('quantity', quantity, item.unit);
    const supplierId = line?.supplierId ?? item.supplierId;
    if (supplierId === undefined) throw new ScenarioError(`itemId: ${item.id} is made in-house; a goods receipt with inspection comes from a supplier`);
    const poLineId = line?.id ?? formatPoLineId(store.nextNumber('purchaseOrder'));
    if (line) store.planning.removeRecord('poLines', line.id);
    const lotId = formatLotId(store.nextNumber('lot'));
    const inspectionLotId = formatInspectionLotId(store.nextNumber('inspectionLot'));
    const defect = pickDefect(random);
    const lot: LotRecord = { lotId, itemId: item.id, plant, quantity, unit: item.unit, stockType: 'quality-inspection', supplierId, version: 1, inspectionLotId };
    store.insertLot(lot);
    const context = { plant, correlationId: lotId };
    this.append(
      typed({ ...context, stream: erpStream }, 'goods.received', {
        lotId,
        lotVersion: 1,
        itemId: item.id,
        plant,
        quantity,
        unit: item.unit,
        stockType: 'quality-inspection',
        supplierId,
        purchaseOrder: poLineId.split('/')[0]!,
        ...(line ? { poLineId: line.id } : {}),
        inspectionLotId,
      }),
    );
    const failed = store.updateLot(lotId, { version: 2 });
    const failedEvent = this.append(
      typed({ ...context, stream: qmsStream(plant) }, 'inspection.failed', {
        lotId,
        lotVersion: failed.version,
        inspectionLotId,
        itemId: item.id,
        plant,
        quantity,
        unit: item.unit,
        supplierId,
        defectCode: defect.code,
        defectText: defect.text,
      }),
    );
    // Failed when the QMS said so: a workstation that joins later holds the lot since the same instant.
    store.openInspection({ lotId, inspectionLotId, defectCode: defect.code, defectText: defect.text, failedAt: failedEvent.occurredAt });
    return { lotId, inspectionLotId };
  }

  /** The PO line a failed delivery fulfils: the one named, or one due soon at the plant when nothing else is. */
  private deliveryFor(options: InspectionFailureOptions, plant: string, fromPlan: boolean): PoLine | undefined {
    const planning = this.deps.store.planning;
    if (options.poLineId !== undefined) {
      const named = planning.poLine(options.poLineId);
      if (!named) throw new ScenarioError(`poLineId: no open PO schedule line ${options.poLineId}`);
      if (named.plant !== plant) throw new ScenarioError(`poLineId: ${named.id} is for plant ${named.plant}, not ${plant}`);
      return named;
    }
    if (!fromPlan || options.itemId !== undefined || options.quantity !== undefined) return undefined;
    const todayDay = dayOf(planning.today());
    const due = planning.records<PoLine>('poLines').filter((line) => line.plant === plant && isDueSoon(line, todayDay));
    return due.length === 0 ? undefined : this.deps.random.pick(due);
  }

  /**
   * The line a stoppage hits: the one named; else, in the plant or among the lines of that name if one
   * of them is named, a line with a production order starting in the next two weeks.
   */
  private lineToStop(plant: string | undefined, line: string | undefined, today: string): { plant: string; line: string } {
    const orders = this.deps.store.planning.records<ProductionOrder>('productionOrders');
    if (plant !== undefined && line !== undefined) {
      if (!orders.some((o) => o.plant === plant && o.line === line)) throw new ScenarioError(`line: no production order on line ${line} in plant ${plant}`);
      return { plant, line };
    }
    const named = orders.filter((o) => (plant === undefined || o.plant === plant) && (line === undefined || o.line === line));
    if (named.length === 0) throw new ScenarioError(line === undefined ? `plant: no production order at ${plant}` : `line: no production order on line ${line} in any plant`);
    const soon = named.filter((o) => dayOf(o.startDate) >= dayOf(today) && dayOf(o.startDate) < dayOf(today) + 14);
    // A named line stops even when nothing on it starts soon; an unnamed one is picked where it hurts.
    if (soon.length === 0 && line === undefined) throw new ScenarioError(`plant: no production order starts in the next two weeks${plant ? ` at ${plant}` : ''}`);
    const picked = this.deps.random.pick(soon.length > 0 ? soon : named);
    return { plant: picked.plant, line: picked.line };
  }

  /** Items bought from a supplier: what goods receipts with inspection bring; in a unit `quantity` fits, if given. */
  private purchasedItems(quantity?: number): ItemRecord[] {
    const { store } = this.deps;
    const bought = store.items().filter((item) => item.supplierId !== undefined);
    if (quantity === undefined) return bought;
    // 1.5 asked of no item in particular goes to an item measured in a unit that holds it, not to a refusal by chance.
    const fitting = bought.filter((item) => quantityProblem(quantity, item.unit, store.decimalsOf(item.unit)) === null);
    return fitting.length > 0 ? fitting : bought;
  }

  /**
   * What a production order makes from an item: a parent in its bills of materials (the where-used),
   * else any item made in-house.
   */
  private madeFrom(itemId: string): ItemRecord {
    const { store, random } = this.deps;
    const parents = store.planning.records<BomLine>('bomLines').filter((line) => line.componentItemId === itemId).map((line) => line.parentItemId);
    const candidates = parents.length > 0 ? parents : store.items().filter((item) => item.supplierId === undefined && item.id !== itemId).map((item) => item.id);
    const item = candidates.length > 0 ? store.item(random.pick(candidates)) : undefined;
    return item ?? random.pick(store.items().filter((candidate) => candidate.id !== itemId));
  }

  /** A quantity must be positive and fit its unit: no 10.5 of something counted in whole pieces. */
  private checkQuantity(field: string, quantity: number, unit: string): void {
    if (!(Number.isFinite(quantity) && quantity > 0)) throw new ScenarioInputError(`${field}: must be a positive number, not ${quantity}`);
    const problem = quantityProblem(quantity, unit, this.deps.store.decimalsOf(unit));
    if (problem) throw new ScenarioInputError(`${field}: ${problem}`);
  }
}

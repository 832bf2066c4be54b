// A paced storm of everyday gateway traffic with supplier delays mixed in, for load runs against a
// live app: goods receipts, production withdrawing from them, and ASN delays that open exceptions.
// A timer publishes what is due by the elapsed time, so a late tick catches up; the storm ends by itself.
import type { z } from 'zod';
import { exactly, numberFromZero, positiveNumber, wholeNumber } from './control-inputs';
import type { LotRecord } from './records';
import { ScenarioError, ScenarioInputError, type Scenario } from './scenario';

export const eventStormOptionsSchema = exactly({
  eventsPerSecond: wholeNumber(1, 20_000),
  seconds: positiveNumber(600, 'a number of seconds'),
  /** Of eventsPerSecond, how many are `asn.delayed`; the rest is ordinary traffic. */
  delaysPerSecond: numberFromZero(200).default(0),
}).superRefine((options, context) => {
  const problem = delaysProblem(options);
  if (problem) context.addIssue({ code: 'custom', path: ['delaysPerSecond'], message: problem });
});

/** Delays are part of the events sent, so never more of them than events. */
function delaysProblem({ eventsPerSecond, delaysPerSecond }: { eventsPerSecond: number; delaysPerSecond: number }): string | null {
  return delaysPerSecond > eventsPerSecond ? `must not exceed eventsPerSecond (${eventsPerSecond}), not ${delaysPerSecond}` : null;
}
export type EventStormOptions = z.output<typeof eventStormOptionsSchema>;

export interface EventStormCounts {
  goodsReceived: number;
  lotsConsumed: number;
  supplierDelays: number;
}

export interface EventStormStatus {
  options: EventStormOptions;
  running: boolean;
  elapsedMs: number;
  sent: EventStormCounts & { total: number };
  /** Why the storm stopped early, if it did. */
  error: string | null;
}

export interface EventStormDeps {
  scenario: Pick<Scenario, 'receiveGoods' | 'consumeLot' | 'supplierDelay'>;
  store: { lot(lotId: string): LotRecord | undefined; planning: { plays(): boolean; poLinesWithAsn(): { id: string }[] } };
  /** Milliseconds on a monotonic clock; performance.now by default. */
  now?: () => number;
  tickMs?: number;
}

/** One in this many ordinary events is a production withdrawal, the rest goods receipts. */
const consumptionShare = 5;
const defaultTickMs = 50;

function totalOf(counts: EventStormCounts): number {
  return counts.goodsReceived + counts.lotsConsumed + counts.supplierDelays;
}

export class EventStorm {
  private readonly sent: EventStormCounts = { goodsReceived: 0, lotsConsumed: 0, supplierDelays: 0 };
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly timer: NodeJS.Timeout;
  /** PO lines with an ASN, read once: picking among them must not cost a query per delay. */
  private readonly poLineIds: string[];
  private delayCursor = 0;
  private running = true;
  private error: string | null = null;
  private readonly finishedListeners: (() => void)[] = [];

  constructor(
    private readonly deps: EventStormDeps,
    readonly options: EventStormOptions,
  ) {
    const delays = delaysProblem(options);
    if (delays) throw new ScenarioInputError(`delaysPerSecond: ${delays}`);
    // Delays of lines the app has no planning data for would only be dead-lettered there.
    this.poLineIds = options.delaysPerSecond > 0 && deps.store.planning.plays() ? deps.store.planning.poLinesWithAsn().map((line) => line.id) : [];
    if (options.delaysPerSecond > 0 && this.poLineIds.length === 0) {
      throw new ScenarioError('delaysPerSecond: this simulator has no PO line with an ASN to delay (start it with a planning scale)');
    }
    this.now = deps.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.timer = setInterval(() => this.tick(), deps.tickMs ?? defaultTickMs);
    // A storm never keeps the simulator's process alive on its own.
    this.timer.unref();
  }

  status(): EventStormStatus {
    return {
      options: this.options,
      running: this.running,
      elapsedMs: Math.min(this.now() - this.startedAt, this.options.seconds * 1000),
      sent: { ...this.sent, total: totalOf(this.sent) },
      error: this.error,
    };
  }

  /** Called once the storm has stopped (at once if it already has). */
  onFinished(listener: () => void): void {
    if (this.running) this.finishedListeners.push(listener);
    else listener();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    for (const listener of this.finishedListeners.splice(0)) listener();
  }

  private tick(): void {
    if (!this.running) return;
    const { eventsPerSecond, seconds, delaysPerSecond } = this.options;
    const elapsedSeconds = Math.min((this.now() - this.startedAt) / 1000, seconds);
    // After a long stall, at most one second's worth at once: one tick must not block the gateway.
    const due = Math.min(Math.floor(eventsPerSecond * elapsedSeconds) - totalOf(this.sent), eventsPerSecond);
    try {
      if (due > 0) {
        const delays = Math.min(due, Math.floor(delaysPerSecond * elapsedSeconds) - this.sent.supplierDelays);
        this.delaySuppliers(delays);
        this.ordinaryTraffic(due - Math.max(delays, 0));
      }
    } catch (error) {
      // The gateway closed under the storm, or the store refused: the storm ends, the gateway goes on.
      this.error = error instanceof Error ? error.message : String(error);
      this.stop();
      return;
    }
    if (elapsedSeconds >= seconds) this.stop();
  }

  private delaySuppliers(count: number): void {
    for (let i = 0; i < count; i++) {
      const poLineId = this.poLineIds[this.delayCursor++ % this.poLineIds.length];
      this.deps.scenario.supplierDelay(poLineId === undefined ? {} : { poLineId });
      this.sent.supplierDelays += 1;
    }
  }

  // Goods receipts in one transaction, then production withdrawing from the last lot received, each
  // withdrawal its own event as an MES would report it.
  private ordinaryTraffic(count: number): void {
    if (count <= 0) return;
    const withdrawals = Math.floor(count / consumptionShare);
    const receipts = count - withdrawals;
    const lotId = this.deps.scenario.receiveGoods(receipts, receipts);
    this.sent.goodsReceived += receipts;
    const lot = lotId === null ? undefined : this.deps.store.lot(lotId);
    if (!lot) return;
    // Whole units, never more than half the lot: the lot stays in stock for the planner's view.
    const possible = Math.min(withdrawals, Math.floor(lot.quantity / 2));
    const quantity = Math.max(1, Math.floor(lot.quantity / (2 * Math.max(possible, 1))));
    for (let i = 0; i < possible; i++) {
      this.deps.scenario.consumeLot(lot.lotId, quantity);
      this.sent.lotsConsumed += 1;
    }
  }
}

/** The gateway's one storm at a time, for the control API. */
export class EventStorms {
  private current: EventStorm | null = null;

  constructor(private readonly deps: EventStormDeps) {}

  start(options: EventStormOptions): EventStormStatus {
    if (this.current?.status().running) throw new ScenarioError('eventsPerSecond: a storm is already running; wait for it to end');
    const storm = new EventStorm(this.deps, options);
    this.current = storm;
    return storm.status();
  }

  status(): EventStormStatus | null {
    return this.current?.status() ?? null;
  }
}

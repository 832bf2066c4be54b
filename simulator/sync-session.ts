// One subscriber socket: snapshot-or-replay on subscribe, then one pump that sends each stream in seq order.
import { splitAck } from './socket-ack';
import type { Socket } from 'socket.io';
import { describeZodError } from '../shared/describe-error';
import type { EventEnvelope } from '../shared/events';
import {
  replayRequestSchema,
  subscribeRequestSchema,
  syncMessages,
  type CaughtUp,
  type SnapshotPart,
  type SubscribeAck,
} from '../shared/sync-protocol';
import type { GatewayStore } from './gateway-store';
import { erpNamespace } from './streams';

/** The most events one `events` emit carries. */
export const maxEventsPerEmit = 500;


export class SyncSession {
  /** Per subscribed stream, the last seq this socket has been sent (or told about by a snapshot). */
  private sentSeq = new Map<string, number>();

  constructor(
    private readonly socket: Socket,
    private readonly store: GatewayStore,
    private readonly namespace: string,
    private readonly servedStreams: readonly string[],
  ) {
    socket.on(syncMessages.subscribe, (...args: unknown[]) => this.subscribe(splitAck<SubscribeAck>(args)));
    socket.on(syncMessages.replay, (...args: unknown[]) => this.replay(splitAck<SubscribeAck>(args)));
  }

  wants(streams: ReadonlySet<string>): boolean {
    for (const stream of this.sentSeq.keys()) if (streams.has(stream)) return true;
    return false;
  }

  /** Sends every stored event past sentSeq, per stream, in batches; safe to call at any time. */
  pump(): void {
    if (!this.socket.connected) return;
    for (const stream of this.sentSeq.keys()) {
      for (;;) {
        const sent = this.sentSeq.get(stream) ?? 0;
        const batch = this.store.eventsAfter(stream, sent, maxEventsPerEmit);
        const first = batch[0];
        const last = batch.at(-1);
        if (!first || !last) break;
        if (first.seq !== sent + 1) {
          // Retention dropped events this socket had not been sent yet: a gap is never sent, a snapshot is.
          this.sendSnapshot();
          return;
        }
        this.socket.emit(syncMessages.events, batch satisfies EventEnvelope[]);
        this.sentSeq.set(stream, last.seq);
        if (batch.length < maxEventsPerEmit) break;
      }
    }
  }

  /** Test fault: an unstored, possibly malformed message in an `events` batch. */
  emitRaw(message: unknown): void {
    if (this.sentSeq.size > 0) this.socket.emit(syncMessages.events, [message]);
  }

  private subscribe({ message, ack }: { message: unknown; ack: ((answer: SubscribeAck) => void) | undefined }): void {
    const parsed = subscribeRequestSchema.safeParse(message);
    if (!parsed.success) return ack?.({ ok: false, error: describeZodError(parsed.error) });
    const cursors = Object.entries(parsed.data.streams);
    if (cursors.length === 0) return ack?.({ ok: false, error: 'streams: name at least one stream' });
    const unserved = cursors.map(([stream]) => stream).filter((stream) => !this.servedStreams.includes(stream));
    if (unserved.length > 0) {
      return ack?.({
        ok: false,
        error:
          `streams: ${unserved.join(', ')} not served by ${this.namespace} ` +
          `(it serves ${this.servedStreams.join(', ')})`,
      });
    }
    const { epoch } = parsed.data;
    const isNewClient = epoch === undefined ? cursors.every(([, cursor]) => cursor === 0) : epoch !== this.store.epochId();
    const snapshot = isNewClient || cursors.some(([stream, cursor]) => !this.canReplayAfter(stream, cursor));
    ack?.({ ok: true, snapshot });
    this.sentSeq = new Map(cursors);
    if (snapshot) this.sendSnapshot();
    this.pump();
    const caughtUp: CaughtUp = { streams: Object.fromEntries(this.sentSeq) };
    this.socket.emit(syncMessages.caughtUp, caughtUp);
  }

  private replay({ message, ack }: { message: unknown; ack: ((answer: SubscribeAck) => void) | undefined }): void {
    const parsed = replayRequestSchema.safeParse(message);
    if (!parsed.success) return ack?.({ ok: false, error: describeZodError(parsed.error) });
    const { stream, afterSeq } = parsed.data;
    if (!this.sentSeq.has(stream)) return ack?.({ ok: false, error: `stream: not subscribed to "${stream}"` });
    const snapshot = !this.canReplayAfter(stream, afterSeq);
    ack?.({ ok: true, snapshot });
    if (snapshot) this.sendSnapshot();
    else this.sentSeq.set(stream, afterSeq);
    this.pump();
  }

  /**
   * Replay works from a cursor whose next event is still retained. A cursor past the head means the
   * gateway's database is not the one the client synced with, so only a snapshot can be trusted.
   */
  private canReplayAfter(stream: string, cursor: number): boolean {
    return cursor >= this.store.firstRetainedSeq(stream) - 1 && cursor <= this.store.streamHead(stream);
  }

  private sendSnapshot(): void {
    const snapshot = this.store.snapshot([...this.sentSeq.keys()]);
    // Planning data is the ERP's: it follows the ERP namespace's snapshot in parts.
    const parts = this.namespace === erpNamespace ? this.store.planning.parts() : [];
    this.sentSeq = new Map(Object.entries(snapshot.streams));
    this.socket.emit(syncMessages.snapshot, { ...snapshot, planningParts: parts.length });
    parts.forEach((planning, index) => {
      const part: SnapshotPart = { part: index + 1, of: parts.length, planning };
      this.socket.emit(syncMessages.snapshotPart, part);
    });
  }
}

// How far behind the gateway a connector's streams are: each stream's head as the gateway last showed
// it (its caught-up message, its snapshot, the seq of the newest event received), and since when this
// workstation has known of the oldest event it has not applied yet. Monitor shows both beside the cursors.
import type { StreamLag } from '../../shared/api/connectors';

export function createStreamHeads(now: () => Date) {
  /** Per stream, each head heard with when: oldest first; those the cursor passed are dropped. */
  const heard = new Map<string, { seq: number; at: number }[]>();

  function saw(stream: string, seq: number): void {
    const list = heard.get(stream) ?? [];
    const last = list.at(-1);
    if (last && seq <= last.seq) return;
    list.push({ seq, at: now().getTime() });
    heard.set(stream, list);
  }

  return {
    /** A caught-up message's heads. */
    sawHeads(streams: Record<string, number>): void {
      for (const [stream, seq] of Object.entries(streams)) saw(stream, seq);
    },
    /** A snapshot's heads: they stand for what came before, lower ones too (a gateway whose log restarted numbers from 1 again). */
    resetHeads(streams: Record<string, number>): void {
      for (const [stream, seq] of Object.entries(streams)) heard.set(stream, [{ seq, at: now().getTime() }]);
    },
    /** An events message as it arrived (one envelope or several): their seqs are heads known now. */
    sawEvents(raw: unknown): void {
      for (const message of Array.isArray(raw) ? raw : [raw]) {
        if (typeof message !== 'object' || message === null) continue;
        const { stream, seq } = message as { stream?: unknown; seq?: unknown };
        if (typeof stream === 'string' && typeof seq === 'number' && Number.isInteger(seq)) saw(stream, seq);
      }
    },
    /** Each stream's cursor beside the head, the events between, and for how long it has been behind. */
    lag(cursors: Record<string, number>): StreamLag[] {
      const at = now().getTime();
      return Object.entries(cursors).map(([stream, cursor]) => {
        const list = heard.get(stream) ?? [];
        // Keep the newest always: it is the head.
        while (list.length > 1 && list[0]!.seq <= cursor) list.shift();
        const head = list.at(-1)?.seq ?? null;
        const events = head === null ? 0 : Math.max(0, head - cursor);
        const oldest = list[0];
        return { stream, cursor, head, events, seconds: events === 0 || !oldest ? 0 : Math.round((at - oldest.at) / 1000) };
      });
    },
  };
}

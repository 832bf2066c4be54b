// A connector's lag as Monitor shows it: the head the gateway last showed beside the cursor, the events
// between, and how long this workstation has known of one it has not applied.
import { describe, expect, it } from 'vitest';
import { createStreamHeads } from '../../orchestration-core/connectors/stream-heads';

describe('stream heads', () => {
  it('counts the events behind and the seconds since the first unapplied one was heard, back to 0 once applied', () => {
    let now = Date.parse('2026-12-07T08:00:00Z');
    const heads = createStreamHeads(() => new Date(now));
    expect(heads.lag({ 'mes.P1': 0 })).toEqual([{ stream: 'mes.P1', cursor: 0, head: null, events: 0, seconds: 0 }]);
    heads.sawHeads({ 'mes.P1': 0, erp: 4 });
    expect(heads.lag({ 'mes.P1': 0, erp: 4 }).map((lag) => [lag.stream, lag.head, lag.events])).toEqual([['mes.P1', 0, 0], ['erp', 4, 0]]);
    // Two events arrive (one message of two, ill-formed ones ignored); the station has applied neither.
    heads.sawEvents([{ stream: 'mes.P1', seq: 1 }, { stream: 'mes.P1', seq: 2 }, { seq: 'x' }, null]);
    expect(heads.lag({ 'mes.P1': 0 })).toEqual([{ stream: 'mes.P1', cursor: 0, head: 2, events: 2, seconds: 0 }]);
    now += 42_000;
    expect(heads.lag({ 'mes.P1': 1 })[0]).toMatchObject({ events: 1, seconds: 42 });
    // An older head heard late never moves the head back.
    heads.sawEvents({ stream: 'mes.P1', seq: 1 });
    expect(heads.lag({ 'mes.P1': 2 })[0]).toMatchObject({ head: 2, events: 0, seconds: 0 });
    // Behind since the event was heard, not since Monitor last looked.
    heads.sawEvents({ stream: 'mes.P1', seq: 3 });
    now += 5_000;
    heads.sawEvents({ stream: 'mes.P1', seq: 4 });
    now += 5_000;
    expect(heads.lag({ 'mes.P1': 2 })[0]).toMatchObject({ head: 4, events: 2, seconds: 10 });
    expect(heads.lag({ 'mes.P1': 3 })[0]).toMatchObject({ events: 1, seconds: 5 });
    // A snapshot from a gateway whose log restarted: its lower head stands.
    heads.resetHeads({ 'mes.P1': 2 });
    expect(heads.lag({ 'mes.P1': 2 })[0]).toMatchObject({ head: 2, events: 0 });
  });
});

// The gateway epoch on subscribe: a client that took this gateway's snapshot replays from its
// cursors even when they are all 0; a client from another epoch gets a snapshot.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectClient, startTestGateway, waitUntil } from './harness';

afterEach(closeAll);

describe('sync epoch', () => {
  it('sends the epoch in the snapshot and no snapshot to a client that brings it back', async () => {
    const gateway = await startTestGateway();
    const first = await connectClient(gateway.plantUrl('P1'));
    await first.subscribe({ 'qms.P1': 0, 'mes.P1': 0 });
    const [snapshot] = await waitUntil(() => (first.snapshots().length === 1 ? first.snapshots() : undefined), 'the first snapshot');
    expect(snapshot!.epoch).toMatch(/^[0-9a-f]{8}$/);
    first.close();

    const again = await connectClient(gateway.plantUrl('P1'));
    const ack = await again.subscribe({ 'qms.P1': 0, 'mes.P1': 0 });
    expect(ack).toEqual({ ok: true, snapshot: true });
    const returning = await connectClient(gateway.plantUrl('P1'));
    const returningAck = await returning.socket.timeout(5000).emitWithAck('subscribe', { streams: { 'qms.P1': 0, 'mes.P1': 0 }, epoch: snapshot!.epoch });
    expect(returningAck).toEqual({ ok: true, snapshot: false });
    const stranger = await connectClient(gateway.plantUrl('P1'));
    const strangerAck = await stranger.socket.timeout(5000).emitWithAck('subscribe', { streams: { 'qms.P1': 0, 'mes.P1': 0 }, epoch: 'deadbeef' });
    expect(strangerAck).toEqual({ ok: true, snapshot: true });
  });
});

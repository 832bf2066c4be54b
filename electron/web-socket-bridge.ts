// One renderer's WebSocket session in the plain-Node host: carries the bridge protocol of
// shared/api/bridge-protocol.ts (invoke -> result, subscribe -> event) over the same dispatcher as IPC.
import type { WebSocket, RawData } from 'ws';
import { appEventTopics, type AppEventTopic } from '../shared/api';
import { bridgeRequestSchema, type BridgeMessage } from '../shared/api/bridge-protocol';
import { describeZodError } from '../shared/describe-error';
import type { Logger } from '../orchestration-core/core-ports';
import type { Core } from '../orchestration-core/core-types';
import type { ApiDispatch } from './api-dispatch';

export interface BridgeSessionOptions {
  socket: WebSocket;
  dispatch: ApiDispatch;
  subscribe: Core['subscribe'];
  logger: Logger;
}

function isAppEventTopic(topic: string): topic is AppEventTopic {
  return (appEventTopics as readonly string[]).includes(topic);
}

/** The id a message that failed validation carries, as sent: a whole number settles the caller's promise, anything else is echoed. */
function requestIdOf(message: unknown): string | number | null {
  if (typeof message !== 'object' || message === null) return null;
  const id = (message as { id?: unknown }).id;
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

export function attachBridgeSession({ socket, dispatch, subscribe, logger }: BridgeSessionOptions): void {
  const unsubscribers = new Map<AppEventTopic, () => void>();

  function send(message: BridgeMessage): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(message), (error) => {
      if (error) logger.warn('WebSocket send failed', { error: error.message });
    });
  }

  async function onMessage(data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      logger.warn('WebSocket bridge ignored a binary message');
      send({ kind: 'refused', id: null, error: { code: 'invalid-request', message: 'the message is binary; the bridge takes JSON text' } });
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      logger.warn('WebSocket bridge ignored a message that is not JSON');
      send({ kind: 'refused', id: null, error: { code: 'invalid-request', message: 'the message is not JSON' } });
      return;
    }
    const parsed = bridgeRequestSchema.safeParse(message);
    if (!parsed.success) {
      const description = describeZodError(parsed.error);
      logger.warn('WebSocket bridge ignored a malformed request', { problem: description });
      const id = requestIdOf(message);
      if (typeof id === 'number' && Number.isInteger(id)) send({ kind: 'result', id, result: { ok: false, error: { code: 'invalid-args', message: description } } });
      // Without a whole-number id no promise can be settled: the caller still hears why.
      else send({ kind: 'refused', id, error: { code: 'invalid-request', message: description } });
      return;
    }
    const request = parsed.data;
    if (request.kind === 'invoke') {
      const result = await dispatch(request.method, request.args);
      send({ kind: 'result', id: request.id, result });
      return;
    }
    if (!isAppEventTopic(request.topic)) {
      logger.warn('WebSocket bridge ignored a subscription to an unknown topic', { topic: request.topic });
      send({ kind: 'refused', id: null, error: { code: 'invalid-request', message: `topic: ${request.topic} is not one the host pushes` } });
      return;
    }
    const topic = request.topic;
    // A renderer that re-subscribes after a reload of its store must not get every event twice.
    if (unsubscribers.has(topic)) return;
    unsubscribers.set(
      topic,
      subscribe(topic, (payload) => send({ kind: 'event', topic, payload })),
    );
  }

  socket.on('message', (data, isBinary) => {
    onMessage(data, isBinary).catch((error: unknown) => {
      logger.error('WebSocket bridge failed on a message', { error: error instanceof Error ? error.message : String(error) });
    });
  });
  socket.on('close', () => {
    for (const unsubscribe of unsubscribers.values()) unsubscribe();
    unsubscribers.clear();
  });
  socket.on('error', (error) => logger.warn('WebSocket error', { error: error.message }));
}

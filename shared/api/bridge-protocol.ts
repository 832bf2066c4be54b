// Messages of the plain-Node host's loopback WebSocket, which carries the same contract as Electron's IPC.
import { z } from 'zod';
import type { ApiResult } from './result';

// One message for every id that is not one (a string, 1.5, none): the refusal then reads "id: expected an integer".
const requestId = z.number({ error: 'expected an integer' }).int({ error: 'expected an integer' });

export const bridgeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invoke'), id: requestId, method: z.string(), args: z.unknown() }),
  z.object({ kind: z.literal('subscribe'), topic: z.string() }),
]);
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export type BridgeMessage =
  | { kind: 'result'; id: number; result: ApiResult<unknown> }
  | { kind: 'event'; topic: string; payload: unknown }
  /** A message the host could not take at all (not JSON text, no usable id, a topic it does not push): its id as sent, if any, and why. */
  | { kind: 'refused'; id: string | number | null; error: { code: 'invalid-request'; message: string } };

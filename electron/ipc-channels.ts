// Every IPC channel the main process listens on, and the one function that registers them: each
// checks that the sender is the app window's own top frame and validates its arguments before the
// handler runs, so no channel can be added that skips either (test/electron/ipc-channels.test.ts
// lists them, and fails on any `ipcMain.handle`/`ipcMain.on` elsewhere).
import type { WebFrameMain } from 'electron';
import { z } from 'zod';
import { appEventTopics, type AppEventTopic } from '../shared/api';

export const ipcChannels = {
  /** One API call: its method and arguments (the dispatcher checks the method's own schema). */
  'api:invoke': { kind: 'handle', args: z.tuple([z.string().min(1).max(100), z.unknown()]) },
  /** Subscribes the window to one of the app's event topics. */
  'api:subscribe': { kind: 'on', args: z.tuple([z.custom<AppEventTopic>((topic) => typeof topic === 'string' && (appEventTopics as readonly string[]).includes(topic), 'an app event topic')]) },
} as const;
export type IpcChannel = keyof typeof ipcChannels;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['args']>;

/** What registerIpc needs of Electron's ipcMain: the two ways a channel is listened on. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): void;
}
export interface IpcEventLike {
  senderFrame: WebFrameMain | null;
  sender: unknown;
}

export interface IpcRegistration<C extends IpcChannel> {
  channel: C;
  handler: (event: IpcEventLike, args: IpcArgs<C>) => unknown;
  /** What a refused call of a `handle` channel answers (a refused `on` message is dropped). */
  refused?: (why: string) => unknown;
}

/**
 * Registers a channel: a call from any frame but the trusted one, or with arguments its schema does
 * not take, never reaches the handler; `onRefused` hears why (for the log).
 */
export function registerIpc<C extends IpcChannel>(ipc: IpcMainLike, registration: IpcRegistration<C>, trusted: (frame: WebFrameMain | null) => boolean, onRefused: (channel: string, why: string) => void): void {
  const { channel, handler, refused } = registration;
  const spec = ipcChannels[channel];
  const guarded = (event: IpcEventLike, ...raw: unknown[]): unknown => {
    if (!trusted(event.senderFrame)) {
      onRefused(channel, `an untrusted frame (${event.senderFrame?.url ?? 'no frame'})`);
      return refused?.('calls are accepted from the app window only');
    }
    const args = spec.args.safeParse(raw);
    if (!args.success) {
      const why = `arguments: ${args.error.issues.map((issue) => `${issue.path.join('.') || 'args'}: ${issue.message}`).join('; ')}`;
      onRefused(channel, why);
      return refused?.(why);
    }
    return handler(event, args.data as IpcArgs<C>);
  };
  if (spec.kind === 'handle') ipc.handle(channel, guarded);
  else ipc.on(channel, guarded);
}

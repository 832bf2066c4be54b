// The Electron host's IPC: every channel goes through registerIpc, which refuses a frame that is not the
// app window's and arguments its schema does not take before any handler runs. The channels are listed
// here from the table and from the sources, so a channel added any other way fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { ipcChannels, registerIpc, type IpcEventLike, type IpcMainLike } from '../../electron/ipc-channels';

const repoRoot = path.resolve(import.meta.dirname, '../..');
type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** Records what is registered the way Electron's ipcMain would take it, and lets the test call it. */
function recordingIpc() {
  const listeners = new Map<string, { kind: 'handle' | 'on'; listener: Listener }>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, { kind: 'handle', listener }),
    on: (channel, listener) => void listeners.set(channel, { kind: 'on', listener }),
  };
  return { ipc, listeners };
}

const appFrame = { url: 'file:///app/index.html' } as unknown as WebFrameMain;
const otherFrame = { url: 'https://evil.example/' } as unknown as WebFrameMain;
const trusted = (frame: WebFrameMain | null) => frame === appFrame;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('IPC channels', () => {
  it('refuses a foreign frame and arguments the schema does not take, and hands the parsed ones on', () => {
    const { ipc, listeners } = recordingIpc();
    const calls: unknown[] = [];
    const refusals: string[] = [];
    registerIpc(ipc, { channel: 'api:invoke', handler: (_event, args) => (calls.push(args), 'answered'), refused: (why) => ({ refused: why }) }, trusted, (channel, why) => refusals.push(`${channel}: ${why}`));
    registerIpc(ipc, { channel: 'api:subscribe', handler: (_event, args) => void calls.push(args) }, trusted, (channel, why) => refusals.push(`${channel}: ${why}`));
    const invoke = listeners.get('api:invoke')!.listener;
    const subscribe = listeners.get('api:subscribe')!.listener;

    expect(invoke({ senderFrame: otherFrame, sender: null }, 'quarantine.list', {})).toEqual({ refused: 'calls are accepted from the app window only' });
    expect(invoke({ senderFrame: null, sender: null }, 'quarantine.list', {})).toEqual({ refused: 'calls are accepted from the app window only' });
    expect(invoke({ senderFrame: appFrame, sender: null }, 42, {})).toEqual({ refused: expect.stringMatching(/^arguments: 0: /) });
    expect(subscribe({ senderFrame: appFrame, sender: null }, 'secrets.changed')).toBeUndefined();
    expect(calls).toEqual([]);
    expect(refusals).toEqual([
      'api:invoke: an untrusted frame (https://evil.example/)',
      'api:invoke: an untrusted frame (no frame)',
      expect.stringMatching(/^api:invoke: arguments: 0: /),
      expect.stringMatching(/^api:subscribe: arguments: 0: an app event topic/),
    ]);

    expect(invoke({ senderFrame: appFrame, sender: null }, 'quarantine.list', {})).toBe('answered');
    subscribe({ senderFrame: appFrame, sender: null }, 'quarantine.rowChanged');
    expect(calls).toEqual([['quarantine.list', {}], ['quarantine.rowChanged']]);
    expect([...listeners].map(([channel, { kind }]) => [channel, kind])).toEqual(Object.entries(ipcChannels).map(([channel, spec]) => [channel, spec.kind]));
  });

  it('lists every channel: none is listened on outside registerIpc, and the preload uses only listed ones', () => {
    const sources = ['electron', 'orchestration-core', 'shared', 'renderer'].flatMap((dir) => sourceFiles(path.join(repoRoot, dir)));
    const bypassing = sources.filter((file) => /\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/.test(readFileSync(file, 'utf8')) && !file.endsWith(path.join('electron', 'ipc-channels.ts')));
    expect(bypassing.map((file) => path.relative(repoRoot, file))).toEqual([]);
    const preload = readFileSync(path.join(repoRoot, 'electron/preload.ts'), 'utf8');
    const used = [...preload.matchAll(/ipcRenderer\.(?:invoke|send)\('([^']+)'/g)].map((match) => match[1]);
    expect(used.sort()).toEqual(Object.keys(ipcChannels).sort());
  });
});

// Finds a workflow's lines in the host's log files (pino's JSON lines in the data folder's logs/): those
// whose correlationId or instanceId is the workflow's, newest files first, reading at most a set number
// of bytes, a chunk at a time, so a support person's click never stalls the app on a month of logs.
import { readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { LogLine, LogLineSource } from '../orchestration-core/core-ports';

/** What one search reads at most: the newest files, about two days of a busy workstation. */
const maxBytes = 64 * 1024 * 1024;

function logFiles(folder: string): { file: string; size: number; mtime: number }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => {
      const file = path.join(folder, name);
      // Rotated away since the folder was read: nothing to search there.
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat ? [{ file, size: stat.size, mtime: stat.mtimeMs }] : [];
    })
    .sort((a, b) => b.mtime - a.mtime || b.file.localeCompare(a.file));
}

/** Read and searched a piece at a time: the event thread is never held for a whole file. */
const chunkBytes = 4 * 1024 * 1024;

/**
 * The lines of a file's tail (up to `bytes`, from the first whole line) that `keep` takes, read in
 * chunks with the event loop running between them.
 */
async function scanTail(file: string, size: number, bytes: number, keep: (line: string) => void): Promise<number> {
  const length = Math.min(size, bytes);
  const handle = await open(file, 'r');
  try {
    let position = size - length;
    let carry = '';
    let first = position > 0;
    const buffer = Buffer.alloc(Math.min(chunkBytes, length));
    while (position < size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const text = carry + buffer.toString('utf8', 0, bytesRead);
      const lines = text.split('\n');
      carry = lines.pop() ?? '';
      // A tail that starts inside a line: that part line is not one to read.
      if (first) {
        lines.shift();
        first = false;
      }
      for (const line of lines) keep(line);
    }
    if (carry !== '') keep(carry);
    return length;
  } finally {
    await handle.close();
  }
}

function parseLine(text: string): LogLine | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { time, level, msg, pid: _pid, ...fields } = parsed as Record<string, unknown>;
  return { at: typeof time === 'string' ? time : '', level: typeof level === 'string' ? level : String(level), message: typeof msg === 'string' ? msg : '', fields };
}

export function createLogLineReader(folder: string): LogLineSource {
  return {
    folder,
    async find({ correlationId, instanceId }, limit) {
      // A cheap text test first: only lines that name the id are parsed.
      const needles = [JSON.stringify(correlationId), ...(instanceId ? [JSON.stringify(instanceId)] : [])];
      const matches = (line: LogLine) => line.fields['correlationId'] === correlationId || (instanceId !== undefined && line.fields['instanceId'] === instanceId);
      const found: LogLine[][] = [];
      let count = 0;
      let bytes = 0;
      let files = 0;
      for (const { file, size } of logFiles(folder)) {
        if (bytes >= maxBytes || count >= limit) break;
        const here: LogLine[] = [];
        try {
          bytes += await scanTail(file, size, maxBytes - bytes, (raw) => {
            if (!needles.some((needle) => raw.includes(needle))) return;
            const line = parseLine(raw);
            if (line && matches(line)) here.push(line);
          });
        } catch {
          // Rotated away while it was read: what it held is in the next file.
          continue;
        }
        files += 1;
        count += here.length;
        // Older files come later: their lines go before this file's (kept per file, joined once).
        found.push(here.slice(-limit));
      }
      return { lines: found.reverse().flat().slice(-limit), files, bytes };
    },
  };
}

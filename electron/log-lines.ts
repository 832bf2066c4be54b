// Finds a workflow's lines in the host's log files (pino's JSON lines in the data folder's logs/): those
// whose correlationId or instanceId is the workflow's, newest files first, reading at most a set number
// of bytes so a support person's click never stalls the app on a month of logs.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
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

/** The tail of a file, up to `bytes`, from the first whole line. */
function readTail(file: string, size: number, bytes: number): string {
  const length = Math.min(size, bytes);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  return length < size ? text.slice(text.indexOf('\n') + 1) : text;
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
    find({ correlationId, instanceId }, limit) {
      // A cheap text test first: only lines that name the id are parsed.
      const needles = [JSON.stringify(correlationId), ...(instanceId ? [JSON.stringify(instanceId)] : [])];
      const matches = (line: LogLine) => line.fields['correlationId'] === correlationId || (instanceId !== undefined && line.fields['instanceId'] === instanceId);
      const found: LogLine[][] = [];
      let bytes = 0;
      let files = 0;
      for (const { file, size } of logFiles(folder)) {
        if (bytes >= maxBytes || found.reduce((n, lines) => n + lines.length, 0) >= limit) break;
        const text = readTail(file, size, maxBytes - bytes);
        bytes += Buffer.byteLength(text);
        files += 1;
        const here: LogLine[] = [];
        for (const raw of text.split('\n')) {
          if (!needles.some((needle) => raw.includes(needle))) continue;
          const line = parseLine(raw);
          if (line && matches(line)) here.push(line);
        }
        // Older files come later: their lines go before this file's (kept per file, joined once).
        found.push(here.slice(-limit));
      }
      return { lines: found.reverse().flat().slice(-limit), files, bytes };
    },
  };
}

// The built renderer as the web host serves it: read into memory once at start, so a later build
// that swaps dist/renderer (or removes it) never changes or breaks what a running host serves.
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Request path inside the folder ("index.html", "assets/index-1234.js") -> content. */
export type RendererFiles = ReadonlyMap<string, Buffer>;

/** Written by build/build-renderer.ts into each build; a change while reading means a build was swapped in. */
const stampFileName = '.build-stamp';

export class NoBuiltRendererError extends Error {
  constructor(readonly rendererDir: string) {
    super(`no built renderer in ${rendererDir}: run "npm run build:renderer" first`);
    this.name = 'NoBuiltRendererError';
  }
}

async function stampOf(rendererDir: string): Promise<string | null> {
  return readFile(path.join(rendererDir, stampFileName), 'utf8').catch(() => null);
}

/** Every regular file under the folder; dot-named entries (the stamp) and symlinks are left out. */
async function readAll(rendererDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries: Dirent[] = await readdir(rendererDir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    const relative = path.relative(rendererDir, path.join(entry.parentPath, entry.name));
    const parts = relative.split(path.sep);
    if (!entry.isFile() || parts.some((part) => part.startsWith('.'))) continue;
    files.set(parts.join('/'), await readFile(path.join(rendererDir, relative)));
  }
  return files;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export interface ReadRendererOptions {
  /** A build being swapped in leaves the folder missing for an instant: try again this many times. */
  attempts?: number;
  retryMs?: number;
}

/**
 * Reads the built renderer, whole and from one build: the stamp read before and after must agree and
 * index.html must be there, else it reads again (bounded). Throws NoBuiltRendererError when there is none.
 */
export async function readRendererFiles(rendererDir: string, options: ReadRendererOptions = {}): Promise<RendererFiles> {
  const attempts = options.attempts ?? 50;
  const retryMs = options.retryMs ?? 100;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const before = await stampOf(rendererDir);
      const files = await readAll(rendererDir);
      if (files.has('index.html') && (await stampOf(rendererDir)) === before) return files;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    if (attempt < attempts) await sleep(retryMs);
  }
  throw new NoBuiltRendererError(rendererDir);
}

// Serves the built renderer from one folder: GET and HEAD only, known content types, index.html for
// "/", and nothing outside the folder however the path is spelled (.., %2e%2e, %2f, backslashes, NUL).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFileOptions {
  rendererDir: string;
  /** Headers added to HTML responses (the CSP). */
  htmlHeaders: Record<string, string>;
}

/** Maps a request path to a file inside the root, or null when it would leave it or is malformed. */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}

export function createStaticFileHandler(options: StaticFileOptions) {
  const root = path.resolve(options.rendererDir);
  // Symlinks inside the folder must not lead out of it either, so compare real paths too.
  const realRoot = realpath(root).catch(() => root);

  return async function serveStaticFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const requestPath = (request.url ?? '/').split('?')[0] ?? '/';
    const filePath = resolveStaticPath(root, requestPath);
    if (!filePath) {
      sendText(response, 404, 'Not found');
      return;
    }
    const found = await stat(filePath).catch(() => null);
    const realFile = found?.isFile() ? await realpath(filePath).catch(() => null) : null;
    if (!found?.isFile() || !realFile || !realFile.startsWith((await realRoot) + path.sep)) {
      sendText(response, 404, 'Not found');
      return;
    }
    const extension = path.extname(filePath).toLowerCase();
    const isHtml = extension === '.html';
    response.writeHead(200, {
      'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
      'Content-Length': String(found.size),
      'X-Content-Type-Options': 'nosniff',
      // The page URL carries the launch token: never leak it through a Referer header.
      'Referrer-Policy': 'no-referrer',
      // Vite puts content-hashed names under assets/; everything else (index.html first) is revalidated.
      'Cache-Control': requestPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(isHtml ? options.htmlHeaders : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(filePath)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}

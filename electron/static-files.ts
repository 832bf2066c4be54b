// Serves the built renderer from memory (see renderer-files.ts): GET and HEAD only, known content
// types, index.html for "/", and only the files of the build, however the path is spelled (.., %2e%2e,
// %2f, backslashes, NUL).
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { RendererFiles } from './renderer-files';

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
  files: RendererFiles;
  /** Headers added to HTML responses (the CSP). */
  htmlHeaders: Record<string, string>;
}

/** Maps a request path to the name of a file of the build ("assets/x.js"), or null when it would leave the folder or is malformed. */
export function staticFileName(requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const normalized = path.posix.normalize(relative);
  return normalized === '..' || normalized.startsWith('../') || path.posix.isAbsolute(normalized) ? null : normalized;
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}

export function createStaticFileHandler(options: StaticFileOptions) {
  return function serveStaticFile(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const requestPath = (request.url ?? '/').split('?')[0] ?? '/';
    const name = staticFileName(requestPath);
    const body = name === null ? undefined : options.files.get(name);
    if (name === null || body === undefined) {
      sendText(response, 404, 'Not found');
      return;
    }
    const extension = path.posix.extname(name).toLowerCase();
    response.writeHead(200, {
      'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      // The page URL carries the launch token: never leak it through a Referer header.
      'Referrer-Policy': 'no-referrer',
      // Vite puts content-hashed names under assets/; everything else (index.html first) is revalidated.
      'Cache-Control': name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(extension === '.html' ? options.htmlHeaders : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

// The renderer's Content-Security-Policy, one text for both hosts. AG Grid's theming API injects
// <style> elements, hence 'unsafe-inline' for styles only; its icons are data: URLs.
// renderer/index.html carries the same policy in a <meta> tag for file:// loads in Electron: keep them in step.
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** `connectSources` adds the web host's own WebSocket origin, which older browsers do not count as 'self'. */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [...directives, ["connect-src 'self'", ...connectSources].join(' ')].join('; ');
}

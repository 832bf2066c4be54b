// A gateway's ERP namespace from the address a person gives: the base URL (http://127.0.0.1:4100)
// gets /erp; a URL with a path is taken as the namespace it names. The CLI and the connection test
// read addresses alike, each saying what is wrong in its own words.
export type GatewayAddress = { ok: true; url: string } | { ok: false; problem: 'not-a-url' | 'not-http' };

export function erpNamespaceOf(given: string): GatewayAddress {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'not-http' };
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/erp';
  return { ok: true, url: url.toString().replace(/\/$/, '') };
}

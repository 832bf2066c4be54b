// The one place the renderer reaches the browser's Web Storage: this window's session storage, which
// lives as long as the window (a reload keeps it, another window has its own). Slices take it as an
// argument, so tests hand in a map.

/** The part of the Web Storage API the slices use. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** This window's session storage; null where the browser refuses storage (a privacy setting, an opaque origin). */
export function windowSessionStorage(scope: { readonly sessionStorage?: KeyValueStorage } = globalThis): KeyValueStorage | null {
  try {
    return scope.sessionStorage ?? null;
  } catch {
    return null;
  }
}

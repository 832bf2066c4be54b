// The window's density choice is kept in the window's session storage: a reload of the window keeps
// it, another window (its own session storage) starts from the settings, and a browser that refuses
// storage still gets a working toggle.
import { afterEach, describe, expect, it } from 'vitest';
import { createDensityStore, densityStorageKey } from '../../renderer/state/density-slice';
import { windowSessionStorage, type KeyValueStorage } from '../../renderer/state/window-storage';

const memoryStorage = (): KeyValueStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
};

/** A browser window's two storages, as globals the way a page has them. */
function openWindow() {
  const session = memoryStorage();
  const local = memoryStorage();
  Object.assign(globalThis, { sessionStorage: session, localStorage: local });
  return { session, local };
}

afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the window’s density', () => {
  it('is kept in the window’s session storage, so a reload keeps it and the origin’s other windows do not get it', () => {
    const { session, local } = openWindow();
    createDensityStore().getState().chosen('touch');
    expect(session.items.get(densityStorageKey)).toBe('touch');
    expect(local.items.size).toBe(0);
    // The window reloads: a new store over the same session storage.
    expect(createDensityStore().getState().override).toBe('touch');
    // Another window of the origin: its own session storage, the same local storage.
    Object.assign(globalThis, { sessionStorage: memoryStorage() });
    expect(createDensityStore().getState().override).toBeNull();
  });

  it('works without storage when the browser refuses it', () => {
    const refusing = Object.defineProperty({}, 'sessionStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(windowSessionStorage(refusing)).toBeNull();
    expect(windowSessionStorage({})).toBeNull();
    const store = createDensityStore(null);
    store.getState().chosen('touch');
    expect(store.getState().override).toBe('touch');
  });
});

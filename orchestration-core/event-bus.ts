// Typed publish/subscribe for what the core pushes to the renderer (AppEvents).
import type { AppEvents, AppEventTopic } from '../shared/api';

export function createEventBus() {
  const listeners = new Map<AppEventTopic, Set<(payload: never) => void>>();
  return {
    subscribe<T extends AppEventTopic>(topic: T, listener: (payload: AppEvents[T]) => void): () => void {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(topic, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    publish<T extends AppEventTopic>(topic: T, payload: AppEvents[T]): void {
      for (const listener of listeners.get(topic) ?? []) {
        (listener as (payload: AppEvents[T]) => void)(payload);
      }
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;

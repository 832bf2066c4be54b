// Loads a domain's state and follows its pushed events without losing or misordering any: events that
// arrive while a load is in flight are held and applied after it, in order. Each event carries the
// whole current entity, so replaying one the load already reflects changes nothing.
import type { AppEvents, AppEventTopic } from '../../shared/api';

export interface FollowTopicOptions<T extends AppEventTopic, V> {
  subscribe(topic: T, handler: (payload: AppEvents[T]) => void): () => void;
  topic: T;
  load(): Promise<V>;
  applyLoaded(value: V): void;
  applyEvent(payload: AppEvents[T]): void;
  loadFailed(message: string): void;
}

export interface FollowedTopic {
  /** Loads again (after a reconnect); a newer reload makes an older one's answer void. */
  reload(): Promise<void>;
  stop(): void;
}

export function followTopic<T extends AppEventTopic, V>(options: FollowTopicOptions<T, V>): FollowedTopic {
  let held: AppEvents[T][] | null = null;
  let generation = 0;
  const stop = options.subscribe(options.topic, (payload) => {
    if (held) held.push(payload);
    else options.applyEvent(payload);
  });

  async function reload(): Promise<void> {
    const mine = ++generation;
    held ??= [];
    try {
      const value = await options.load();
      if (mine !== generation) return;
      options.applyLoaded(value);
    } catch (error) {
      if (mine !== generation) return;
      options.loadFailed(error instanceof Error ? error.message : String(error));
    }
    const pending = held ?? [];
    held = null;
    for (const payload of pending) options.applyEvent(payload);
  }

  return { reload, stop };
}

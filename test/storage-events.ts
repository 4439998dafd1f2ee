/**
 * What another page hears of storage: the `storage` events Chromium tells a page of another
 * document's writes by, kept or handed in by the test.
 */
import { memoryStorage } from './render-app';

/** Storage that keeps each write under `key` as the storage event another page would be told of it by. */
export function recordingStorage(key: string) {
  const storage = memoryStorage();
  const events: Partial<StorageEvent>[] = [];
  const setItem = storage.setItem;
  storage.setItem = (k, v) => {
    if (k === key) events.push({ key: k, oldValue: storage.data[k] ?? null, newValue: v });
    return setItem(k, v);
  };
  return Object.assign(storage, { events });
}

/** A window for watchOtherTabs to listen on, and `hear`, which tells its listeners of an event. */
export function storageEvents(): {
  target: Pick<Window, 'addEventListener'>;
  hear: (e: Partial<StorageEvent>) => void;
} {
  const listeners: ((e: StorageEvent) => void)[] = [];
  return {
    target: { addEventListener: (_: string, f: never) => listeners.push(f) } as never,
    hear: (e) => {
      for (const f of listeners) f(e as StorageEvent);
    },
  };
}

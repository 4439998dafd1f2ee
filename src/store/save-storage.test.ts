import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage } from '../../test/render-app';
import { recordingStorage, storageEvents } from '../../test/storage-events';
import { load } from '../scenario/load';
import { createAppStore, STORAGE_KEY } from './app-store';
import { watchOtherTabs } from './other-tabs';
import { SAVE_VERSION } from './saved-state';

function storeOn(storage: ReturnType<typeof memoryStorage> | null) {
  const store = createAppStore({ now: () => 1000, newSeed: () => 7, storage });
  store.getState().addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(uiDrill)) }]);
  return store;
}

const play = (store: ReturnType<typeof storeOn>) => {
  store.getState().startRun('ui-drill');
  store.getState().beginDecisions();
  store.getState().decide('report');
};

describe('saving progress when storage misbehaves', () => {
  it('starts afresh on a save that is not JSON, says so, keeps the old text for export, and saves again', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{"state": {"run": ' });
    const store = storeOn(storage);
    expect(store.health.getState().problem).toEqual({ kind: 'corrupt', raw: '{"state": {"run": ' });
    play(store);
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.run.decisions).toHaveLength(1);
  });

  it('never reads nor overwrites a save from a newer version, and keeps working in memory', () => {
    const newer = JSON.stringify({ state: { run: { future: true } }, version: SAVE_VERSION + 1 });
    const storage = memoryStorage({ [STORAGE_KEY]: newer });
    const store = storeOn(storage);
    expect(store.health.getState().problem).toEqual({ kind: 'newer', raw: newer, version: SAVE_VERSION + 1 });
    play(store);
    expect(store.getState().run?.decisions).toHaveLength(1);
    expect(storage.data[STORAGE_KEY]).toBe(newer);
  });

  it('keeps playing in memory when storage is full, says so, and says no more once a save fits again', () => {
    const storage = memoryStorage();
    let full = false;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      return setItem(k, v);
    };
    const store = storeOn(storage);
    full = true;
    expect(() => play(store)).not.toThrow();
    expect(store.getState().run?.decisions).toHaveLength(1);
    expect(store.health.getState().problem).toEqual({ kind: 'full' });
    full = false;
    store.getState().proceed();
    expect(store.health.getState().problem).toBeNull();
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.run.decisions).toHaveLength(1);
  });

  it('works in memory when the browser gives no storage, or storage throws on reading', () => {
    const none = storeOn(null);
    expect(none.health.getState().problem).toEqual({ kind: 'unavailable' });
    expect(() => play(none)).not.toThrow();

    const throwing = memoryStorage();
    throwing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const denied = storeOn(throwing);
    expect(denied.health.getState()).toMatchObject({ problem: { kind: 'unavailable' }, writable: false });
    expect(() => play(denied)).not.toThrow();
  });

  it('drops a malformed run but keeps the settings, and names what it dropped', () => {
    const storage = memoryStorage({
      [STORAGE_KEY]: JSON.stringify({
        state: { run: { view: 'nowhere' }, settings: { textSize: 'large' } },
        version: SAVE_VERSION,
      }),
    });
    const store = storeOn(storage);
    expect(store.getState().settings.textSize).toBe('large');
    expect(store.health.getState().problem).toMatchObject({ kind: 'partly-dropped', dropped: ['上次的演练进度'] });
  });

  function watched(store: ReturnType<typeof storeOn>, resync = () => {}) {
    const listeners: ((e: StorageEvent) => void)[] = [];
    watchOtherTabs(
      { addEventListener: (_: string, f: never) => listeners.push(f) } as never,
      STORAGE_KEY,
      store.health,
      resync,
    );
    return (e: Partial<StorageEvent>) => {
      for (const f of listeners) f(e as StorageEvent);
    };
  }

  it('takes up another tab’s save when this tab had nothing unsaved, and goes on saving', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    let resynced = 0;
    const fire = watched(store, () => resynced++);
    play(store);
    const ours = storage.data[STORAGE_KEY] ?? '';
    const theirs = JSON.stringify({ state: { run: null }, version: SAVE_VERSION });
    fire({ key: STORAGE_KEY, oldValue: ours, newValue: theirs });
    expect(resynced).toBe(1);
    expect(store.health.getState()).toMatchObject({ problem: { kind: 'synced' }, writable: true, lastWritten: theirs });
  });

  it('stops writing when the two tabs have diverged, so neither overwrites the other silently', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    let resynced = 0;
    const fire = watched(store, () => resynced++);
    play(store);
    const theirs = JSON.stringify({ state: { run: null }, version: SAVE_VERSION });
    storage.data[STORAGE_KEY] = theirs;
    // The other tab started from something this tab never wrote: both have progress of their own.
    fire({ key: STORAGE_KEY, oldValue: 'something older', newValue: theirs });
    expect(resynced).toBe(0);
    expect(store.health.getState()).toMatchObject({ problem: { kind: 'other-tab' }, writable: false });
    store.getState().proceed();
    expect(storage.data[STORAGE_KEY]).toBe(theirs);
  });

  it('ignores other keys, and a write of what this tab already has', () => {
    const store = storeOn(memoryStorage());
    const fire = watched(store);
    play(store);
    fire({ key: 'something-else', oldValue: 'a', newValue: 'b' });
    fire({ key: STORAGE_KEY, oldValue: 'x', newValue: store.health.getState().lastWritten });
    expect(store.health.getState()).toMatchObject({ problem: null, writable: true });
  });

  it('keeps a corrupt save beside the new one before overwriting it', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'garbage' });
    const store = storeOn(storage);
    play(store);
    expect(storage.data[`${STORAGE_KEY}:set-aside`]).toBe('garbage');
  });

  it('leaves out the drill copy a run keeps when only that does not fit', () => {
    const storage = memoryStorage();
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      // Room for everything but the drill copy.
      if (v.includes('"played"')) throw new DOMException('quota', 'QuotaExceededError');
      return setItem(k, v);
    };
    const store = storeOn(storage);
    play(store);
    const saved = JSON.parse(storage.data[STORAGE_KEY] ?? '');
    expect(saved.state.run.decisions).toHaveLength(1);
    expect(saved.state.run.played).toBeUndefined();
    expect(store.health.getState().problem).toBeNull();
  });
});

describe('a save held back until after the next paint', () => {
  function heldStore(storage: ReturnType<typeof memoryStorage>) {
    const writes: (() => void)[] = [];
    const store = createAppStore({ now: () => 1000, newSeed: () => 7, storage, saveLater: (w) => writes.push(w) });
    store.getState().addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(uiDrill)) }]);
    return { store, writes };
  }
  const savedDecisions = (storage: ReturnType<typeof memoryStorage>) =>
    JSON.parse(storage.data[STORAGE_KEY] ?? '{"state":{"run":null}}').state.run?.decisions?.length ?? null;

  it('writes nothing during the change, then the latest state once, however many changes came', () => {
    const storage = memoryStorage();
    let setItems = 0;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      setItems++;
      return setItem(k, v);
    };
    const { store, writes } = heldStore(storage);
    play(store);
    store.getState().proceed();
    expect(setItems).toBe(0);
    expect(store.savePending()).toBe(true);
    expect(writes).toHaveLength(1);
    writes[0]?.();
    expect(setItems).toBe(1);
    expect(savedDecisions(storage)).toBe(1);
    expect(store.savePending()).toBe(false);
    // A later change is held again, and written by its own call.
    store.getState().decide('publish');
    expect(writes).toHaveLength(2);
    expect(savedDecisions(storage)).toBe(1);
    writes[1]?.();
    expect(savedDecisions(storage)).toBe(2);
  });

  it('writes what is held at once when the page goes (flushSaves), and the scheduled call then writes nothing', () => {
    const storage = memoryStorage();
    const { store, writes } = heldStore(storage);
    play(store);
    store.flushSaves();
    expect(savedDecisions(storage)).toBe(1);
    const text = storage.data[STORAGE_KEY];
    writes[0]?.();
    expect(storage.data[STORAGE_KEY]).toBe(text);
  });

  it('treats another tab’s save as diverged while a change of this tab is held, and never overwrites it', () => {
    const storage = memoryStorage();
    const { store, writes } = heldStore(storage);
    const listeners: ((e: StorageEvent) => void)[] = [];
    let resynced = 0;
    watchOtherTabs(
      { addEventListener: (_: string, f: never) => listeners.push(f) } as never,
      STORAGE_KEY,
      store.health,
      () => resynced++,
      undefined,
      undefined,
      store.savePending,
    );
    play(store);
    writes[0]?.();
    const ours = storage.data[STORAGE_KEY] ?? '';
    store.getState().proceed();
    const theirs = JSON.stringify({ state: { run: null }, version: SAVE_VERSION });
    storage.data[STORAGE_KEY] = theirs;
    for (const f of listeners) f({ key: STORAGE_KEY, oldValue: ours, newValue: theirs } as StorageEvent);
    expect(resynced).toBe(0);
    expect(store.health.getState()).toMatchObject({ problem: { kind: 'other-tab' }, writable: false });
    writes[1]?.();
    expect(storage.data[STORAGE_KEY]).toBe(theirs);
  });
});

describe('a reload at once: the page before’s writes, reported late', () => {
  /** A page opened on `storage` as main.tsx opens one: its save held until after the paint, other tabs watched. */
  function page(storage: ReturnType<typeof memoryStorage>) {
    const writes: (() => void)[] = [];
    const store = createAppStore({ now: () => 1000, newSeed: () => 7, storage, saveLater: (w) => writes.push(w) });
    store.getState().addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(uiDrill)) }]);
    const { target, hear } = storageEvents();
    let resynced = 0;
    watchOtherTabs(
      target,
      STORAGE_KEY,
      store.health,
      () => {
        resynced++;
        void store.persist.rehydrate();
      },
      undefined,
      undefined,
      store.savePending,
    );
    const paint = () => {
      for (const w of writes.splice(0)) w();
    };
    return { store, hear, paint, resynced: () => resynced };
  }
  const decisions = (storage: ReturnType<typeof memoryStorage>) =>
    JSON.parse(storage.data[STORAGE_KEY] ?? '{"state":{"run":null}}').state.run?.decisions?.length ?? null;

  it('takes them for this tab’s own past, not another tab’s progress: nothing said, and saving goes on', () => {
    const storage = recordingStorage(STORAGE_KEY);
    // The page before: a decision saved after its paint, then 继续 and the reload, its change written as it goes.
    const before = page(storage);
    play(before.store);
    before.paint();
    before.store.getState().proceed();
    before.store.flushSaves();
    const told = storage.events.splice(0);
    expect(told.length).toBeGreaterThan(1);
    // The new page read the last of them; its first save is still held when Chromium tells it of them all.
    const after = page(storage);
    expect(after.store.getState().run?.view).toBe('decision');
    expect(after.store.savePending()).toBe(true);
    for (const e of told) after.hear(e);
    expect(after.store.health.getState()).toMatchObject({ problem: null, writable: true });
    expect(after.resynced()).toBe(0);
    // The trainee goes on, and it is saved.
    after.paint();
    after.store.getState().decide('publish');
    after.paint();
    expect(decisions(storage)).toBe(2);
  });

  it('writes nothing for a page that only opened the save, so that another tab has no news to hear', () => {
    const storage = recordingStorage(STORAGE_KEY);
    const first = page(storage);
    play(first.store);
    first.paint();
    storage.events.length = 0;
    const second = page(storage);
    second.paint();
    expect(storage.events).toHaveLength(0);
    second.store.getState().proceed();
    second.paint();
    expect(storage.events).toHaveLength(1);
  });

  it('still hears a later write of the page it read as another tab’s: taken up, or, with a change of its own held, diverged', () => {
    const storage = recordingStorage(STORAGE_KEY);
    const other = page(storage);
    play(other.store);
    other.paint();
    const idle = page(storage);
    const busy = page(storage);
    idle.paint();
    busy.paint();
    // The page this one read goes on in its own tab, while this one has a change of its own held.
    busy.store.getState().proceed();
    storage.events.length = 0;
    other.store.getState().proceed();
    other.paint();
    const [theirs] = storage.events;
    expect(theirs).toBeDefined();
    idle.hear(theirs as Partial<StorageEvent>);
    expect(idle.store.health.getState()).toMatchObject({ problem: { kind: 'synced' }, writable: true });
    expect(idle.resynced()).toBe(1);
    busy.hear(theirs as Partial<StorageEvent>);
    expect(busy.store.health.getState()).toMatchObject({ problem: { kind: 'other-tab' }, writable: false });
    busy.paint();
    expect(storage.data[STORAGE_KEY]).toBe(theirs?.newValue);
  });
});

describe('migrations', () => {
  it('bring a version-1 save to this version by its named steps, and the next write is of this version', () => {
    const v1 = { run: null, settings: { textSize: 'large' }, imports: [], page: 'authoring' };
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ state: v1, version: 1 }) });
    const store = storeOn(storage);
    expect(store.getState().settings.textSize).toBe('large');
    expect(store.getState().page).toBe('library');
    const written = JSON.parse(storage.data[STORAGE_KEY] ?? '');
    expect(written.version).toBe(SAVE_VERSION);
    expect(written.state.page).toBeUndefined();
  });
});

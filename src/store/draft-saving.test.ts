import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage } from '../../test/render-app';
import { recordingStorage, storageEvents } from '../../test/storage-events';
import { load } from '../scenario/load';
import { createAppStore, DRAFT_KEY, STORAGE_KEY } from './app-store';
import { watchOtherTabs } from './other-tabs';
import { DRAFT_WRITE_DELAY_MS } from './save-storage';
import { readDraftText, SAVE_VERSION } from './saved-state';

/** Storage that counts the writes to each key. */
function countingStorage(initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const writes: Record<string, number> = {};
  const setItem = storage.setItem;
  storage.setItem = (k, v) => {
    writes[k] = (writes[k] ?? 0) + 1;
    return setItem(k, v);
  };
  return Object.assign(storage, { writes });
}

function storeOn(storage: ReturnType<typeof memoryStorage>) {
  const store = createAppStore({ now: () => 1000, newSeed: () => 7, storage });
  store.getState().addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(uiDrill)) }]);
  return store;
}

const bigDraft = (n: number) => `${JSON.stringify(uiDrill)}${' '.repeat(n)}`;

describe('the authoring draft, saved apart from the run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('typing in the draft never writes the run’s key; the draft is written once typing pauses', () => {
    const storage = countingStorage();
    const store = storeOn(storage);
    store.getState().startRun('ui-drill');
    store.getState().openDraft({ file: 'big.json', text: bigDraft(1_000_000) });
    const runWrites = storage.writes[STORAGE_KEY] ?? 0;
    for (let i = 0; i < 50; i++) store.getState().editDraft(bigDraft(1_000_000 + i));
    expect(storage.writes[STORAGE_KEY] ?? 0).toBe(runWrites);
    expect(storage.writes[DRAFT_KEY]).toBeUndefined();
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(storage.writes[DRAFT_KEY]).toBe(1);
    expect(JSON.parse(storage.data[DRAFT_KEY] ?? '')).toEqual({
      file: 'big.json',
      text: bigDraft(1_000_049),
      dirty: true,
      writer: { page: expect.any(String), seq: 1 },
    });
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.draft).toBeUndefined();
  });

  it('reads the draft back from its own key after a reload', () => {
    const storage = memoryStorage();
    const first = storeOn(storage);
    first.getState().openDraft({ file: 'a.json', text: 'x' });
    first.getState().editDraft('xy');
    first.drafts.flush();
    const again = storeOn(storage);
    expect(again.getState().draft).toEqual({ file: 'a.json', text: 'xy', dirty: true });
  });

  it('moves the draft out of a version-2 save into its own key, and writes the save again without it', () => {
    const draft = { file: 'old.json', text: 'draft text', dirty: true };
    const v2 = { run: null, settings: { textSize: 'large' }, imports: [], draft };
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ state: v2, version: 2 }) });
    const store = storeOn(storage);
    expect(store.getState().draft).toEqual(draft);
    expect(JSON.parse(storage.data[DRAFT_KEY] ?? '')).toEqual({
      ...draft,
      writer: { page: expect.any(String), seq: 1 },
    });
    const saved = JSON.parse(storage.data[STORAGE_KEY] ?? '');
    expect(saved.version).toBe(SAVE_VERSION);
    expect(saved.state.draft).toBeUndefined();
    expect(saved.state.settings.textSize).toBe('large');
    expect(store.health.getState().problem).toBeNull();
  });

  it('says so when the draft does not fit, never loses the run, and says no more once it fits', () => {
    const storage = memoryStorage();
    let room = Number.POSITIVE_INFINITY;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      if (v.length > room) throw new DOMException('quota', 'QuotaExceededError');
      return setItem(k, v);
    };
    const store = storeOn(storage);
    room = 100_000;
    store.getState().openDraft({ file: 'big.json', text: bigDraft(200_000) });
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(store.health.getState().problem).toEqual({ kind: 'full' });
    // The run is saved all the same, and its save fitting does not hide that the draft did not.
    store.getState().startRun('ui-drill');
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.run.scenarioId).toBe('ui-drill');
    expect(store.health.getState().problem).toEqual({ kind: 'full' });
    store.getState().editDraft('short');
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(store.health.getState().problem).toBeNull();
    expect(JSON.parse(storage.data[DRAFT_KEY] ?? '').text).toBe('short');
  });

  it('writes a draft typed a moment ago when asked to (the page going away)', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    store.getState().openDraft({ file: 'a.json', text: 'typed' });
    expect(storage.data[DRAFT_KEY]).toBeUndefined();
    store.drafts.flush();
    expect(JSON.parse(storage.data[DRAFT_KEY] ?? '').text).toBe('typed');
  });

  function watched(store: ReturnType<typeof storeOn>) {
    const listeners: ((e: StorageEvent) => void)[] = [];
    watchOtherTabs(
      { addEventListener: (_: string, f: never) => listeners.push(f) } as never,
      STORAGE_KEY,
      store.health,
      () => {},
      undefined,
      { key: DRAFT_KEY, pending: store.drafts.pending, resync: store.reloadDraft },
    );
    return (e: Partial<StorageEvent>) => {
      for (const f of listeners) f(e as StorageEvent);
    };
  }

  it('takes up the draft another tab wrote when this tab had nothing unwritten', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    store.getState().openDraft({ file: 'a.json', text: 'ours' });
    store.drafts.flush();
    const ours = storage.data[DRAFT_KEY] ?? '';
    const theirs = JSON.stringify({ file: 'a.json', text: 'theirs', dirty: true });
    storage.data[DRAFT_KEY] = theirs;
    watched(store)({ key: DRAFT_KEY, oldValue: ours, newValue: theirs });
    expect(store.getState().draft?.text).toBe('theirs');
    expect(store.health.getState()).toMatchObject({ problem: { kind: 'synced' }, writable: true });
  });

  it('stops writing when this tab has typed something the other tab’s draft does not have', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    store.getState().openDraft({ file: 'a.json', text: 'ours' });
    store.drafts.flush();
    const ours = storage.data[DRAFT_KEY] ?? '';
    store.getState().editDraft('ours, typed on');
    const theirs = JSON.stringify({ file: 'a.json', text: 'theirs', dirty: true });
    storage.data[DRAFT_KEY] = theirs;
    watched(store)({ key: DRAFT_KEY, oldValue: ours, newValue: theirs });
    expect(store.health.getState()).toMatchObject({ problem: { kind: 'other-tab' }, writable: false });
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(storage.data[DRAFT_KEY]).toBe(theirs);
    expect(store.getState().draft?.text).toBe('ours, typed on');
  });
});

describe('a reload at once: the page before’s drafts, reported late', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A page opened on `storage`, other tabs watched as main.tsx watches them. */
  function page(storage: ReturnType<typeof memoryStorage>) {
    const store = storeOn(storage);
    const { target, hear } = storageEvents();
    watchOtherTabs(
      target,
      STORAGE_KEY,
      store.health,
      () => {},
      undefined,
      { key: DRAFT_KEY, pending: store.drafts.pending, resync: store.reloadDraft },
      store.savePending,
    );
    return { store, hear };
  }
  const draftIn = (storage: ReturnType<typeof memoryStorage>) => readDraftText(storage.data[DRAFT_KEY] ?? null);

  it('takes them for this tab’s own past, not another tab’s draft: nothing said, and the draft and the run are saved', () => {
    const storage = recordingStorage(DRAFT_KEY);
    // The page before: typing, a pause (the draft written), more typing and the reload (written on pagehide).
    const before = page(storage);
    before.store.getState().openDraft({ file: 'a.json', text: 'a' });
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    before.store.getState().editDraft('ab');
    before.store.drafts.flush();
    const told = storage.events.splice(0);
    expect(told).toHaveLength(2);
    // The new page read the last of them before Chromium tells it of them all.
    const after = page(storage);
    expect(after.store.getState().draft).toEqual({ file: 'a.json', text: 'ab', dirty: true });
    for (const e of told) after.hear(e);
    expect(after.store.health.getState()).toMatchObject({ problem: null, writable: true });
    expect(after.store.getState().draft?.text).toBe('ab');
    // The instructor types on, and the trainee's run is saved too.
    after.store.getState().editDraft('abc');
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(draftIn(storage)?.text).toBe('abc');
    after.store.getState().startRun('ui-drill');
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.run.scenarioId).toBe('ui-drill');
  });

  it('still hears a later draft of the page it read as another tab’s: taken up, or, with typing of its own held, diverged', () => {
    const storage = recordingStorage(DRAFT_KEY);
    const other = page(storage);
    other.store.getState().openDraft({ file: 'a.json', text: 'read' });
    other.store.drafts.flush();
    const idle = page(storage);
    const busy = page(storage);
    busy.store.getState().editDraft('read, typed on here');
    storage.events.length = 0;
    // The page both read goes on in its own tab.
    other.store.getState().editDraft('theirs');
    other.store.drafts.flush();
    const [theirs] = storage.events;
    expect(theirs).toBeDefined();
    idle.hear(theirs as Partial<StorageEvent>);
    expect(idle.store.health.getState()).toMatchObject({ problem: { kind: 'synced' }, writable: true });
    expect(idle.store.getState().draft?.text).toBe('theirs');
    busy.hear(theirs as Partial<StorageEvent>);
    expect(busy.store.health.getState()).toMatchObject({ problem: { kind: 'other-tab' }, writable: false });
    vi.advanceTimersByTime(DRAFT_WRITE_DELAY_MS);
    expect(storage.data[DRAFT_KEY]).toBe(theirs?.newValue);
    expect(busy.store.getState().draft?.text).toBe('read, typed on here');
  });

  it('reads a draft written before drafts carried their writer, and writes it on with one', () => {
    const draft = { file: 'old.json', text: 'draft text', dirty: true };
    const storage = memoryStorage({ [DRAFT_KEY]: JSON.stringify(draft) });
    const store = storeOn(storage);
    expect(store.getState().draft).toEqual(draft);
    expect(store.health.getState().problem).toBeNull();
    store.getState().editDraft('draft text, typed on');
    store.drafts.flush();
    expect(JSON.parse(storage.data[DRAFT_KEY] ?? '')).toEqual({
      ...draft,
      text: 'draft text, typed on',
      writer: { page: expect.any(String), seq: 1 },
    });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage } from '../../test/render-app';
import * as checker from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { CheckedDrill, IndexedFile } from './app-state';
import { createAppStore, STORAGE_KEY } from './app-store';
import { drillCard } from './library-slice';
import { loadLibrary } from './load-library';
import { selectRunAvailability } from './selectors';

const shipped = (drill: object) => async () => [{ file: 'ui-drill.json', result: checker.load(JSON.stringify(drill)) }];

function storeOn(storage = memoryStorage()) {
  return createAppStore({ now: () => 1000, newSeed: () => 7, storage });
}

describe('loadLibrary', () => {
  it('fetches the checker only when a saved file needs it', async () => {
    const store = storeOn();
    const fetchChecker = vi.fn(async () => checker);
    await loadLibrary(store, shipped(uiDrill), fetchChecker);
    expect(fetchChecker).not.toHaveBeenCalled();
    expect(store.getState().library.status).toBe('ready');
  });

  it('fills the library before it returns when the index is at hand and nothing saved needs checking', () => {
    const store = storeOn();
    const index = [{ file: 'ui-drill.json', result: checker.load(JSON.stringify(uiDrill)) }];
    void loadLibrary(
      store,
      () => index,
      async () => checker,
    );
    // No await: the first render already has the cards.
    expect(store.getState().library.status).toBe('ready');
    expect(Object.keys(store.getState().library.entries)).toEqual(['ui-drill']);
  });

  it('says so when the index cannot be had, and keeps the app going', async () => {
    const store = storeOn();
    await loadLibrary(
      store,
      () => {
        throw new Error('索引坏了');
      },
      async () => checker,
    );
    expect(store.getState().library).toMatchObject({ status: 'failed', failure: '索引坏了' });
  });

  it('loads the version a finished run was played on when the drill has changed, for its debrief', async () => {
    const storage = memoryStorage();
    const first = storeOn(storage);
    await loadLibrary(first, shipped(uiDrill), async () => checker);
    first.getState().startRun('ui-drill');
    first.getState().beginDecisions();
    for (const d of ['report', 'publish']) {
      first.getState().decide(d);
      first.getState().proceed();
    }
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.run.view).toBe('debrief');

    const second = storeOn(storage);
    const fetchChecker = vi.fn(async () => checker);
    await loadLibrary(second, shipped({ ...uiDrill, title: '改过名的演练' }), fetchChecker);
    expect(fetchChecker).toHaveBeenCalledOnce();
    expect(second.getState().playedDrill?.title).toBe(uiDrill.title);
    const active = selectRunAvailability(second.getState(), second.derivedRuns);
    expect(active.kind === 'playing' && active.outdated).toBe(true);
  });

  it('says the shipped drills could not be fetched, and changes nothing else', async () => {
    const store = storeOn();
    await loadLibrary(
      store,
      async () => {
        throw new Error('网络断了');
      },
      async () => checker,
    );
    expect(store.getState().library).toMatchObject({ status: 'failed', failure: '网络断了' });
  });
});

/** The drill as the built index lists it: its card and hash, and `fetch` for its chunk. */
function indexed(
  drill: Scenario,
  fetch: () => Promise<CheckedDrill>,
): { index: () => Promise<IndexedFile[]>; whole: CheckedDrill } {
  const result = checker.load(JSON.stringify(drill));
  if (!result.ok) throw new Error('the fixture does not load');
  const whole = { scenario: result.scenario, hash: result.hash };
  return {
    index: async () => [{ file: `${drill.id}.json`, card: drillCard(result.scenario), hash: result.hash, fetch }],
    whole,
  };
}

/** A promise and the hands that settle it, for a chunk that arrives when the test says. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('loadLibrary, from the drills’ index', () => {
  const lateFetch = () => {
    const chunk = deferred<CheckedDrill>();
    const fetch = vi.fn(() => chunk.promise);
    return { chunk, fetch, ...indexed(uiDrill as Scenario, fetch) };
  };

  it('shows the cards before any drill is fetched, and fetches a drill once when a run starts', async () => {
    const { chunk, fetch, index, whole } = lateFetch();
    const store = storeOn();
    await loadLibrary(store, index, async () => checker);
    expect(store.getState().library.entries['ui-drill']).toMatchObject({
      card: { title: uiDrill.title },
      scenario: null,
    });
    expect(fetch).not.toHaveBeenCalled();

    store.getState().startRun('ui-drill');
    store.getState().startRun('ui-drill');
    expect(store.getState().library.entries['ui-drill']?.fetching).toBe(true);
    expect(store.getState().run).toBeNull();
    chunk.resolve(whole);
    await vi.waitFor(() => expect(store.getState().run?.view).toBe('briefing'));
    expect(fetch).toHaveBeenCalledOnce();
    expect(store.getState().run?.hash).toBe(whole.hash);
  });

  it('says why a drill could not be fetched, and fetches it again when asked again', async () => {
    const { whole } = lateFetch();
    const fetch = vi
      .fn<() => Promise<CheckedDrill>>()
      .mockRejectedValueOnce(new Error('网络断了'))
      .mockResolvedValue(whole);
    const store = storeOn();
    await loadLibrary(store, indexed(uiDrill as Scenario, fetch).index, async () => checker);

    expect(await store.getState().fetchDrill('ui-drill')).toBeNull();
    expect(store.getState().library.entries['ui-drill']).toMatchObject({ fetching: false, failure: '网络断了' });
    store.getState().startRun('ui-drill');
    await vi.waitFor(() => expect(store.getState().run?.view).toBe('briefing'));
    expect(store.getState().library.entries['ui-drill']?.failure).toBeNull();
  });

  it('resumes a saved run after a reload: it waits for its drill, then goes on where it was left', async () => {
    const storage = memoryStorage();
    const first = storeOn(storage);
    await loadLibrary(first, shipped(uiDrill), async () => checker);
    first.getState().startRun('ui-drill');
    first.getState().beginDecisions();
    first.getState().decide('report');

    const { chunk, index, whole } = lateFetch();
    const second = storeOn(storage);
    const loading = loadLibrary(second, index, async () => checker);
    await vi.waitFor(() => expect(second.getState().library.status).toBe('ready'));
    expect(selectRunAvailability(second.getState(), second.derivedRuns).kind).toBe('waiting');
    chunk.resolve(whole);
    await loading;
    const active = selectRunAvailability(second.getState(), second.derivedRuns);
    expect(active.kind === 'playing' && active.state.decisions.map((d) => d.choiceId)).toEqual(['report']);
    expect(active.kind === 'playing' && active.run.view).toBe('consequence');
  });

  it('keeps a saved run whose drill could not be fetched, and offers to fetch it again', async () => {
    const storage = memoryStorage();
    const first = storeOn(storage);
    await loadLibrary(first, shipped(uiDrill), async () => checker);
    first.getState().startRun('ui-drill');
    first.getState().beginDecisions();
    first.getState().decide('report');
    const saved = storage.data[STORAGE_KEY];

    const { whole } = lateFetch();
    const fetch = vi
      .fn<() => Promise<CheckedDrill>>()
      .mockRejectedValueOnce(new Error('网络断了'))
      .mockResolvedValue(whole);
    const second = storeOn(storage);
    await loadLibrary(second, indexed(uiDrill as Scenario, fetch).index, async () => checker);
    const failed = selectRunAvailability(second.getState(), second.derivedRuns);
    expect(failed).toMatchObject({ kind: 'unavailable', retry: true });
    expect(failed.kind === 'unavailable' && failed.reason).toContain('网络断了');
    expect(storage.data[STORAGE_KEY]).toBe(saved);

    await second.getState().fetchDrill('ui-drill');
    expect(selectRunAvailability(second.getState(), second.derivedRuns).kind).toBe('playing');
  });

  it('lists a shipped file with the same id as another once, and the other as rejected', async () => {
    const { index } = lateFetch();
    const store = storeOn();
    const [one] = await index();
    if (!one) throw new Error('no entry');
    await loadLibrary(
      store,
      async () => [one, { ...one, file: 'copy.json' }],
      async () => checker,
    );
    expect(Object.keys(store.getState().library.entries)).toEqual(['ui-drill']);
    expect(store.getState().library.rejected.map((r) => r.file)).toEqual(['copy.json']);
  });
});

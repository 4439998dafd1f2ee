import { describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage } from '../../test/render-app';
import * as checker from '../scenario/load';
import { createAppStore, STORAGE_KEY } from './app-store';
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

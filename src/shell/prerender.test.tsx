// @vitest-environment jsdom
import shippedDrills from 'virtual:shipped-drills';
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../test/render-app';
import { createAppStore, STORAGE_KEY } from '../store/app-store';
import { loadLibrary } from '../store/load-library';
import { AppRoot } from './app-root';
import { prerenderedApp } from './prerender';

// React's act() warns unless told it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Testing Library's cleanup knows only the roots it rendered: these are unmounted here, so nothing a
// screen scheduled (the run's rehearsal, the library's prefetch) runs after the test's document is gone.
const roots: Root[] = [];
afterEach(() => {
  act(() => {
    for (const root of roots.splice(0)) root.unmount();
  });
});

const cards = shippedDrills.flatMap((f) => ('card' in f ? [f.card] : []));

/** The page as the build writes it, hydrated by a store on `storage` as main.tsx makes it. */
async function hydrated(storage = memoryStorage()) {
  const root = document.createElement('div');
  root.innerHTML = prerenderedApp();
  document.body.replaceChildren(root);
  const drawn = [...root.querySelectorAll('h2')];
  const store = createAppStore({ now: () => 1000, newSeed: () => 7, storage }, { shipped: shippedDrills });
  void loadLibrary(
    store,
    () => shippedDrills,
    async () => import('../scenario/load'),
  );
  const recoverable = vi.fn();
  await act(async () => {
    roots.push(hydrateRoot(root, <AppRoot store={store} />, { onRecoverableError: recoverable }));
  });
  return { root, drawn, store, recoverable };
}

describe('the library drawn at build time', () => {
  it('holds every shipped drill’s card, before any script runs', () => {
    expect(cards.length).toBeGreaterThan(1);
    const page = document.createElement('div');
    page.innerHTML = prerenderedApp();
    const titles = [...page.querySelectorAll('article.drill-card h2')].map((h) => h.textContent);
    expect(titles).toEqual(cards.map((c) => c.title));
    // The bench's paint mark (element timing) is on the first card's title.
    expect(page.querySelector('[elementtiming="drill-card"]')?.textContent).toBe(cards[0]?.title);
  });

  it('is taken over by the app as it stands, with nothing saved: no node drawn again, no mismatch', async () => {
    const { root, drawn, recoverable } = await hydrated();
    expect(recoverable).not.toHaveBeenCalled();
    // The same elements, not copies: React hydrated them rather than rendering afresh.
    expect([...root.querySelectorAll('h2')]).toEqual(drawn);
  });

  it('shows what was saved right after taking over: the text size', async () => {
    const saved = memoryStorage();
    const first = createAppStore({ now: () => 1000, newSeed: () => 7, storage: saved }, { shipped: shippedDrills });
    first.getState().setTextSize('large');
    expect(saved.data[STORAGE_KEY]).toContain('"large"');
    const { root, recoverable } = await hydrated(saved);
    expect(recoverable).not.toHaveBeenCalled();
    expect(root.querySelector('.app')?.className).toContain('text-large');
    expect(root.querySelector<HTMLInputElement>('.text-size input')?.checked).toBe(true);
  });

  it('goes on with a saved run right after taking over', async () => {
    const saved = memoryStorage();
    const first = createAppStore({ now: () => 1000, newSeed: () => 7, storage: saved }, { shipped: shippedDrills });
    const id = cards[0]?.id ?? '';
    await first.getState().fetchDrill(id);
    first.getState().startRun(id);
    expect(first.getState().run?.scenarioId).toBe(id);
    const { root, recoverable } = await hydrated(saved);
    expect(recoverable).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(cards[0]?.title), { timeout: 5000 });
    expect(root.querySelectorAll('article.drill-card')).toHaveLength(0);
  });
});

import { render } from '@testing-library/react';
import { type ReactElement, StrictMode } from 'react';
import type { StateStorage } from 'zustand/middleware';
import { load } from '../src/scenario/load';
import type { Scenario } from '../src/scenario/schema';
import { type AppStore, createAppStore } from '../src/store/app-store';
import { StoreProvider } from '../src/ui/store-context';

export function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

/** A store with the given drills in its library, a fixed seed and the real clock (fake timers control it). */
export function storeWith(scenarios: Scenario[], storage = memoryStorage()): AppStore {
  const store = createAppStore({ now: () => Date.now(), newSeed: () => 42, storage });
  store.getState().addShippedDrills(scenarios.map((s) => ({ file: `${s.id}.json`, result: load(JSON.stringify(s)) })));
  return store;
}

export function renderWithStore(ui: ReactElement, store: AppStore) {
  // StrictMode as in main.tsx, so effects that run twice show their bugs here too.
  return {
    store,
    ...render(
      <StrictMode>
        <StoreProvider store={store}>{ui}</StoreProvider>
      </StrictMode>,
    ),
  };
}

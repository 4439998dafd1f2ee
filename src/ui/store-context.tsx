import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../store/app-state';
import type { AppStore } from '../store/app-store';
import type { SaveHealth } from '../store/save-storage';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider is missing');
  return store;
}

/** Subscribes to one narrow slice of the store. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** What went wrong with saving, if anything: kept beside the store, never saved itself. */
export function useSaveHealth<T>(selector: (s: SaveHealth) => T): T {
  return useStore(useAppStore().health, selector);
}

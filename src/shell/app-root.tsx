import { StrictMode } from 'react';
import type { AppStore } from '../store/app-store';
import { StoreProvider } from '../ui/store-context';
import { App } from './app';

/** The whole app under its store: what the browser renders, and what the build draws beforehand (prerender.tsx). */
export function AppRoot({ store, onRetryLoad }: { store: AppStore; onRetryLoad?: () => void }) {
  return (
    <StrictMode>
      <StoreProvider store={store}>
        <App onRetryLoad={onRetryLoad} />
      </StoreProvider>
    </StrictMode>
  );
}

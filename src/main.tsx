import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserDeps, createAppStore } from './store/app-store';
import { App } from './ui/app';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';

const store = createAppStore(browserDeps());

// The drills come as their own chunk, already checked at build time: the trainee's first load
// carries neither their text nor the validator.
async function loadShippedDrills(): Promise<void> {
  try {
    const { default: drills } = await import('virtual:shipped-drills');
    store.getState().addShippedDrills(drills);
  } catch (e) {
    store.getState().shippedDrillsFailed(e instanceof Error ? e.message : String(e));
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App onRetryLoad={loadShippedDrills} />
    </StoreProvider>
  </StrictMode>,
);
void loadShippedDrills();

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserDeps, createAppStore } from './store/app-store';
import { App } from './ui/app';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';

const store = createAppStore(browserDeps());

// Each shipped drill is its own chunk: the trainee's first load carries the code, not the content.
const drills = import.meta.glob<string>(['../scenarios/*.json', '!../scenarios/schema.json'], {
  query: '?raw',
  import: 'default',
});

async function loadShippedDrills(): Promise<void> {
  const entries = await Promise.all(
    Object.entries(drills).map(async ([path, read]) => [path.split('/').pop() ?? path, await read()] as const),
  );
  store.getState().addShippedDrills(Object.fromEntries(entries));
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
void loadShippedDrills();

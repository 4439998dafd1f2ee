/**
 * The first screen drawn at build time (scripts/vite-prerender.ts puts it into index.html): the
 * library with the shipped drills' cards, as a first visit sees it, nothing saved. The page then
 * shows its cards as soon as its HTML and styles arrive, before any script has run; main.tsx
 * hydrates it from a store whose first state is this one, and what was saved (a run, imports,
 * settings) is drawn after that.
 */
import shippedDrills from 'virtual:shipped-drills';
import { renderToString } from 'react-dom/server';
import { createAppStore } from '../store/app-store';
import { AppRoot } from './app-root';

export function prerenderedApp(): string {
  const store = createAppStore({ now: () => 0, newSeed: () => 0, storage: null }, { shipped: shippedDrills });
  return renderToString(<AppRoot store={store} />);
}

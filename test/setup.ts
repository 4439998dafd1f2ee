import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { loadRunEngine } from '../src/store/run-engine';

// The browser fetches the run's engine when a run is shown; a test's store has it from the start.
await loadRunEngine();

// Testing Library cleans up after each test only when vitest globals are on; they are not here.
if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  // The browser fetches the run's screens when a run is shown; a component test has them from the start.
  await (await import('../src/shell/run-code')).loadRunCode();
  afterEach(() => {
    cleanup();
    window.localStorage?.clear();
  });
}

import type { AppStore } from '../src/store/app-store';

/** Drives a store through the briefing and the given choices, as a trainee would. */
export function playThrough(store: AppStore, scenarioId: string, choices: string[]): void {
  const s = store.getState();
  s.startRun(scenarioId);
  store.getState().beginDecisions();
  for (const choice of choices) {
    if (!store.getState().decide(choice)) throw new Error(`could not take ${choice}`);
    store.getState().proceed();
  }
}

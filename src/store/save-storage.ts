/**
 * Where the app's progress is kept, and what went wrong there. The save is one JSON value in
 * localStorage — synchronous, so a decision is written before the next screen is drawn and a
 * killed tab loses nothing; the data is small (decision logs, settings, drill texts the
 * instructor imported). Whatever storage does — refuse access, hold something that is not our
 * save, hold a save from a newer version, run out of room — the app starts and keeps working
 * in memory, says what happened, and can export what there is.
 */
import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

export type SaveProblem =
  /** Storage refused (disabled, a private window, a file:// page in some browsers). */
  | { kind: 'unavailable' }
  /** What storage held was not a save of this app; `raw` is kept for export. */
  | { kind: 'corrupt'; raw: string }
  /** A save written by a newer version of the app: left untouched, never overwritten. */
  | { kind: 'newer'; raw: string; version: number }
  /** Storage is full: the last change lives in memory only. */
  | { kind: 'full' }
  /** Parts of the save were malformed and dropped; the rest was kept. */
  | { kind: 'partly-dropped'; raw: string; dropped: string[] }
  /** Another tab changed the same save: this tab stopped writing so as not to overwrite it. */
  | { kind: 'other-tab' };

export interface SaveHealth {
  problem: SaveProblem | null;
  /** False once writing would lose something (a newer save, another tab's progress). */
  writable: boolean;
}

export type SaveHealthStore = ReturnType<typeof createSaveHealth>;

export function createSaveHealth() {
  return createStore<SaveHealth>()(() => ({ problem: null, writable: true }));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  );
}

/**
 * zustand's persist storage over `base` (null when the browser gave none), reporting into
 * `health`. Reads refuse what is not a save of a version this app knows; writes never throw.
 */
export function saveStorage(
  base: StateStorage | null,
  health: SaveHealthStore,
  version: number,
): PersistStorage<unknown> {
  const report = (problem: SaveProblem, writable = health.getState().writable) =>
    health.setState({ problem, writable });
  return {
    getItem(name) {
      if (!base) {
        report({ kind: 'unavailable' });
        return null;
      }
      let raw: string | null;
      try {
        raw = base.getItem(name) as string | null;
      } catch {
        report({ kind: 'unavailable' }, false);
        return null;
      }
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        report({ kind: 'corrupt', raw });
        return null;
      }
      if (!isObject(parsed) || typeof parsed.version !== 'number' || !('state' in parsed)) {
        report({ kind: 'corrupt', raw });
        return null;
      }
      if (parsed.version > version) {
        report({ kind: 'newer', raw, version: parsed.version }, false);
        return null;
      }
      return parsed as unknown as StorageValue<unknown>;
    },
    setItem(name, value) {
      if (!base || !health.getState().writable) return;
      try {
        base.setItem(name, JSON.stringify(value));
        if (health.getState().problem?.kind === 'full') health.setState({ problem: null });
      } catch (e) {
        report(isQuotaError(e) ? { kind: 'full' } : { kind: 'unavailable' });
      }
    },
    removeItem(name) {
      try {
        base?.removeItem(name);
      } catch {
        // Nothing to remove where nothing can be stored.
      }
    },
  };
}

/** localStorage when the browser allows it (not always from file:// or in private modes), else null. */
export function browserStorage(): StateStorage | null {
  try {
    const probe = '__tuiyan_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

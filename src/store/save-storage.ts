/**
 * Where the app's progress is kept, and what went wrong there. The save is one JSON value in
 * localStorage, whose writes block the page (about 4 ms for a run, since it carries its drill).
 * In the browser a change is written just after the next screen is painted (`afterNextPaint`),
 * within a quarter of a second, and at once when the page is hidden or goes away: the trainee
 * sees the next screen without waiting for storage, and only a tab killed in that instant
 * loses its last decision. The data is small (decision logs, settings, drill texts the
 * instructor imported). The authoring view's draft, which can run to megabytes and changes on
 * every key, is written apart (`draftSaver`): under its own key, a moment after typing stops, so
 * that typing never serialises the run, and a draft too large to store never costs the run its
 * save. Whatever storage does — refuse access, hold something that is not our
 * save, hold a save from a newer version, run out of room — the app starts and keeps working
 * in memory, says what happened, and can export what there is.
 */

import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { isObject } from './json-guards';

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
  | { kind: 'other-tab' }
  /** Another tab changed the save while this one had nothing unsaved: this one took it up. */
  | { kind: 'synced' };

export interface SaveHealth {
  problem: SaveProblem | null;
  /** False once writing would lose something (a newer save, another tab's progress). */
  writable: boolean;
  /** The text this tab last wrote (or read): another tab's write that started from it loses nothing here. */
  lastWritten: string | null;
  /**
   * For each page whose save (or draft) this one read or took up, the last of its writes seen
   * (`Writer`): an earlier write of that page, reported late, is nothing new here, and not another
   * tab's progress.
   */
  seen: Record<string, number>;
  /** The text storage held when the app started. */
  readText: string | null;
  /** The draft's text, its writer in it, as this tab last wrote (or read) it under its own key. */
  draftLastWritten: string | null;
  /** Which writes storage had no room for, so that one fitting again does not hide the other's. */
  full: { save: boolean; draft: boolean };
}

export type SaveHealthStore = ReturnType<typeof createSaveHealth>;

export function createSaveHealth() {
  return createStore<SaveHealth>()(() => ({
    problem: null,
    writable: true,
    lastWritten: null,
    seen: {},
    readText: null,
    draftLastWritten: null,
    full: { save: false, draft: false },
  }));
}

/**
 * Who wrote a save, kept in it beside `state` and `version`: the page (one document: a reload makes a
 * new one) and the number of that page's write. Chromium tells a page of another document's writes by
 * storage events that can come late: a page a reload opened can read the last save its tab's page
 * before wrote, then hear of that page's earlier writes. Their writer shows them older than what it
 * read: its own tab's past, not another tab's progress (other-tabs.ts).
 */
export interface Writer {
  page: string;
  seq: number;
}

function asWriter(value: unknown): Writer | null {
  return isObject(value) && typeof value.page === 'string' && typeof value.seq === 'number'
    ? { page: value.page, seq: value.seq }
    : null;
}

/** The writer of a save's text, or null for a save written before writers were kept, or not a save. */
export function writerOf(text: string | null): Writer | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? asWriter(parsed.writer) : null;
  } catch {
    return null;
  }
}

/**
 * The draft's text as written, without the writer `draftSaver` put last in its braces, and that
 * writer (null for a draft written before writers were kept). Found from the end, not by parsing a
 * draft that can run to megabytes: within a JSON string a quote is always escaped, so `,"writer":`
 * can only be a key of the object itself.
 */
export function draftWriterOf(text: string): { text: string; writer: Writer | null } {
  const at = text.lastIndexOf(',"writer":');
  if (at < 0 || !text.endsWith('}}')) return { text, writer: null };
  let writer: Writer | null = null;
  try {
    writer = asWriter(JSON.parse(text.slice(at + ',"writer":'.length, -1)));
  } catch {
    // Not a writer of ours: the text is left whole.
  }
  return writer ? { text: `${text.slice(0, at)}}`, writer } : { text, writer: null };
}

/** `text` (a JSON object's) with `writer` last in its own braces. */
function withWriter(text: string, writer: Writer): string {
  return `${text.slice(0, -1)},"writer":${JSON.stringify(writer)}}`;
}

/** A new name for this page as a writer: a reload makes a new document, with new names. */
function newPage(): string {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

/** `seen` with `writer`'s write counted in. */
export function seenWith(seen: SaveHealth['seen'], writer: Writer | null): SaveHealth['seen'] {
  if (!writer || (seen[writer.page] ?? 0) >= writer.seq) return seen;
  return { ...seen, [writer.page]: writer.seq };
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  );
}

/** A save to be written: zustand's persist storage, with the write it may hold back. */
export interface SaveStorage extends PersistStorage<unknown> {
  /** Writes a held-back change now (the page is going away or hidden). */
  flush: () => void;
  /** A change is held back, not yet in storage. */
  pending: () => boolean;
}

/**
 * zustand's persist storage over `base` (null when the browser gave none), reporting into
 * `health`. Reads refuse what is not a save of a version this app knows; writes never throw.
 * With `later`, a change is held and written when `later` calls back (the latest change only,
 * once); without it, at once.
 */
export function saveStorage(
  base: StateStorage | null,
  health: SaveHealthStore,
  version: number,
  later?: (write: () => void) => void,
): SaveStorage {
  const report = (problem: SaveProblem, writable = health.getState().writable) =>
    health.setState({ problem, writable });
  // The parts last written: a change elsewhere in the store (a key typed in the draft, a page
  // opened) leaves them as they were, and is not worth serialising the run again.
  let written: Record<string, unknown> | null = null;
  // The change `later` will write; only the latest is kept, since each holds the whole save.
  let held: { name: string; value: StorageValue<unknown> } | null = null;
  // This page, as the writer of what it writes, and the number of its last write.
  const page = newPage();
  let seq = 0;
  // The save storage holds as far as this page knows, without its writer: the save a page read is
  // written again only once something in it changes. Written again under this page's name, the same
  // save would be a new text to another tab: news to take up, or, with a change of its own held, a conflict.
  let stored: string | null = null;
  const flush = () => {
    const change = held;
    held = null;
    if (change) writeNow(change.name, change.value);
  };
  return {
    getItem(name) {
      if (!base) {
        report({ kind: 'unavailable' });
        return null;
      }
      stored = null;
      let raw: string | null;
      try {
        raw = base.getItem(name) as string | null;
      } catch {
        report({ kind: 'unavailable' }, false);
        return null;
      }
      if (raw === null) return null;
      health.setState({ readText: raw, lastWritten: raw });
      const corrupt = () => {
        // Kept beside the save, since the next change overwrites it: the notice offers it too.
        setAside(base, name, raw);
        report({ kind: 'corrupt', raw });
        return null;
      };
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return corrupt();
      }
      if (!isObject(parsed) || typeof parsed.version !== 'number' || !('state' in parsed)) return corrupt();
      if (parsed.version > version) {
        report({ kind: 'newer', raw, version: parsed.version }, false);
        return null;
      }
      const { writer, ...save } = parsed;
      stored = JSON.stringify(save);
      health.setState({ seen: seenWith(health.getState().seen, asWriter(writer)) });
      return save as unknown as StorageValue<unknown>;
    },
    setItem(name, value) {
      if (!later) {
        writeNow(name, value);
        return;
      }
      const scheduled = held !== null;
      held = { name, value };
      if (!scheduled) later(flush);
    },
    flush,
    pending: () => held !== null,
    removeItem(name) {
      stored = null;
      try {
        base?.removeItem(name);
      } catch {
        // Nothing to remove where nothing can be stored.
      }
    },
  };

  function writeNow(name: string, value: StorageValue<unknown>): void {
    if (!base || !health.getState().writable) return;
    if (samePartsAs(written, value.state)) return;
    const write = (save: string) => {
      if (save !== stored) {
        const text = withWriter(save, { page, seq: seq + 1 });
        base.setItem(name, text);
        seq++;
        stored = save;
        health.setState({ lastWritten: text, ...fitsAgain(health, 'save') });
      }
      written = isObject(value.state) ? { ...value.state } : null;
    };
    try {
      write(JSON.stringify(value));
    } catch (e) {
      if (!isQuotaError(e)) {
        report({ kind: 'unavailable' });
        return;
      }
      // The copy of the drill a run keeps is what can go: the run itself then still fits.
      const lighter = withoutPlayed(value);
      try {
        if (lighter) {
          write(JSON.stringify(lighter));
          return;
        }
      } catch {
        // Full even so.
      }
      health.setState({ problem: { kind: 'full' }, full: { ...health.getState().full, save: true } });
    }
  }
}

/** True when every part of `state` is the very value last written (immer keeps an unchanged part's identity). */
function samePartsAs(written: Record<string, unknown> | null, state: unknown): boolean {
  if (!written || !isObject(state)) return false;
  const keys = Object.keys(state);
  return keys.length === Object.keys(written).length && keys.every((k) => written[k] === state[k]);
}

/** A write of `part` went through: the notice that storage is full goes once neither part is left unsaved. */
function fitsAgain(health: SaveHealthStore, part: keyof SaveHealth['full']): Partial<SaveHealth> {
  const { full, problem } = health.getState();
  if (!full[part]) return {};
  const now = { ...full, [part]: false };
  return { full: now, ...(problem?.kind === 'full' && !now.save && !now.draft && { problem: null }) };
}

/** The save without the drill copy its run keeps, or null when there is none to leave out. */
function withoutPlayed(value: StorageValue<unknown>): StorageValue<unknown> | null {
  const state = value.state;
  if (!isObject(state) || !isObject(state.run) || state.run.played === undefined) return null;
  const { played: _left, ...run } = state.run;
  return { ...value, state: { ...state, run } };
}

/** Best effort: a copy of what storage held, under `<name>:set-aside`, before it is overwritten. */
export function setAside(base: StateStorage, name: string, raw: string): void {
  try {
    base.setItem(`${name}:set-aside`, raw);
  } catch {
    // No room for it: the notice still offers it for export.
  }
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

/** How long typing must pause before the draft is written. */
export const DRAFT_WRITE_DELAY_MS = 500;

export interface DraftSaver {
  /** The draft changed: `serialise` (its text, or null to remove it) is called and written once typing has paused. */
  schedule: (serialise: () => string | null) => void;
  /** Writes a scheduled draft now (the page is going away, or another tab's save is about to be read). */
  flush: () => void;
  /** The draft's text under its key (without its writer), or null; remembered as what this tab last read. */
  read: () => string | null;
  /** A change is waiting to be written. */
  pending: () => boolean;
}

/**
 * The authoring view's draft, written under its own `key` a moment after the last change, apart
 * from the run's save. Reports into the same `health` as the save: storage refused or full is
 * said the same way, and a draft that does not fit never keeps the run from being saved. Each
 * write carries its writer, as the save's does (`Writer`), so that a reload's late news of the page
 * before's drafts is not taken for another tab's; under a name of its own, not the save's, since its
 * writes are numbered apart from the save's and `seen` keeps one number for each name.
 */
export function draftSaver(
  base: StateStorage | null,
  health: SaveHealthStore,
  key: string,
  delayMs = DRAFT_WRITE_DELAY_MS,
): DraftSaver {
  let pending: (() => string | null) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const page = newPage();
  let seq = 0;
  // The draft storage holds as far as this page knows, without its writer: the same draft written
  // again under this page's name would be news to another tab.
  let stored: string | null = null;
  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const serialise = pending;
    pending = null;
    if (!serialise || !base || !health.getState().writable) return;
    const draft = serialise();
    if (draft === stored) return;
    try {
      const text = draft === null ? null : withWriter(draft, { page, seq: seq + 1 });
      if (text === null) base.removeItem(key);
      else {
        base.setItem(key, text);
        seq++;
      }
      stored = draft;
      health.setState({ draftLastWritten: text, ...fitsAgain(health, 'draft') });
    } catch (e) {
      if (!isQuotaError(e)) return health.setState({ problem: { kind: 'unavailable' } });
      health.setState({ problem: { kind: 'full' }, full: { ...health.getState().full, draft: true } });
    }
  };
  return {
    schedule(serialise) {
      pending = serialise;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    flush: write,
    pending: () => pending !== null,
    read() {
      if (!base) return null;
      try {
        const raw = base.getItem(key) as string | null;
        const { text, writer } = raw === null ? { text: null, writer: null } : draftWriterOf(raw);
        stored = text;
        health.setState({ draftLastWritten: raw, seen: seenWith(health.getState().seen, writer) });
        return text;
      } catch {
        return null;
      }
    },
  };
}

/**
 * The store's types, in one file every slice imports (twinejs's `stories.types.ts`): the state and
 * actions of each slice, what the slices share, and what the store needs from outside. The slices
 * implement these in their own files; app-store.ts only puts them together. What is saved (the
 * saved run, settings, imports, draft) is typed beside its checker in saved-state.ts.
 */
import type { StateCreator } from 'zustand';
import type { StateStorage } from 'zustand/middleware';
import type { Origin } from '../engine/types';
import type { LoadResult } from '../scenario/load';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/schema';
import type { Draft, ImportedFile, SavedRun, Settings } from './saved-state';

export type AppState = LibrarySlice & RunSlice & SettingsSlice & AuthoringSlice & NavigationSlice;

/** The middleware around the slices, applied once where they combine (app-store.ts). */
export type Middlewares = [['zustand/persist', unknown], ['zustand/immer', never]];

/** How each slice is made: it sees the whole state, and returns its own part. */
export type SliceCreator<Slice> = StateCreator<AppState, Middlewares, [], Slice>;

/** What the store needs from the outside world, injected so tests control time and chance. */
export interface StoreDeps {
  now: () => number;
  newSeed: () => number;
  /** Null when the browser gives no storage: the app then works in memory and says so. */
  storage: StateStorage | null;
  /** When a change to the save is written: called with the write. Without it, at once (tests, Node). */
  saveLater?: (write: () => void) => void;
}

// ---------------------------------------------------------------------------------------------
// The library

/** A drill that loaded without errors, with the content hash of its file. */
export interface CheckedDrill {
  scenario: Scenario;
  /** Content hash of the file the scenario was loaded from. */
  hash: string;
}

/** What the library's card shows of a drill: known before the drill itself is fetched. */
export type DrillCard = Pick<Scenario, 'id' | 'title' | 'summary' | 'role' | 'estimatedMinutes' | 'legalFramework'>;

/** A drill a trainee can start. */
export interface LibraryEntry {
  card: DrillCard;
  /** Content hash of the drill's file, known from the index before the drill is fetched. */
  hash: string;
  source: 'shipped' | 'imported';
  /** The drill itself; null until a shipped drill's chunk has arrived (`fetchDrill` brings it). */
  scenario: Scenario | null;
  /** Its chunk is on the way. */
  fetching: boolean;
  /** Why the last fetch of its chunk failed; null when it did not. */
  failure: string | null;
}

/** One scenario file and what loading it gave. */
export interface LoadedFile {
  file: string;
  result: LoadResult;
}

/**
 * One shipped file as the drills' index lists it (scripts/vite-shipped-drills.ts): a drill's card
 * and hash with a way to fetch the drill, or the problems that kept the file out at build time.
 */
export type IndexedFile =
  | { file: string; card: DrillCard; hash: string; fetch: () => Promise<CheckedDrill> }
  | { file: string; problems: Problem[] };

export type ImportOutcome = { ok: true; id: string } | { ok: false; problems: Problem[] };

export interface FileProblems {
  file: string;
  problems: Problem[];
}

export interface LibrarySlice {
  library: {
    status: 'loading' | 'ready' | 'failed';
    /** Why the shipped drills could not be fetched, when status is 'failed'. */
    failure: string | null;
    /** Drill id → entry, in the order they were added. */
    entries: Record<string, LibraryEntry>;
    /** Files that could not be loaded, with every problem found. */
    rejected: FileProblems[];
  };
  /** The imported drills' files, saved; each is loaded again when the app starts. */
  imports: ImportedFile[];
  /**
   * Adds the shipped drills, checked at build time (scripts/vite-shipped-drills.ts): from the index,
   * each to be fetched when needed, or whole (as tests give them).
   */
  addShippedDrills: (drills: readonly (IndexedFile | LoadedFile)[]) => void;
  /**
   * The drill with this id, its chunk fetched first when it is a shipped drill not yet here (one
   * fetch however many ask). Null when there is no such drill or the fetch failed: the entry then
   * says why, and asking again tries again.
   */
  fetchDrill: (id: string) => Promise<CheckedDrill | null>;
  /** Fetches a shipped drill's chunk ahead of need (idle, a card hovered), saying nothing if it fails. */
  prefetchDrill: (id: string) => void;
  /**
   * Adds a drill the instructor imported, once `load` has checked it. A file with problems, or
   * whose id is a shipped drill's, changes nothing. Importing a drill again replaces it.
   */
  importDrill: (file: ImportedFile, result: LoadResult) => ImportOutcome;
  /** Takes an imported drill out of the library. */
  removeImported: (id: string) => void;
  /** Lists a file that could not be loaded, with its problems. */
  reject: (rejected: FileProblems) => void;
  shippedDrillsFailed: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// The run

export interface RunSlice {
  /** The run in progress (a trainee's, or a trial of the draft), as it is saved. */
  run: SavedRun | null;
  /**
   * The version of the drill the saved run was played on, loaded again from `run.played` when
   * the drill has changed since: its debrief is shown on it, and a changed decision named from it.
   */
  playedDrill: Scenario | null;
  startRun: (scenarioId: string) => void;
  /** A trial of the authoring view's drill (`draftDrill`) from `origin`, straight to its first decision. */
  startTrial: (origin: Origin) => void;
  /** From the briefing to the first decision. */
  beginDecisions: () => void;
  /**
   * Takes a choice (or TIMEOUT), answered at `at` (wall-clock ms; now when not given): the real time
   * used is measured from the decision's showing to then. False when it cannot be taken.
   */
  decide: (choiceId: string, at?: number) => boolean;
  /**
   * From a consequence to the next decision (shown at `at`, now when not given: its countdown starts
   * then), or to the debrief when the drill has ended. False when the run is not on a consequence.
   */
  proceed: (at?: number) => boolean;
  /**
   * The trainee's name or number for the results file, kept with the run: trimmed and cut to
   * MAX_TRAINEE_LENGTH characters; empty clears it.
   */
  setTrainee: (name: string) => void;
  /** Ends the run; a trial goes back to the authoring view it was started from. */
  leaveRun: () => void;
  /**
   * After the library is loaded: a run whose drill has changed goes on on the new version when
   * its decisions still fit it (and says so); otherwise it is left for the screens to explain.
   */
  reconcileRun: () => void;
  /** Keeps the checked version a saved run was played on (`playedDrill`). */
  setPlayedDrill: (scenario: Scenario) => void;
  /** Said once above the run's screens, such as "the drill was updated". */
  runNotice: string | null;
  dismissRunNotice: () => void;
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface SettingsSlice {
  settings: Settings;
  setTextSize: (size: Settings['textSize']) => void;
  /** The instructor's time-limit setting, for runs started from now on (a run keeps the one it started with). */
  setTimeLimits: (limits: Settings['timeLimits']) => void;
}

// ---------------------------------------------------------------------------------------------
// The authoring view

export interface AuthoringSlice {
  draft: Draft | null;
  /** The draft as last checked without errors, for trial runs: never listed in the library. */
  draftDrill: CheckedDrill | null;
  /** Opens a drill's text in the authoring view, in place of the draft there was. */
  openDraft: (draft: Omit<Draft, 'dirty'>) => void;
  editDraft: (text: string) => void;
  /** The draft was exported or put in the library: nothing is lost if it is replaced. */
  draftKept: () => void;
  /** Keeps the authoring view's checked drill (`draftDrill`), for trial runs. */
  setDraftDrill: (scenario: Scenario, hash: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Navigation

/** What the app shows when no run is in progress. */
export type Page = 'library' | 'authoring' | 'help' | 'class';

export interface NavigationSlice {
  /** Not saved: on a shared classroom machine the next person starts at the library. */
  page: Page;
  openPage: (page: Page) => void;
}

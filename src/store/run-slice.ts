import type { StateCreator } from 'zustand';
import { choose, currentDecision } from '../engine/run';
import { type Decision, IllegalDecisionError, type Origin, type RunState, TIMEOUT } from '../engine/types';
import type { AppState, Middlewares, StoreDeps } from './app-store';
import { deriveRun, remember } from './derive-run';
import { DRAFT_ID, PLAYED_ID } from './library-slice';

export type RunView = 'briefing' | 'decision' | 'consequence' | 'debrief';

/** What is saved of a run: enough to derive everything else by replay. */
export interface Run {
  scenarioId: string;
  /** Content hash of the drill file the run was played on. */
  hash: string;
  seed: number;
  decisions: Decision[];
  view: RunView;
  /**
   * Wall-clock time (ms since epoch) when the current decision was put before the trainee.
   * Saved so that a reload neither resets nor pauses a countdown.
   */
  shownAt: number | null;
  /** A trial run from the authoring view starts here; a trainee's run has none. */
  origin?: Origin;
  /**
   * The drill as it was when the run started (its JSON): a debrief stays readable, and a
   * changed decision can be named, after the drill file is updated.
   */
  played?: string;
}

export interface RunSlice {
  run: Run | null;
  startRun: (scenarioId: string) => void;
  /** A trial of the authoring view's drill (DRAFT_ID) from `origin`, straight to its first decision. */
  startTrial: (origin: Origin) => void;
  /** From the briefing to the first decision. */
  beginDecisions: () => void;
  /** Takes a choice (or TIMEOUT); the real time used is measured here. False when it cannot be taken. */
  decide: (choiceId: string) => boolean;
  /** From a consequence to the next decision, or to the debrief when the drill has ended. */
  proceed: () => void;
  leaveRun: () => void;
  /**
   * After the library is loaded: a run whose drill has changed goes on on the new version when
   * its decisions still fit it (and says so); otherwise it is left for the screens to explain.
   */
  reconcileRun: () => void;
  /** Said once above the run's screens, such as "the drill was updated". */
  runNotice: string | null;
  dismissRunNotice: () => void;
}

export const createRunSlice =
  (deps: StoreDeps): StateCreator<AppState, Middlewares, [], RunSlice> =>
  (set, get) => ({
    run: null,
    startRun: (scenarioId) => {
      const entry = get().library.entries[scenarioId];
      if (!entry) return;
      set((s) => {
        s.run = {
          scenarioId,
          hash: entry.hash,
          seed: deps.newSeed(),
          decisions: [],
          view: 'briefing',
          shownAt: null,
          played: JSON.stringify(entry.scenario),
        };
        s.runNotice = null;
        delete s.library.entries[PLAYED_ID];
      });
    },
    startTrial: (origin) => {
      const entry = get().library.entries[DRAFT_ID];
      if (!entry) return;
      set((s) => {
        s.run = {
          scenarioId: DRAFT_ID,
          hash: entry.hash,
          seed: deps.newSeed(),
          decisions: [],
          view: 'decision',
          shownAt: deps.now(),
          origin,
        };
      });
    },
    beginDecisions: () =>
      set((s) => {
        if (s.run?.view !== 'briefing') return;
        s.run.view = 'decision';
        s.run.shownAt = deps.now();
      }),
    decide: (choiceId) => {
      const { run, library } = get();
      const entry = run && library.entries[run.scenarioId];
      if (!run || !entry || run.view !== 'decision') return false;
      const derived = deriveRun(entry.scenario, run.seed, run.decisions, run.origin);
      if (!derived.ok) return false;
      let realMs = Math.max(0, deps.now() - (run.shownAt ?? deps.now()));
      // A timeout counts the limit, not the hour the trainee may have been away.
      const limit = currentDecision(entry.scenario, derived.state)?.timeLimitSec;
      if (limit !== undefined && (choiceId === TIMEOUT || realMs >= limit * 1000)) realMs = limit * 1000;
      let next: RunState;
      try {
        [next] = choose(entry.scenario, derived.state, choiceId, realMs);
      } catch (e) {
        if (e instanceof IllegalDecisionError) return false;
        throw e;
      }
      set((s) => {
        if (!s.run) return;
        s.run.decisions.push({ choiceId, realMs });
        s.run.view = 'consequence';
        s.run.shownAt = null;
      });
      const saved = get().run;
      if (saved) remember(entry.scenario, saved.seed, saved.decisions, saved.origin, next);
      return true;
    },
    proceed: () => {
      const { run, library } = get();
      const entry = run && library.entries[run.scenarioId];
      if (!run || !entry || run.view !== 'consequence') return;
      const derived = deriveRun(entry.scenario, run.seed, run.decisions, run.origin);
      const ended = derived.ok && derived.state.ending !== null;
      set((s) => {
        if (!s.run) return;
        s.run.view = ended ? 'debrief' : 'decision';
        s.run.shownAt = ended ? null : deps.now();
      });
    },
    runNotice: null,
    dismissRunNotice: () =>
      set((s) => {
        s.runNotice = null;
      }),
    reconcileRun: () => {
      const { run, library } = get();
      if (!run || run.origin || run.view === 'debrief') return;
      const entry = library.entries[run.scenarioId];
      if (!entry || entry.hash === run.hash) return;
      const now = deriveRun(entry.scenario, run.seed, run.decisions);
      if (!now.ok) return;
      // The same path, not only choices still on offer: the trainee must find the run where they left it.
      const played = library.entries[PLAYED_ID];
      const before =
        played?.scenario.id === run.scenarioId ? deriveRun(played.scenario, run.seed, run.decisions) : null;
      const samePath =
        before?.ok === true &&
        before.state.nodeId === now.state.nodeId &&
        before.state.timeline.every((t, i) => t.nodeId === now.state.timeline[i]?.nodeId);
      // A decision on screen must still be one: not an ending the new version reaches sooner.
      const stillDeciding = run.view !== 'decision' || now.state.ending === null;
      const fits = run.decisions.length === 0 || (samePath && stillDeciding);
      if (!fits) return;
      set((s) => {
        if (!s.run) return;
        s.run.hash = entry.hash;
        s.run.played = JSON.stringify(entry.scenario);
        if (run.decisions.length > 0) {
          s.runNotice = `“${entry.scenario.title}”在你上次离开后更新了：你已作出的 ${run.decisions.length} 个决定在新版本上依然成立，演练按新版本继续。`;
        }
      });
    },
    leaveRun: () =>
      set((s) => {
        s.runNotice = null;
        // A trial goes back to the authoring view it was started from.
        if (s.run?.origin) s.page = 'authoring';
        s.run = null;
        delete s.library.entries[PLAYED_ID];
      }),
  });

// Owns `run` (the run in progress, saved), `playedDrill` (the version it was played on) and `runNotice`.
import { IllegalDecisionError, type RunState, TIMEOUT } from '../engine/types';
import type { RunSlice, SliceCreator, StoreDeps } from './app-state';
import type { DerivedRunCache } from './derive-run';
import { runEngine, runEngineLoaded } from './run-engine';
import { traineeName } from './saved-state';
import { drillOfRun } from './selectors';
import { allowedSec } from './time-limits';

export const createRunSlice =
  (deps: StoreDeps, derivedRuns: DerivedRunCache): SliceCreator<RunSlice> =>
  (set, get) => ({
    run: null,
    playedDrill: null,
    startRun: (scenarioId) => {
      const entry = get().library.entries[scenarioId];
      if (!entry) return;
      if (!entry.scenario) {
        // A shipped drill not fetched yet: started once it is here, unless another run began meanwhile.
        void get()
          .fetchDrill(scenarioId)
          .then((drill) => {
            if (drill && !get().run) get().startRun(scenarioId);
          });
        return;
      }
      const { scenario } = entry;
      set((state) => {
        state.run = {
          scenarioId,
          hash: entry.hash,
          seed: deps.newSeed(),
          decisions: [],
          view: 'briefing',
          shownAt: null,
          played: JSON.stringify(scenario),
          startedAt: deps.now(),
          timeLimits: state.settings.timeLimits,
        };
        state.runNotice = null;
        state.playedDrill = null;
      });
    },
    startTrial: (origin) => {
      const drill = get().draftDrill;
      if (!drill) return;
      set((state) => {
        state.run = {
          scenarioId: drill.scenario.id,
          hash: drill.hash,
          seed: deps.newSeed(),
          decisions: [],
          view: 'decision',
          shownAt: deps.now(),
          origin,
          startedAt: deps.now(),
          timeLimits: state.settings.timeLimits,
        };
      });
    },
    beginDecisions: () =>
      set((state) => {
        if (state.run?.view !== 'briefing') return;
        state.run.view = 'decision';
        state.run.shownAt = deps.now();
      }),
    decide: (choiceId, at = deps.now()) => {
      const { run } = get();
      const drill = drillOfRun(get());
      if (!run || !drill || run.view !== 'decision') return false;
      const replayed = derivedRuns.derive(drill.scenario, run.seed, run.decisions, run.origin, run.timeLimits);
      if (!replayed.ok) return false;
      const { choose, currentDecision } = runEngine();
      let realMs = Math.max(0, at - (run.shownAt ?? at));
      const limit = currentDecision(drill.scenario, replayed.state)?.timeLimitSec;
      const allowed = limit === undefined ? null : allowedSec(limit, run.timeLimits ?? 'x1');
      // A timeout counts the time allowed, not the hour the trainee may have been away.
      if (allowed !== null && (choiceId === TIMEOUT || realMs >= allowed * 1000)) realMs = allowed * 1000;
      let next: RunState;
      try {
        [next] = choose(drill.scenario, replayed.state, choiceId, realMs);
      } catch (e) {
        if (e instanceof IllegalDecisionError) return false;
        throw e;
      }
      set((state) => {
        if (!state.run) return;
        state.run.decisions.push({ choiceId, realMs });
        state.run.view = 'consequence';
        state.run.shownAt = null;
        if (next.ending !== null) state.run.endedAt = at;
      });
      const saved = get().run;
      if (saved)
        derivedRuns.remember(drill.scenario, saved.seed, saved.decisions, saved.origin, next, saved.timeLimits);
      return true;
    },
    proceed: (at = deps.now()) => {
      const { run } = get();
      const drill = drillOfRun(get());
      if (!run || !drill || run.view !== 'consequence') return false;
      const replayed = derivedRuns.derive(drill.scenario, run.seed, run.decisions, run.origin, run.timeLimits);
      const ended = replayed.ok && replayed.state.ending !== null;
      set((state) => {
        if (!state.run) return;
        state.run.view = ended ? 'debrief' : 'decision';
        state.run.shownAt = ended ? null : at;
      });
      return true;
    },
    runNotice: null,
    dismissRunNotice: () =>
      set((state) => {
        state.runNotice = null;
      }),
    setPlayedDrill: (scenario) =>
      set((state) => {
        state.playedDrill = scenario;
      }),
    reconcileRun: () => {
      const { run, library, playedDrill } = get();
      // Without the engine nothing can be checked yet: the shell reconciles again once it has come.
      if (!run || run.origin || run.view === 'debrief' || !runEngineLoaded()) return;
      const entry = library.entries[run.scenarioId];
      // A drill still to be fetched is checked when it arrives (library-slice's fetchDrill calls this again).
      if (!entry?.scenario || entry.hash === run.hash) return;
      const scenario = entry.scenario;
      const onNew = derivedRuns.derive(scenario, run.seed, run.decisions, undefined, run.timeLimits);
      if (!onNew.ok) return;
      // The same path, not only choices still on offer: the trainee must find the run where they left it.
      const onPlayed =
        playedDrill?.id === run.scenarioId
          ? derivedRuns.derive(playedDrill, run.seed, run.decisions, undefined, run.timeLimits)
          : null;
      const samePath =
        onPlayed?.ok === true &&
        onPlayed.state.nodeId === onNew.state.nodeId &&
        onPlayed.state.timeline.every((t, i) => t.nodeId === onNew.state.timeline[i]?.nodeId);
      // A decision on screen must still be one: not an ending the new version reaches sooner.
      const stillDeciding = run.view !== 'decision' || onNew.state.ending === null;
      const fits = run.decisions.length === 0 || (samePath && stillDeciding);
      if (!fits) return;
      set((state) => {
        if (!state.run) return;
        state.run.hash = entry.hash;
        state.run.played = JSON.stringify(scenario);
        if (run.decisions.length > 0) {
          state.runNotice = `“${scenario.title}”在你上次离开后更新了：你已作出的 ${run.decisions.length} 个决定在新版本上依然成立，演练按新版本继续。`;
        }
      });
    },
    setTrainee: (name) =>
      set((state) => {
        if (!state.run) return;
        const trainee = traineeName(name);
        if (trainee === undefined) delete state.run.trainee;
        else state.run.trainee = trainee;
      }),
    leaveRun: () => {
      // A trial goes back to the authoring view it was started from.
      if (get().run?.origin) get().openPage('authoring');
      set((state) => {
        state.runNotice = null;
        state.run = null;
        state.playedDrill = null;
      });
    },
  });

import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage } from '../../test/render-app';
import { playThrough } from '../../test/run-to';
import { replay } from '../engine/run';
import { TIMEOUT } from '../engine/types';
import { load } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { createAppStore, DRAFT_KEY, STORAGE_KEY } from './app-store';
import { MAX_TRAINEE_LENGTH, SAVE_VERSION } from './saved-state';
import { selectRunAvailability } from './selectors';

function setup(options: { storage?: ReturnType<typeof memoryStorage>; scenario?: Scenario; now?: () => number } = {}) {
  const storage = options.storage ?? memoryStorage();
  let clock = 1_000_000;
  const store = createAppStore({ now: options.now ?? (() => clock), newSeed: () => 7, storage });
  store
    .getState()
    .addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(options.scenario ?? uiDrill)) }]);
  return {
    store,
    storage,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('app store', () => {
  it('measures the real time of each decision from when it was shown', () => {
    const { store, advance } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    advance(4_200);
    expect(store.getState().decide('report')).toBe(true);
    expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: 4_200 }]);
  });

  it('measures to the moment answered when told it (a screen shown by the input, the run changed a frame later)', () => {
    const { store, advance } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    const shownAt = store.now();
    advance(4_200);
    const answered = store.now();
    advance(90);
    expect(store.getState().decide('report', answered)).toBe(true);
    expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: answered - shownAt }]);
    // The next decision's countdown starts when 继续 showed it, not when the run took it in.
    const continued = store.now();
    advance(90);
    expect(store.getState().proceed(continued)).toBe(true);
    expect(store.getState().run?.shownAt).toBe(continued);
    // Only from a consequence.
    expect(store.getState().proceed()).toBe(false);
    expect(store.getState().run?.view).toBe('decision');
  });

  it('saves only the drill id, content hash, seed, decision log, view and the drill as it was', () => {
    const { store, storage } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    store.getState().decide('report');
    const saved = JSON.parse(storage.data[STORAGE_KEY] ?? '{}');
    expect(Object.keys(saved.state.run).sort()).toEqual([
      'decisions',
      'hash',
      'played',
      'scenarioId',
      'seed',
      'shownAt',
      'startedAt',
      'timeLimits',
      'view',
    ]);
    expect(JSON.parse(saved.state.run.played)).toEqual(uiDrill);
    expect(saved.state.library).toBeUndefined();
    expect(saved.version).toBe(SAVE_VERSION);
  });

  it('keeps when the run started, and when the decision that ended it was taken', () => {
    const { store, advance } = setup();
    store.getState().startRun('ui-drill');
    expect(store.getState().run?.startedAt).toBe(1_000_000);
    store.getState().beginDecisions();
    advance(5_000);
    store.getState().decide('report');
    store.getState().proceed();
    expect(store.getState().run?.endedAt).toBeUndefined();
    advance(7_000);
    store.getState().decide('publish');
    expect(store.getState().run).toMatchObject({ startedAt: 1_000_000, endedAt: 1_012_000 });
    store.getState().proceed();
    expect(store.getState().run?.endedAt).toBe(1_012_000);
  });

  it('keeps the trainee’s name with the run, trimmed and cut, across a reload; empty clears it', () => {
    const first = setup();
    first.store.getState().setTrainee('nobody');
    expect(first.store.getState().run).toBeNull();
    playThrough(first.store, 'ui-drill', ['report', 'publish']);
    first.store.getState().setTrainee('  王五 2024013 ');
    expect(first.store.getState().run?.trainee).toBe('王五 2024013');
    const second = setup({ storage: first.storage });
    expect(second.store.getState().run?.trainee).toBe('王五 2024013');
    second.store.getState().setTrainee('x'.repeat(60));
    expect(second.store.getState().run?.trainee).toBe('x'.repeat(MAX_TRAINEE_LENGTH));
    second.store.getState().setTrainee('   ');
    expect(second.store.getState().run).not.toHaveProperty('trainee');
    // The next run, on a shared machine, starts without the last trainee's name.
    second.store.getState().startRun('ui-drill');
    expect(second.store.getState().run).not.toHaveProperty('trainee');
  });

  it('[regression] resumes a run saved before its start, end and trainee were kept', () => {
    const first = setup();
    playThrough(first.store, 'ui-drill', ['report']);
    const raw = JSON.parse(first.storage.data[STORAGE_KEY] ?? '{}');
    const { startedAt: _s, ...old } = raw.state.run;
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...raw, state: { ...raw.state, run: old } }) });
    const second = setup({ storage });
    expect(second.store.getState().run).not.toHaveProperty('startedAt');
    expect(second.store.health.getState().problem).toBeNull();
    expect(second.store.getState().decide('publish')).toBe(true);
    expect(second.store.getState().run?.endedAt).toBe(1_000_000);
  });

  it('resumes a saved run at the same decision by replaying its log', () => {
    const first = setup();
    first.store.getState().startRun('ui-drill');
    first.store.getState().beginDecisions();
    first.store.getState().decide('report');
    first.store.getState().proceed();

    const second = setup({ storage: first.storage });
    const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
    expect(active.kind).toBe('playing');
    if (active.kind !== 'playing') return;
    expect(active.run.view).toBe('decision');
    expect(active.state.nodeId).toBe('n2');
    expect(active.state).toEqual(replay(uiDrill, 7, [{ choiceId: 'report', realMs: 0 }]));
  });

  it('keeps the countdown running across a reload (the time shown is saved)', () => {
    const first = setup();
    first.store.getState().startRun('ui-drill');
    first.store.getState().beginDecisions();
    const shownAt = first.store.getState().run?.shownAt;
    const second = setup({ storage: first.storage, now: () => (shownAt ?? 0) + 31_000 });
    expect(second.store.getState().run?.shownAt).toBe(shownAt);
    // 31 s after it was shown, whatever is clicked is a timeout.
    second.store.getState().decide('report');
    const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
    expect(active.kind === 'playing' && active.state.timeline[0]?.timedOut).toBe(true);
  });

  it('refuses a choice that is not on offer and changes nothing', () => {
    const { store } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    const before = store.getState().run;
    expect(store.getState().decide('wait')).toBe(false);
    expect(store.getState().decide('nonsense')).toBe(false);
    expect(store.getState().run).toBe(before);
  });

  it('takes the timeout choice when the countdown runs out', () => {
    const { store } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    expect(store.getState().decide(TIMEOUT)).toBe(true);
    const active = selectRunAvailability(store.getState(), store.derivedRuns);
    expect(active.kind === 'playing' && active.state.timeline[0]?.choiceId).toBe('wait');
  });

  it('goes to the debrief after the last consequence', () => {
    const { store } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    store.getState().decide('report');
    store.getState().proceed();
    store.getState().decide('publish');
    expect(store.getState().run?.view).toBe('consequence');
    store.getState().proceed();
    expect(store.getState().run?.view).toBe('debrief');
  });

  it('[regression] records a timeout after a long absence as the limit, not the hours away', () => {
    const { store, advance } = setup();
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    advance(3_600_000);
    store.getState().decide('report');
    expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: 30_000 }]);
  });

  describe('the instructor’s time-limit setting', () => {
    const start = (limits: 'x1' | 'x2' | 'off') => {
      const t = setup();
      t.store.getState().setTimeLimits(limits);
      t.store.getState().startRun('ui-drill');
      t.store.getState().beginDecisions();
      return t;
    };
    const timedOut = (store: ReturnType<typeof setup>['store']) => {
      const run = store.getState().run;
      if (!run) throw new Error('no run');
      return replay(uiDrill, run.seed, run.decisions, undefined, run.timeLimits).timeline[0]?.timedOut;
    };

    it('is kept with the run it started, so a change or a reload mid-run does not change its limits', () => {
      const { store, storage } = start('x2');
      store.getState().setTimeLimits('x1');
      expect(store.getState().run?.timeLimits).toBe('x2');
      const again = setup({ storage });
      expect(again.store.getState().run?.timeLimits).toBe('x2');
      expect(again.store.getState().settings.timeLimits).toBe('x1');
    });

    it('under ×2, takes a choice made after the drill’s limit but within twice it, in time', () => {
      const { store, advance } = start('x2');
      advance(45_000);
      store.getState().decide('report');
      // The time taken is kept as it was: the engine judges it against the time allowed.
      expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: 45_000 }]);
      expect(timedOut(store)).toBe(false);
    });

    it('under ×2, counts a choice after twice the limit as a timeout, like ×1 after the limit', () => {
      const { store, advance } = start('x2');
      advance(61_000);
      store.getState().decide('report');
      expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: 60_000 }]);
      expect(timedOut(store)).toBe(true);
    });

    it('off, never times out however long the trainee takes', () => {
      const { store, advance } = start('off');
      advance(3_600_000);
      store.getState().decide('report');
      expect(store.getState().run?.decisions).toEqual([{ choiceId: 'report', realMs: 3_600_000 }]);
      expect(timedOut(store)).toBe(false);
    });

    it('under ×1, a choice after the limit is a timeout', () => {
      const { store, advance } = start('x1');
      advance(31_000);
      store.getState().decide('report');
      expect(timedOut(store)).toBe(true);
    });
  });

  it('[regression] starts clean when the saved run is malformed, instead of failing', () => {
    const storage = memoryStorage({
      tuiyan: JSON.stringify({ state: { run: { decisions: null }, settings: { textSize: 'large' } }, version: 1 }),
    });
    const { store } = setup({ storage });
    expect(store.getState().run).toBeNull();
    expect(store.getState().settings.textSize).toBe('large');
  });

  it('refuses a second drill with the same id, naming the file', () => {
    const { store } = setup();
    store.getState().addShippedDrills([{ file: 'copy.json', result: load(JSON.stringify(uiDrill)) }]);
    expect(store.getState().library.rejected).toEqual([
      {
        file: 'copy.json',
        problems: [expect.objectContaining({ pointer: '/id', message: expect.stringMatching(/重复/) })],
      },
    ]);
  });

  it('remembers why the shipped drills could not be fetched', () => {
    const store = createAppStore({ now: () => 0, newSeed: () => 1, storage: memoryStorage() });
    store.getState().shippedDrillsFailed('network down');
    expect(store.getState().library).toMatchObject({ status: 'failed', failure: 'network down' });
  });

  it('has a cache of the last replay of its own, which no other store shares', () => {
    const first = setup();
    const second = setup();
    expect(first.store.derivedRuns).not.toBe(second.store.derivedRuns);
    first.store.getState().startRun('ui-drill');
    second.store.getState().startRun('ui-drill');
    first.store.getState().beginDecisions();
    second.store.getState().beginDecisions();
    first.store.getState().decide('report');
    second.store.getState().decide(TIMEOUT);
    const one = selectRunAvailability(first.store.getState(), first.store.derivedRuns);
    const other = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
    expect(one.kind === 'playing' && one.state.timeline[0]?.choiceId).toBe('report');
    expect(other.kind === 'playing' && other.state.timeline[0]?.choiceId).toBe('wait');
  });

  describe('a saved run whose drill has changed since', () => {
    function savedRun(decisions: string[], view?: 'debrief') {
      const first = setup();
      first.store.getState().startRun('ui-drill');
      first.store.getState().beginDecisions();
      for (const d of decisions) {
        first.store.getState().decide(d);
        first.store.getState().proceed();
      }
      if (view) expect(first.store.getState().run?.view).toBe(view);
      return first.storage;
    }

    it('goes on on the new version when its decisions still fit it, and says so', () => {
      const storage = savedRun(['report']);
      const changed = { ...uiDrill, summary: '内容改过了。' };
      const second = setup({ storage, scenario: changed });
      const played = load(JSON.parse(storage.data[STORAGE_KEY] as string).state.run.played);
      if (!played.ok) throw new Error('played');
      second.store.getState().setPlayedDrill(played.scenario);
      second.store.getState().reconcileRun();
      const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
      expect(active.kind).toBe('playing');
      expect(second.store.getState().runNotice).toContain('演练按新版本继续');
      expect(second.store.getState().run?.hash).toBe(second.store.getState().library.entries['ui-drill']?.hash);
    });

    it('does not go on where the new version takes the run elsewhere, even if every choice is still offered', () => {
      const storage = savedRun(['report']);
      const n1 = uiDrill.nodes[0];
      if (n1?.kind !== 'decision') throw new Error('fixture');
      // 'report' now ends the drill at once: the saved decision screen would show a debrief.
      const changed = {
        ...uiDrill,
        nodes: [
          { ...n1, choices: n1.choices.map((c) => (c.id === 'report' ? { ...c, next: 'good' } : c)) },
          ...uiDrill.nodes.slice(1),
        ],
      };
      const second = setup({ storage, scenario: changed });
      const played = load(JSON.parse(storage.data[STORAGE_KEY] as string).state.run.played);
      if (played.ok) second.store.getState().setPlayedDrill(played.scenario);
      second.store.getState().reconcileRun();
      expect(second.store.getState().runNotice).toBeNull();
      const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
      expect(active.kind === 'unavailable' && active.restart).toBe(true);
    });

    it('names the decision the new version no longer has, and offers to start again', () => {
      const storage = savedRun(['report']);
      const n1 = uiDrill.nodes[0];
      if (n1?.kind !== 'decision') throw new Error('fixture');
      const changed = {
        ...uiDrill,
        nodes: [{ ...n1, choices: n1.choices.filter((c) => c.id !== 'report') }, ...uiDrill.nodes.slice(1)],
      };
      const second = setup({ storage, scenario: changed });
      const result = load(
        storage.data[STORAGE_KEY] ? JSON.parse(storage.data[STORAGE_KEY] as string).state.run.played : '',
      );
      if (result.ok) second.store.getState().setPlayedDrill(result.scenario);
      second.store.getState().reconcileRun();
      const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
      if (active.kind !== 'unavailable') throw new Error(active.kind);
      expect(active.reason).toContain('第 1 个决定“立即网络直报”在新版本中已不存在');
      expect(active.restart).toBe(true);
    });

    it('keeps a finished debrief readable on the version it was played on', () => {
      const storage = savedRun(['report', 'publish'], 'debrief');
      // The ending it reached is still there; the other way out of n2 is gone.
      const changed = {
        ...uiDrill,
        nodes: uiDrill.nodes
          .filter((n) => n.id !== 'bad')
          .map((n) =>
            n.id === 'n2' && n.kind === 'decision' ? { ...n, choices: n.choices.filter((c) => c.id !== 'silence') } : n,
          ),
      };
      const second = setup({ storage, scenario: changed });
      const played = load(JSON.parse(storage.data[STORAGE_KEY] as string).state.run.played);
      if (!played.ok) throw new Error('played');
      second.store.getState().setPlayedDrill(played.scenario);
      const active = selectRunAvailability(second.store.getState(), second.store.derivedRuns);
      if (active.kind !== 'playing') throw new Error(active.kind);
      expect(active.outdated).toBe(true);
      expect(active.state.ending).toBe('good');
    });
  });

  describe('trial runs from the authoring view', () => {
    const origin = { node: 'n2', clock: 600, vars: { trust: 90 }, regions: {} };

    function withDraft() {
      const t = setup();
      const result = load(JSON.stringify(uiDrill));
      if (!result.ok) throw new Error('fixture');
      t.store.getState().openDraft({ file: 'ui-drill.json', text: JSON.stringify(uiDrill) });
      t.store.getState().setDraftDrill(result.scenario, result.hash);
      // Written under its own key a moment after the last change: now, for the tests that reload.
      t.store.drafts.flush();
      return t;
    }

    it('starts at the chosen node with the inspector state, straight at the decision', () => {
      const { store } = withDraft();
      store.getState().startTrial(origin);
      expect(store.getState().run?.startedAt).toBe(1_000_000);
      const active = selectRunAvailability(store.getState(), store.derivedRuns);
      if (active.kind !== 'playing') throw new Error(active.kind);
      expect(active.run.view).toBe('decision');
      expect(active.state.nodeId).toBe('n2');
      expect(active.state.clock).toBe(600);
      expect(active.state.vars.trust).toBe(90);
    });

    it('plays on from there, is saved with its origin, and resumes after a reload', () => {
      const first = withDraft();
      first.store.getState().startTrial(origin);
      expect(first.store.getState().decide('publish')).toBe(true);
      const saved = JSON.parse(first.storage.data[STORAGE_KEY] ?? '{}');
      expect(saved.state.run.origin).toEqual(origin);
      expect(JSON.parse(first.storage.data[DRAFT_KEY] ?? '{}').file).toBe('ui-drill.json');

      const again = setup({ storage: first.storage });
      const result = load(again.store.getState().draft?.text ?? '');
      if (!result.ok) throw new Error('draft');
      again.store.getState().setDraftDrill(result.scenario, result.hash);
      const active = selectRunAvailability(again.store.getState(), again.store.derivedRuns);
      if (active.kind !== 'playing') throw new Error(active.kind);
      expect(active.state.ending).toBe('good');
      expect(active.state.decisions).toHaveLength(1);
    });

    it('never lists the draft in the library, and leaving goes back to the authoring view', () => {
      const { store } = withDraft();
      store.getState().startTrial(origin);
      store.getState().leaveRun();
      expect(store.getState().page).toBe('authoring');
      expect(store.getState().run).toBeNull();
    });

    it('keeps the draft and the version a run was played on beside the library, never among its entries', () => {
      const { store } = withDraft();
      const result = load(JSON.stringify({ ...uiDrill, title: '当时的版本' }));
      if (!result.ok) throw new Error('fixture');
      store.getState().setPlayedDrill(result.scenario);
      expect(Object.keys(store.getState().library.entries)).toEqual(['ui-drill']);
      expect(store.getState().draftDrill?.scenario.id).toBe('ui-drill');
      expect(store.getState().playedDrill?.title).toBe('当时的版本');
    });

    it('[regression] resumes a trial saved when the draft was kept under "$draft" in the library', () => {
      const first = withDraft();
      first.store.getState().startTrial(origin);
      const saved = JSON.parse(first.storage.data[STORAGE_KEY] ?? '{}');
      saved.state.run.scenarioId = '$draft';
      const again = setup({
        storage: memoryStorage({
          [STORAGE_KEY]: JSON.stringify(saved),
          [DRAFT_KEY]: first.storage.data[DRAFT_KEY] ?? '',
        }),
      });
      const result = load(again.store.getState().draft?.text ?? '');
      if (!result.ok) throw new Error('draft');
      again.store.getState().setDraftDrill(result.scenario, result.hash);
      const active = selectRunAvailability(again.store.getState(), again.store.derivedRuns);
      if (active.kind !== 'playing') throw new Error(active.kind);
      expect(active.state.nodeId).toBe('n2');
      expect(again.store.getState().decide('publish')).toBe(true);
    });

    it('is not resumed on a draft that has changed since', () => {
      const { store } = withDraft();
      store.getState().startTrial(origin);
      const changed = load(JSON.stringify({ ...uiDrill, title: '改过的标题' }));
      if (!changed.ok) throw new Error('fixture');
      store.getState().setDraftDrill(changed.scenario, changed.hash);
      const active = selectRunAvailability(store.getState(), store.derivedRuns);
      expect(active.kind === 'unavailable' && active.reason).toContain('试玩的剧本已经改动');
    });
  });
});

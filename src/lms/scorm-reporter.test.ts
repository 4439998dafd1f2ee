// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { offeredChoices } from '../engine/run';
import { load } from '../scenario/load';
import { createAppStore } from '../store/app-store';
import type { SavedRun } from '../store/saved-state';
import { drillOfRun } from '../store/selectors';
import type { Scorm12Api } from './find-api';
import { encodeSuspend, meanScore } from './scorm-data';
import { reportToLms } from './scorm-reporter';

const drill = load(readFileSync('scenarios/early-warning.json', 'utf8'));
if (!drill.ok) throw new Error('early-warning does not load');

/** An LMS's API that keeps what it is told in `cmi` and logs every call; `answer` may make a call fail. */
class FakeLms implements Scorm12Api {
  readonly calls: string[] = [];
  constructor(
    readonly cmi: Record<string, string> = {},
    private readonly answer: (call: string) => unknown = () => 'true',
  ) {}
  private logged(call: string): unknown {
    this.calls.push(call);
    return this.answer(call);
  }
  LMSInitialize(): unknown {
    return this.logged('LMSInitialize');
  }
  LMSFinish(): unknown {
    return this.logged('LMSFinish');
  }
  LMSCommit(): unknown {
    return this.logged('LMSCommit');
  }
  LMSGetValue(element: string): unknown {
    return this.cmi[element] ?? (element.endsWith('_count') ? '0' : '');
  }
  LMSSetValue(element: string, value: string): unknown {
    this.cmi[element] = value;
    this.calls.push(`${element}=${value}`);
    return this.answer('LMSSetValue');
  }
  LMSGetLastError(): unknown {
    return '0';
  }
  LMSGetErrorString(): unknown {
    return '';
  }
}

const fakeLms = (cmi?: Record<string, string>, answer?: (call: string) => unknown) => new FakeLms(cmi, answer);

function setup(lms: ReturnType<typeof fakeLms>, local?: SavedRun) {
  let clock = 1_780_000_000_000;
  const store = createAppStore({ now: () => clock, newSeed: () => 11, storage: null });
  store.getState().addShippedDrills([{ file: 'early-warning.json', result: drill }]);
  if (local) store.setState({ run: local });
  reportToLms(lms, store, { now: () => clock, window });
  const decide = (n = 1) => {
    for (let i = 0; i < n; i++) {
      const state = store.getState();
      const run = state.run;
      const scenario = drillOfRun(state)?.scenario;
      if (!run || !scenario) throw new Error('no run');
      const replayed = store.derivedRuns.derive(scenario, run.seed, run.decisions);
      if (!replayed.ok) throw new Error('no state');
      clock += 5_000;
      store.getState().decide(offeredChoices(scenario, replayed.state)[0]?.id ?? '');
      store.getState().proceed();
    }
  };
  const begin = () => {
    store.getState().startRun('early-warning');
    store.getState().beginDecisions();
  };
  return { store, decide, begin };
}

afterEach(() => {
  for (const notice of document.querySelectorAll('.lms-notice')) notice.remove();
});

describe('the SCORM reporter', () => {
  it('marks a run incomplete when it starts, then reports each decision, commits, and keeps the run in suspend_data', () => {
    const lms = fakeLms();
    const { store, begin, decide } = setup(lms);
    expect(lms.calls.slice(0, 2)).toEqual(['LMSInitialize', 'cmi.core.exit=suspend']);
    expect(lms.cmi['cmi.core.lesson_status']).toBeUndefined();
    begin();
    expect(lms.cmi['cmi.core.lesson_status']).toBe('incomplete');
    decide(2);
    expect(lms.cmi['cmi.interactions.1.type']).toBe('choice');
    expect(lms.cmi['cmi.interactions.1.student_response']).toBe(store.getState().run?.decisions[1]?.choiceId);
    expect(lms.cmi['cmi.interactions.1.latency']).toBe('0000:00:05.00');
    expect(lms.cmi['cmi.interactions.2.id']).toBeUndefined();
    expect(lms.cmi['cmi.objectives.0.id']).toBe('timeliness');
    expect(lms.cmi['cmi.core.score.raw']).toBeUndefined();
    expect(lms.cmi['cmi.suspend_data']).toBe(encodeSuspend(store.getState().run as SavedRun));
    expect(lms.calls.at(-1)).toBe('LMSCommit');
    expect(lms.calls.at(-2)).toMatch(/^cmi\.core\.session_time=\d{4}:\d\d:\d\d\.\d\d$/);
  });

  it('resumes the run the LMS kept, and goes on numbering its interactions', () => {
    const first = fakeLms();
    const { store: before, begin, decide } = setup(first);
    begin();
    decide(3);
    const kept = before.getState().run as SavedRun;
    const lms = fakeLms({
      'cmi.suspend_data': first.cmi['cmi.suspend_data'] as string,
      'cmi.interactions._count': '3',
      'cmi.core.lesson_status': 'incomplete',
    });
    const { store, decide: decideAgain } = setup(lms);
    expect(store.getState().run).toMatchObject({ seed: kept.seed, decisions: kept.decisions, view: 'decision' });
    expect(lms.calls.filter((c) => c.startsWith('cmi.interactions.'))).toEqual([]);
    decideAgain();
    expect(lms.cmi['cmi.interactions.3.id']).toMatch(/^d4-/);
  });

  it('keeps this browser’s run when it is the LMS’s run further on', () => {
    const first = fakeLms();
    const { store: before, begin, decide } = setup(first);
    begin();
    decide(1);
    const older = first.cmi['cmi.suspend_data'] as string;
    decide(2);
    const further = before.getState().run as SavedRun;
    const { store } = setup(fakeLms({ 'cmi.suspend_data': older }), further);
    expect(store.getState().run?.decisions).toEqual(further.decisions);
  });

  it('on a shared computer, never makes the last learner’s run this learner’s record', () => {
    const first = fakeLms();
    const { store: before, begin, decide } = setup(first);
    begin();
    decide(3);
    const someoneElses = before.getState().run as SavedRun;
    const next = fakeLms();
    const { store } = setup(next, someoneElses);
    expect(store.getState().run).toBeNull();
    expect(next.calls.filter((c) => c.startsWith('cmi.interactions.') || c.startsWith('cmi.core.score'))).toEqual([]);
    expect(next.cmi['cmi.core.lesson_status']).toBeUndefined();
  });

  it('reports the ending: the mean score, the objectives completed, the lesson completed', () => {
    const lms = fakeLms();
    const { store, begin, decide } = setup(lms);
    begin();
    for (let i = 0; i < 60 && store.getState().run?.view !== 'debrief'; i++) decide();
    expect(store.getState().run?.view).toBe('debrief');
    expect(lms.cmi['cmi.core.lesson_status']).toBe('completed');
    const run = store.getState().run as SavedRun;
    const played = store.derivedRuns.derive(drill.scenario, run.seed, run.decisions);
    if (!played.ok) throw new Error('the run replays');
    expect(lms.cmi['cmi.core.score.raw']).toBe(String(meanScore(drill.scenario, played.state)));
    expect(lms.cmi['cmi.objectives.2.status']).toBe('completed');
    // Another run in the same attempt does not take the completion back.
    store.getState().leaveRun();
    expect(lms.cmi['cmi.suspend_data']).toBe('');
    store.getState().startRun('early-warning');
    expect(lms.cmi['cmi.core.lesson_status']).toBe('completed');
  });

  it('says once, in Chinese, when the LMS answers "false" or throws, and lets the run go on', () => {
    for (const answer of [
      () => 'false',
      () => false,
      () => {
        throw new Error('down');
      },
    ]) {
      const lms = fakeLms({}, (call) => (call === 'LMSInitialize' ? 'true' : answer()));
      const { store, begin, decide } = setup(lms);
      begin();
      decide(2);
      expect(store.getState().run?.decisions).toHaveLength(2);
      const notices = document.querySelectorAll('.lms-notice');
      expect(notices).toHaveLength(1);
      expect(notices[0]?.getAttribute('role')).toBe('alert');
      expect(notices[0]?.textContent).toContain('学习平台（LMS）没有收下这次演练的记录');
      notices[0]?.remove();
    }
  });

  it('commits but does not finish when the page goes into the back-forward cache', () => {
    const lms = fakeLms();
    const { begin, decide } = setup(lms);
    begin();
    const cached = new Event('pagehide') as Event & { persisted: boolean };
    Object.defineProperty(cached, 'persisted', { value: true });
    window.dispatchEvent(cached);
    expect(lms.calls).not.toContain('LMSFinish');
    expect(lms.calls.at(-1)).toBe('LMSCommit');
    decide();
    expect(lms.calls.some((c) => c.startsWith('cmi.interactions.0.'))).toBe(true);
    window.dispatchEvent(new Event('pagehide'));
  });

  it('finishes once when the page goes, and calls nothing after', () => {
    const lms = fakeLms();
    const { begin, decide } = setup(lms);
    begin();
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    expect(lms.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
    expect(lms.calls.at(-1)).toBe('LMSFinish');
    decide();
    expect(lms.calls.at(-1)).toBe('LMSFinish');
  });
});

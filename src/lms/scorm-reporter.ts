/**
 * The SCORM 1.2 reporter: fetched only when an LMS's API was found (find-api.ts), it tells the LMS
 * what the trainee does, from the store alone — no screen knows of it.
 *
 * - At start: `LMSInitialize`; a run kept in `cmi.suspend_data` is resumed (unless this browser
 *   holds the same run further on), so a trainee on another computer goes on where they left.
 * - A run starts: `cmi.core.lesson_status` incomplete (never taken back from completed).
 * - Each decision: a `cmi.interactions.n`, and the three dimensions as `cmi.objectives.0–2`.
 * - The ending: the mean score in `cmi.core.score.raw` (0–100) and lesson_status completed.
 * - Every change that matters: `cmi.suspend_data`, `cmi.core.session_time`, then `LMSCommit`.
 * - The page hidden: a commit; the page gone (`pagehide`): `LMSFinish`.
 *
 * Every call is guarded: an LMS that answers "false" or throws is said once, in Chinese, above
 * the screens, and the trainee goes on — the progress is still kept in the browser.
 */
import type { AppStore } from '../store/app-store';
import type { SavedRun } from '../store/saved-state';
import { drillOfRun } from '../store/selectors';
import type { Scorm12Api } from './find-api';
import {
  type CmiValue,
  decodeSuspend,
  encodeSuspend,
  interactionValues,
  SUSPEND_LIMIT,
  scoreValues,
  timespan,
} from './scorm-data';

/** What the reporter needs from outside, given so that tests control the clock. */
export interface ReporterDeps {
  now: () => number;
  window: Window;
}

/** A lesson the LMS already holds as done is never set back to incomplete. */
const DONE = new Set(['completed', 'passed', 'failed']);

const runKey = (run: SavedRun | null) =>
  run && !run.origin ? `${run.scenarioId}|${run.seed}|${run.startedAt ?? ''}` : null;

/** `later` is `earlier` with possibly more decisions: the same run, no less far on. */
function sameRunFurther(later: SavedRun, earlier: SavedRun): boolean {
  return (
    later.scenarioId === earlier.scenarioId &&
    later.hash === earlier.hash &&
    later.seed === earlier.seed &&
    !later.origin &&
    later.decisions.length >= earlier.decisions.length &&
    earlier.decisions.every((d, i) => later.decisions[i]?.choiceId === d.choiceId)
  );
}

/** Says, once, above every screen, that the LMS did not take what it was told. */
function showProblem(doc: Document, text: string): void {
  const box = doc.createElement('div');
  box.className = 'run-notice lms-notice';
  box.setAttribute('role', 'alert');
  const p = doc.createElement('p');
  p.textContent = text;
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'link-button';
  close.textContent = '知道了';
  close.addEventListener('click', () => box.remove());
  box.append(p, close);
  doc.body.prepend(box);
}

export function reportToLms(api: Scorm12Api, store: AppStore, deps: ReporterDeps): void {
  const startedAt = deps.now();
  let told = false;
  let finished = false;

  const problem = (what: string, askLms = true) => {
    if (told) return;
    told = true;
    let code = '';
    try {
      code = askLms ? String(api.LMSGetLastError() ?? '') : '';
      if (code && code !== '0') code = `，错误 ${code}：${String(api.LMSGetErrorString(code) ?? '')}`;
      else code = '';
    } catch {
      code = '';
    }
    showProblem(
      deps.window.document,
      `学习平台（LMS）没有收下这次演练的记录（${what}${code}）。演练照常进行，进度仍保存在这台电脑的浏览器里；如果平台上没有记下成绩，请在复盘页导出结果文件交给教员。`,
    );
  };
  /** One guarded call: its answer, or null when it failed (said once). */
  const call = (what: string, fn: () => unknown, falseFails = true): string | null => {
    if (finished) return null;
    try {
      const answer = fn();
      if (falseFails && String(answer) === 'false') {
        problem(what);
        return null;
      }
      return answer === undefined || answer === null ? '' : String(answer);
    } catch {
      problem(what);
      return null;
    }
  };
  const get = (element: string) => call(`读取 ${element}`, () => api.LMSGetValue(element), false) ?? '';
  const set = (values: readonly CmiValue[]) => {
    for (const [element, value] of values) call(`写入 ${element}`, () => api.LMSSetValue(element, value));
  };
  const commit = () => {
    set([['cmi.core.session_time', timespan(deps.now() - startedAt)]]);
    call('LMSCommit', () => api.LMSCommit(''));
  };

  if (call('LMSInitialize', () => api.LMSInitialize('')) === null) return;
  let status = get('cmi.core.lesson_status');
  let nextInteraction = Number.parseInt(get('cmi.interactions._count'), 10) || 0;
  let lastSuspend = get('cmi.suspend_data');
  // Whatever happens, the LMS keeps this attempt for the trainee to come back to, as the browser does.
  set([['cmi.core.exit', 'suspend']]);

  // The run the LMS kept, unless this browser holds the same run further on.
  const kept = lastSuspend ? decodeSuspend(lastSuspend, deps.now()) : null;
  const local = store.getState().run;
  if (kept && !(local && sameRunFurther(local, kept))) {
    store.setState({ run: kept, playedDrill: null, runNotice: null });
    if (store.getState().library.status === 'ready') store.getState().reconcileRun();
  } else if (!kept && local) {
    // The LMS holds nothing for this learner: the run this browser holds is another learner's (a
    // shared classroom computer), and must not become this learner's record. They start afresh.
    store.setState({ run: null, playedDrill: null, runNotice: null });
  }
  const resumed = store.getState().run;
  let key = kept && resumed ? runKey(resumed) : null;
  // What the LMS was told already: the kept run's decisions (and its ending, if it had one).
  let reported = kept && resumed ? kept.decisions.length : 0;
  let endingTold = kept?.endedAt !== undefined;
  let tooLongTold = false;

  const sync = () => {
    if (finished) return;
    const state = store.getState();
    const { run } = state;
    let changed = false;
    const k = runKey(run);
    if (k !== key) {
      key = k;
      reported = 0;
      endingTold = false;
      if (k !== null && !DONE.has(status)) {
        set([['cmi.core.lesson_status', 'incomplete']]);
        status = 'incomplete';
        changed = true;
      }
    }
    if (!run || run.origin) {
      // No run (or a trial of the authoring view, never reported): nothing to resume.
      if (lastSuspend !== '') {
        set([['cmi.suspend_data', '']]);
        lastSuspend = '';
        changed = true;
      }
    } else {
      const drill = drillOfRun(state);
      const due = run.decisions.length > reported || (!endingTold && run.endedAt !== undefined);
      if (due && drill && drill.hash === run.hash) {
        const replayed = store.derivedRuns.derive(drill.scenario, run.seed, run.decisions, undefined, run.timeLimits);
        if (replayed.ok) {
          for (; reported < run.decisions.length; reported++) {
            set(interactionValues(replayed.state, reported, nextInteraction++, new Date(deps.now())));
          }
          set(scoreValues(drill.scenario, replayed.state));
          if (replayed.state.ending !== null) {
            endingTold = true;
            status = 'completed';
          }
          changed = true;
        }
      }
      const suspend = encodeSuspend(run);
      if (suspend !== lastSuspend) {
        if (suspend.length <= SUSPEND_LIMIT) {
          set([['cmi.suspend_data', suspend]]);
          lastSuspend = suspend;
          changed = true;
        } else if (!tooLongTold) {
          tooLongTold = true;
          problem(
            `这次演练的决定太多，超出了 SCORM 1.2 可保存的 ${SUSPEND_LIMIT} 个字符，平台上只能从较早的决定继续`,
            false,
          );
        }
      }
    }
    if (changed) commit();
  };

  sync();
  const unsubscribe = store.subscribe(sync);
  deps.window.document.addEventListener('visibilitychange', () => {
    if (deps.window.document.visibilityState === 'hidden' && !finished) commit();
  });
  deps.window.addEventListener('pagehide', (e) => {
    if (finished) return;
    sync();
    commit();
    // A page kept in the back-forward cache may come back: only a page that goes for good finishes,
    // since SCORM 1.2 allows no second LMSInitialize.
    if ((e as PageTransitionEvent).persisted) return;
    call('LMSFinish', () => api.LMSFinish(''));
    finished = true;
    unsubscribe();
  });
}

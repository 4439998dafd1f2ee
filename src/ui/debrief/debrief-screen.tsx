import { useEffect, useMemo, useRef, useState } from 'react';
import { debrief, TONE_LABEL } from '../../engine/debrief';
import type { Origin, RunState } from '../../engine/types';
import { afterAction } from '../../report/after-action';
import { analyseInBackground } from '../../report/run-analysis';
import type { Scenario } from '../../scenario/schema';
import { useAfterFirstPaint } from '../after-first-paint';
import { CasesChart, runMarkers } from '../cases-chart';
import { useFocusSoon } from '../focus-soon';
import { DIMENSION_LABEL } from '../format';
import { useInFlowWhenShown } from '../lay-out-ahead';
import { RequestsBoard } from '../requests-board';
import { ScoreEventList } from '../score-event-list';
import { SCREEN_PAINTED } from '../screen-painted';
import { DEBRIEF_SCREEN } from '../show-drawn-ahead';
import { StatusBoard } from '../status-board';
import { useApp } from '../store-context';
import { type AnalysisStatus, BestLineView } from './best-line-view';
import { Findings } from './findings';
import { ImprovementPlan } from './improvement-plan';
import { Overview } from './overview';
import { ResultsExport } from './results-export';
import { TimelineTable } from './timeline-table';
import { WhatIfSandbox } from './what-if-sandbox';
import './debrief.css';

/**
 * The run weighed against the best line, in the background: it takes a second or two. Started once
 * `begin` holds (the debrief's first frame is painted): handing the drill to the worker copies it,
 * about 15 ms the first frame need not wait for.
 */
function useRunAnalysis(
  scenario: Scenario,
  state: RunState,
  origin: Origin | undefined,
  begin: boolean,
): AnalysisStatus {
  const [status, setStatus] = useState<AnalysisStatus>({ kind: 'working', done: 0, total: state.decisions.length + 1 });
  useEffect(() => {
    if (!begin) return;
    setStatus({ kind: 'working', done: 0, total: state.decisions.length + 1 });
    const request = { scenario, seed: state.seed, decisions: state.decisions, origin, timeLimits: state.timeLimits };
    return analyseInBackground(request, (message) =>
      setStatus(message.kind === 'progress' ? { ...message, kind: 'working' } : message),
    );
  }, [scenario, state.seed, state.decisions, origin, state.timeLimits, begin]);
  return status;
}

interface Props {
  scenario: Scenario;
  state: RunState;
  /** Shown on the version it was played on: the drill has been updated since. */
  outdated?: boolean;
  /** An instructor reading a trainee's run from the class overview: the trainee's name, and the way back. */
  viewing?: { trainee: string; onClose: () => void };
}

/**
 * 复盘, as an exercise's after-action report: the ending; an overview with each score rated; the
 * strengths and areas for improvement; the world and the timeline; the best line beside the run;
 * the improvement plan; every score event; and the results to keep.
 */
export function DebriefScreen({ scenario, state, outdated = false, viewing }: Props) {
  const startRun = useApp((s) => s.startRun);
  const leaveRun = useApp((s) => s.leaveRun);
  const startTrial = useApp((s) => s.startTrial);
  // A trial from the authoring view goes back there, and can be tried again from the same point.
  const ownTrial = useApp((s) => s.run?.origin);
  const ownName = useApp((s) => s.run?.trainee);
  const trialFrom = viewing ? undefined : ownTrial;
  const trainee = viewing ? viewing.trainee : ownName;
  const report = useMemo(() => debrief(scenario, state), [scenario, state]);
  const rest = useAfterFirstPaint();
  const analysis = useRunAnalysis(scenario, state, trialFrom, rest);
  const costs = analysis.kind === 'done' ? analysis.analysis.costs : undefined;
  const review = useMemo(() => afterAction(scenario, state, costs), [scenario, state, costs]);
  const [whatIfFrom, setWhatIfFrom] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusSoon(heading);
  // Laid out ahead while the last consequence was read: shown (its Activity's effects run then), it is back in the flow.
  const main = useRef<HTMLElement>(null);
  useInFlowWhenShown(main);

  // The ending and the overview (the scores) are drawn first and shown in one frame; the rest of the
  // debrief's ~2,000 elements, most below the fold, a frame later, before the trainee can scroll to it.
  return (
    <main ref={main} className="screen debrief" data-screen={DEBRIEF_SCREEN}>
      <header className="page-header">
        <p className="eyebrow">
          {viewing ? `班级复盘 · ${viewing.trainee}的复盘` : '复盘'} · {scenario.title}
        </p>
        {outdated && (
          <p className="outdated-note" role="note">
            这个演练在你完成之后更新过：这份复盘按你当时推演的版本显示。“重新推演”将按新版本开始。
          </p>
        )}
        <h1 ref={heading} tabIndex={-1} {...SCREEN_PAINTED}>
          {report.ending?.title ?? '演练未结束'}
        </h1>
        {report.ending?.tone && <p className={`tone tone-${report.ending.tone}`}>{TONE_LABEL[report.ending.tone]}</p>}
        {report.ending && <p className="prose">{report.endingText}</p>}
        {report.endingDetails.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one ending keep their order
          <p key={i} className="prose ending-detail">
            {text}
          </p>
        ))}
      </header>

      <Overview
        report={review}
        trainee={trainee}
        decisions={report.totals.decisions}
        timeouts={report.totals.timeouts}
      />
      {rest && (
        <>
          <Findings dimensions={review.dimensions} />
          {(scenario.regions ?? []).length > 0 && (
            <section aria-labelledby="world-heading" className="debrief-world">
              <h2 id="world-heading">各地结果</h2>
              <div className="debrief-world-grid">
                <StatusBoard scenario={scenario} world={state.world} />
                <RequestsBoard scenario={scenario} grants={state.grants} clock={state.clock} />
                <CasesChart
                  scenario={scenario}
                  world={state.world}
                  markers={runMarkers(scenario, state.timeline, state.injects)}
                  width={640}
                  height={260}
                />
              </div>
            </section>
          )}

          <TimelineTable scenario={scenario} state={state} report={report} onWhatIf={setWhatIfFrom} />
          {/* The sandbox focuses its first situation as it opens, which scrolls it into view. */}
          {whatIfFrom !== null && (
            <WhatIfSandbox
              key={whatIfFrom}
              scenario={scenario}
              seed={state.seed}
              decisions={state.decisions}
              origin={trialFrom}
              realState={state}
              from={whatIfFrom}
              onClose={() => setWhatIfFrom(null)}
            />
          )}

          <BestLineView scenario={scenario} status={analysis} run={state} />
          <ImprovementPlan plan={review.plan} weighed={costs !== undefined} />

          <section aria-labelledby="all-events-heading" className="all-events">
            <h2 id="all-events-heading">全部评分事件</h2>
            <div className="dimension-details">
              {report.dimensions.map((d) => (
                <section key={d.dimension} aria-labelledby={`dim-${d.dimension}-heading`} className="panel">
                  <h3 id={`dim-${d.dimension}-heading`}>
                    {DIMENSION_LABEL[d.dimension]} <span className="muted">{d.score} 分</span>
                  </h3>
                  <ScoreEventList
                    scenario={scenario}
                    events={d.events}
                    showDimension={false}
                    label={`${DIMENSION_LABEL[d.dimension]}评分事件`}
                  />
                </section>
              ))}
            </div>
          </section>

          {!viewing && <ResultsExport scenario={scenario} state={state} />}
        </>
      )}

      <div className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          打印复盘
        </button>
        {viewing ? (
          <button type="button" className="primary" onClick={viewing.onClose}>
            返回班级复盘
          </button>
        ) : (
          <>
            <button type="button" className="secondary" onClick={leaveRun}>
              {trialFrom ? '返回编写' : '返回演练库'}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => (trialFrom ? startTrial(trialFrom) : startRun(scenario.id))}
            >
              {trialFrom ? '从同一处再试' : '重新推演'}
            </button>
          </>
        )}
      </div>
    </main>
  );
}

export default DebriefScreen;

import { useMemo } from 'react';
import type { DecisionCost, LineOutcome, RunAnalysis } from '../../engine/best-line';
import { findChoice, findNode } from '../../engine/scenario-index';
import { DIMENSIONS } from '../../engine/scoring';
import { type RunState, TIMEOUT } from '../../engine/types';
import { compareRuns } from '../../report/compare-runs';
import type { Scenario } from '../../scenario/schema';
import { DIMENSION_LABEL, formatDelta, formatGameTimeShort } from '../format';
import { formatCount } from '../number-format';
import { OutcomeTable } from './outcome-table';

export type AnalysisStatus =
  | { kind: 'working'; done: number; total: number }
  | { kind: 'done'; analysis: RunAnalysis }
  | { kind: 'failed'; message: string };

function moveLabel(scenario: Scenario, nodeId: string, move: string): string {
  const node = findNode(scenario, nodeId);
  if (move === TIMEOUT) {
    const fallback = node?.kind === 'decision' ? findChoice(node, node.timeoutChoice ?? '') : undefined;
    return `超时未决（按“${fallback?.label ?? '默认处置'}”）`;
  }
  return (node?.kind === 'decision' ? findChoice(node, move)?.label : undefined) ?? move;
}

function endingTitle(scenario: Scenario, outcome: LineOutcome): string {
  if (outcome.ending === null) return '未结束';
  return findNode(scenario, outcome.ending)?.title ?? outcome.ending;
}

/** What one decision gave up: points on each dimension, cases and deaths added. */
function Cost({ cost }: { cost: DecisionCost }) {
  const parts = DIMENSIONS.filter((d) => cost.lost.points[d] !== 0).map((d) => (
    <span key={d} className={`chip dim-${d}`}>
      {DIMENSION_LABEL[d]} {formatDelta(-cost.lost.points[d])}
    </span>
  ));
  if (cost.lost.cases > 0) parts.push(<span key="cases">感染 +{formatCount(cost.lost.cases)}</span>);
  if (cost.lost.deaths > 0) parts.push(<span key="deaths">死亡 +{formatCount(cost.lost.deaths)}</span>);
  if (parts.length === 0) return <span className="muted">没有损失</span>;
  return <span className="cost">{parts}</span>;
}

/**
 * 最佳路线: the run beside the best line the search found — the outcomes side by side, then each
 * decision against the best move at the same moment and what the difference cost, then the best
 * line whole.
 */
export function BestLineView({ scenario, status, run }: { scenario: Scenario; status: AnalysisStatus; run: RunState }) {
  return (
    <section aria-labelledby="best-heading" className="best-line" aria-busy={status.kind === 'working'}>
      <h2 id="best-heading">最佳路线</h2>
      {status.kind === 'working' && (
        <p role="status">
          正在推算最佳路线：逐个决定试遍其他选择……（{status.done}/{status.total}）
        </p>
      )}
      {status.kind === 'failed' && <p role="alert">最佳路线没有算出来：{status.message}</p>}
      {status.kind === 'done' && <Analysis scenario={scenario} analysis={status.analysis} run={run} />}
    </section>
  );
}

function Analysis({ scenario, analysis, run }: { scenario: Scenario; analysis: RunAnalysis; run: RunState }) {
  const { best, costs } = analysis;
  const comparison = useMemo(() => compareRuns(scenario, run, best.state, 0), [scenario, run, best.state]);
  const lostInAll = costs.reduce((sum, c) => sum + c.lost.total, 0);
  return (
    <>
      <p className="muted">
        {analysis.exhaustive
          ? `引擎把每个局面下的每种选择都推演到了结局（共推演 ${formatCount(analysis.explored)} 步），没有比这更好的路线。`
          : `这次没能穷尽每一种走法：下面是在 ${formatCount(analysis.explored)} 步推演中找到的最好路线，可能还有更好的。`}
        “最好”指三项得分（未截到 0–100
        的）合计最高；同分时依次看死亡更少、结局更好、感染更少、结束更早。所以最佳路线的某一项显示分或死亡人数，可能不如你的推演。
      </p>
      <OutcomeTable
        rows={comparison.rows}
        label="你的推演与最佳路线"
        real="你的推演"
        other="最佳路线"
        difference="最佳路线比你的推演"
      />

      <h3 id="per-decision-heading">逐个决定</h3>
      <p className="muted">
        每一行：在你当时的局面下，最好的选择是什么；你的选择让此后能做到的最好结果差了多少。搜索穷尽时，各行相加正好是你与最佳路线的差距：共{' '}
        {lostInAll} 分（按未截到 0–100 的分数计，所以一项已经跌到 0 分后的失误也看得见）。
      </p>
      <div className="table-scroll">
        <table className="per-decision" aria-labelledby="per-decision-heading">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">情况</th>
              <th scope="col">你的决定</th>
              <th scope="col">同一局面下最好的决定</th>
              <th scope="col">这一步的代价</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((c) => (
              <tr key={c.decision} className={c.lost.total > 0 ? 'costly' : undefined}>
                <td>{c.decision + 1}</td>
                <td>{findNode(scenario, c.nodeId)?.title ?? c.nodeId}</td>
                <td>{moveLabel(scenario, c.nodeId, c.taken)}</td>
                <td>
                  {c.best === c.taken ? (
                    <span className="muted">就是你的选择</span>
                  ) : (
                    moveLabel(scenario, c.nodeId, c.best)
                  )}
                </td>
                <td>
                  <Cost cost={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="best-whole-heading">最佳路线全程</h3>
      <ol className="best-steps" aria-labelledby="best-whole-heading">
        {best.state.timeline.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line's steps keep their order
          <li key={i}>
            <span className="muted">{formatGameTimeShort(scenario.clockStart, t.clockAt)}</span>{' '}
            {findNode(scenario, t.nodeId)?.title ?? t.nodeId}：
            <strong>{moveLabel(scenario, t.nodeId, t.timedOut ? TIMEOUT : t.choiceId)}</strong>
          </li>
        ))}
        <li className="best-ending">结局：{endingTitle(scenario, best.outcome)}</li>
      </ol>
    </>
  );
}

import { useEffect, useRef } from 'react';
import { DEFAULT_BASE, DEFAULT_TIMEOUT_PENALTY, DIMENSIONS } from '../engine/scoring';
import type { Scenario } from '../scenario/schema';
import { TIME_LIMITS_LABEL, type TimeLimits } from '../store/time-limits';
import { DIMENSION_HINT, DIMENSION_LABEL, formatGameTime } from './format';
import { useApp } from './store-context';

export function BriefingScreen({ scenario }: { scenario: Scenario }) {
  const beginDecisions = useApp((s) => s.beginDecisions);
  const leaveRun = useApp((s) => s.leaveRun);
  const timeLimits = useApp((s) => s.run?.timeLimits ?? 'x1');
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);
  const timed = scenario.nodes.filter((n) => n.kind === 'decision' && n.timeLimitSec !== undefined).length;
  const base = scenario.scoring?.base ?? DEFAULT_BASE;
  const timeoutPenalty = scenario.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY;

  return (
    <main className="screen briefing">
      <header className="page-header">
        <p className="eyebrow">情况通报</p>
        <h1>{scenario.title}</h1>
      </header>
      <div className="briefing-grid">
        <section aria-labelledby="situation-heading" className="panel">
          <h2 id="situation-heading">情况</h2>
          <p className="prose">{scenario.briefing}</p>
          <p>
            推演开始于 <time>{formatGameTime(scenario.clockStart, 0)}</time>。每个决定都要耗费推演时间，事态随之发展。
          </p>
        </section>
        <section aria-labelledby="role-heading" className="panel">
          <h2 id="role-heading">你的角色</h2>
          <p className="role">{scenario.role}</p>
          <p className="muted">依据 {scenario.legalFramework} 年的法律文本评判。</p>
          {timed > 0 && (
            <p className="time-limits-note">
              <strong>限时：{TIME_LIMITS_LABEL[timeLimits]}</strong>。
              {timeLimitsText(timeLimits, timed, timeoutPenalty)}
            </p>
          )}
        </section>
        <section aria-labelledby="scoring-heading" className="panel scoring-rules">
          <h2 id="scoring-heading">怎样评分</h2>
          <p>
            三个维度各从 {base} 分起评，每一次加分、扣分都有理由和依据，结束后在复盘中逐条列出；每个维度最低 0 分，最高
            100 分。
          </p>
          <dl>
            {DIMENSIONS.map((d) => (
              <div key={d}>
                <dt className={`dim dim-${d}`}>{DIMENSION_LABEL[d]}</dt>
                <dd>{DIMENSION_HINT[d]}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={leaveRun}>
          返回演练库
        </button>
        <button
          type="button"
          className="primary"
          ref={startButton}
          onClick={beginDecisions}
          aria-describedby="situation-heading role-heading scoring-heading"
        >
          开始推演
        </button>
      </div>
    </main>
  );
}

/** What the run's time-limit setting means for its timed decisions, said before it starts. */
function timeLimitsText(setting: TimeLimits, timed: number, penalty: number): string {
  switch (setting) {
    case 'x1':
      return `有 ${timed} 个决定须在限时内作出：倒计时用完，按“默认处置”记录，并扣时效分 ${penalty} 分。`;
    case 'x2':
      return `有 ${timed} 个决定限时，教员已把每个限时放宽一倍：倒计时用完，按“默认处置”记录，并扣时效分 ${penalty} 分。`;
    case 'off':
      return `有 ${timed} 个决定原本限时，教员已取消限时：没有倒计时，也不会超时。`;
  }
}

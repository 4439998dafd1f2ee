import type { ReactNode } from 'react';
import type { Scenario } from '../scenario/schema';
import { formatGameTime } from './format';

interface Props {
  scenario: Scenario;
  clock: number;
  step?: string;
  children?: ReactNode;
  onLeave: () => void;
  /** A trial run from the authoring view: marked as such, and left back to it. */
  trial?: boolean;
}

/** The bar over every screen of a run: the drill, the in-game date-time, and a way out. */
export function RunHeader({ scenario, clock, step, children, onLeave, trial = false }: Props) {
  return (
    <header className="run-header">
      <div className="run-title">
        {trial && <span className="badge trial">试玩</span>}
        <span className="drill-name">{scenario.title}</span>
        {step && <span className="step">{step}</span>}
      </div>
      <output className="game-clock" aria-label="推演时间">
        <span className="clock-label">推演时间</span>
        <time>{formatGameTime(scenario.clockStart, clock)}</time>
      </output>
      {children}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const question = trial ? '结束试玩，回到编写视图？' : '离开后本次演练进度将清除。确定返回演练库？';
          if (window.confirm(question)) onLeave();
        }}
      >
        {trial ? '结束试玩' : '返回演练库'}
      </button>
    </header>
  );
}

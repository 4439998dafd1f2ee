import type { ReactNode } from 'react';
import type { Scenario } from '../scenario/schema';
import { formatGameTime } from './format';

interface Props {
  scenario: Scenario;
  clock: number;
  step?: string;
  children?: ReactNode;
  onLeave: () => void;
}

/** The bar over every screen of a run: the drill, the in-game date-time, and a way out. */
export function RunHeader({ scenario, clock, step, children, onLeave }: Props) {
  return (
    <header className="run-header">
      <div className="run-title">
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
          if (window.confirm('离开后本次演练进度将清除。确定返回演练库？')) onLeave();
        }}
      >
        返回演练库
      </button>
    </header>
  );
}

import { useEffect, useRef, useState } from 'react';
import { TIME_LIMITS_LABEL, type TimeLimits } from '../store/time-limits';

const WARN_SEC = 10;
const MINUTE_SEC = 60;

interface Props {
  /** The seconds allowed under the run's time-limit setting (already doubled under ×2). */
  limitSec: number;
  /** The run's time-limit setting, said beside the label when it is not the drill's own. */
  setting?: TimeLimits;
  /** Wall-clock ms when the decision was shown (saved, so a reload does not reset the clock). */
  shownAt: number;
  onExpire: () => void;
}

/**
 * What a screen reader hears, and when: a minute left (only when there was more than a minute to
 * start with) and ten seconds left. The text changes at those two moments only, so the live region
 * speaks twice at most, while the visible number ticks every second.
 */
function announcement(seconds: number, limitSec: number): string {
  if (seconds <= WARN_SEC) return `只剩 ${WARN_SEC} 秒，到时将按默认处置`;
  if (limitSec > MINUTE_SEC && seconds <= MINUTE_SEC) return '还剩 1 分钟';
  return '';
}

/** Milliseconds left now of `limitSec` seconds counted from `shownAt` (wall clock), never below 0. */
const remainingNow = (limitSec: number, shownAt: number): number =>
  Math.max(0, limitSec * 1000 - (Date.now() - shownAt));

/** The real-time countdown of a timed decision, with a warning in its last 10 seconds. */
export function Countdown({ limitSec, setting = 'x1', shownAt, onExpire }: Props) {
  const [remaining, setRemaining] = useState(() => remainingNow(limitSec, shownAt));
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const left = remainingNow(limitSec, shownAt);
      setRemaining(left);
      if (left === 0) {
        if (!expired.current) {
          expired.current = true;
          onExpireRef.current();
        }
        return;
      }
      // Woken when the number shown changes, at the next whole second left, and not between: each wake
      // draws the page again, and an input that meets one waits for it (a 200 ms interval did so five
      // times a second). Measured from the clock each time, so a late wake does not carry over.
      timer = setTimeout(tick, left % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [limitSec, shownAt]);

  const seconds = Math.ceil(remaining / 1000);
  const warning = seconds <= WARN_SEC;
  return (
    <div className={`countdown${warning ? ' warning' : ''}`} role="timer" aria-label="剩余时间">
      <span className="countdown-label">{setting === 'x2' ? `限时（${TIME_LIMITS_LABEL.x2}）` : '限时'}</span>
      <span className="countdown-value">{seconds} 秒</span>
      <progress max={limitSec * 1000} value={remaining} aria-hidden="true" />
      <span className="visually-hidden" aria-live="assertive">
        {announcement(seconds, limitSec)}
      </span>
    </div>
  );
}

/** In place of the countdown when the instructor turned time limits off: the decision was timed in the drill. */
export function NoCountdown({ limitSec }: { limitSec: number }) {
  return (
    <p className="countdown no-limit">
      <span className="countdown-label">{TIME_LIMITS_LABEL.off}</span>
      <span className="muted">（原限时 {limitSec} 秒，教员已取消）</span>
    </p>
  );
}

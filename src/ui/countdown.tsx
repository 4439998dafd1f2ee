import { useEffect, useRef, useState } from 'react';

const WARN_SEC = 10;

interface Props {
  limitSec: number;
  /** Wall-clock ms when the decision was shown (saved, so a reload does not reset the clock). */
  shownAt: number;
  onExpire: () => void;
}

/** The real-time countdown of a timed decision, with a warning in its last 10 seconds. */
export function Countdown({ limitSec, shownAt, onExpire }: Props) {
  const remainingAt = () => Math.max(0, limitSec * 1000 - (Date.now() - shownAt));
  const [remaining, setRemaining] = useState(remainingAt);
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    const tick = () => {
      const left = Math.max(0, limitSec * 1000 - (Date.now() - shownAt));
      setRemaining(left);
      if (left === 0 && !expired.current) {
        expired.current = true;
        onExpireRef.current();
      }
    };
    tick();
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [limitSec, shownAt]);

  const seconds = Math.ceil(remaining / 1000);
  const warning = seconds <= WARN_SEC;
  return (
    <div className={`countdown${warning ? ' warning' : ''}`} role="timer" aria-label="剩余时间">
      <span className="countdown-label">限时</span>
      <span className="countdown-value">{seconds} 秒</span>
      <progress max={limitSec * 1000} value={remaining} aria-hidden="true" />
      {/* Announced once, when the warning starts, not every second. */}
      <span className="visually-hidden" aria-live="assertive">
        {warning ? `只剩 ${WARN_SEC} 秒，到时将按默认处置` : ''}
      </span>
    </div>
  );
}

import { useEffect } from 'react';
import { drawUnseen } from '../ui/draw-unseen';
import { isShown } from '../ui/is-shown';
import { layOutAhead } from '../ui/lay-out-ahead';
import { whenIdle } from '../ui/when-idle';

/** Idle moments to wait for the hidden screens before giving up: React draws them after anything else. */
const TRIES = 4;

/**
 * Once something is `drawn` (anything but false or null; a new one starts again) and the page is idle,
 * each hidden element `selector` finds is drawn unseen (its glyphs readied) and laid out ahead (its
 * layout kept, lay-out-ahead.ts): whoever shows it then has neither to do. None there yet — where the
 * browser cannot say when it is idle (Safari), "idle" is the next task, which may come between React's
 * slices of hidden work — and it looks again at the next idle moment, a few times.
 */
export function useDrawnUnseen(drawn: unknown, selector: string): void {
  useEffect(() => {
    if (drawn === false || drawn === null) return;
    const undraw: (() => void)[] = [];
    let tries = 0;
    let cancel = () => {};
    const draw = () => {
      // Never a copy of what is on screen (nor of one laid out ahead already: its own display is gone).
      const hidden = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => !isShown(e));
      if (hidden.length === 0 && ++tries < TRIES) {
        cancel = whenIdle(draw);
        return;
      }
      for (const e of hidden) {
        undraw.push(drawUnseen(e));
        layOutAhead(e);
      }
    };
    cancel = whenIdle(draw);
    return () => {
      cancel();
      for (const u of undraw) u();
    };
  }, [drawn, selector]);
}

import { TIME_LIMITS, TIME_LIMITS_LABEL } from '../store/time-limits';
import { useApp } from './store-context';

/**
 * The instructor's time-limit setting for this machine (WCAG 2.2.1, Timing Adjustable): saved, and
 * taken by each run when it starts. A course link can set it too (`?限时=2`, read in main.tsx).
 */
export function TimeLimitSetting() {
  const timeLimits = useApp((s) => s.settings.timeLimits);
  const setTimeLimits = useApp((s) => s.setTimeLimits);
  return (
    <fieldset className="time-limit-setting">
      <legend>限时（教员设置）</legend>
      {TIME_LIMITS.map((setting) => (
        <label key={setting}>
          <input
            type="radio"
            name="time-limits"
            value={setting}
            checked={timeLimits === setting}
            onChange={() => setTimeLimits(setting)}
          />
          {TIME_LIMITS_LABEL[setting]}
        </label>
      ))}
    </fieldset>
  );
}

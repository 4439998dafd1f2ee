import type { SaveProblem } from '../store/save-storage';
import { isShown } from './is-shown';
import { useSaveHealth } from './store-context';

function message(problem: SaveProblem): string {
  switch (problem.kind) {
    case 'unavailable':
      return '浏览器不允许保存（可能是隐私模式，或关闭了网站存储）：进度只在这个页面里，关闭或刷新后就没有了。需要留存时请导出进度。';
    case 'corrupt':
      return '原来保存的进度已经损坏，无法读取，这里从头开始。原来保存的内容可以导出，交给管理员查看。';
    case 'newer':
      return `保存的进度来自更新版本的程序（格式第 ${problem.version} 版）。为了不破坏它，这里既不读取也不覆盖它，进度只在这个页面里。请用新版本打开，或把它导出留存。`;
    case 'full':
      return '浏览器的存储空间已满，最近的进度没有保存下来。可以在演练库中移除不再使用的导入演练，或先导出进度。';
    case 'partly-dropped':
      return `保存的进度中有一部分已经损坏，已丢弃：${problem.dropped.join('、')}。其余内容都保留着；原来保存的内容可以导出。`;
    case 'other-tab':
      return '另一个标签页也改动了保存的进度，两边的进度已经不同。为免互相覆盖，这个标签页已停止保存：请导出这里的进度，或重新载入以接着另一个标签页的进度。';
    case 'synced':
      return '另一个标签页更新了保存的进度，这里已随之更新。';
  }
}

/** Problems that mean nothing is being saved now: said until they are over, not dismissed. */
const ONGOING: ReadonlySet<SaveProblem['kind']> = new Set(['unavailable', 'newer', 'full', 'other-tab']);

interface Props {
  /** Exports this tab's progress, from memory. */
  onExport: () => void;
  /** Exports the text storage held, when that is what is at stake. */
  onExportRaw: (raw: string) => void;
  onReload: () => void;
  onDismiss: () => void;
}

/** Says what went wrong with saving progress, above every screen, with what can be done about it. */
export function SaveNotice({ onExport, onExportRaw, onReload, onDismiss }: Props) {
  const problem = useSaveHealth((s) => s.problem);
  if (!problem) return null;
  const raw = 'raw' in problem ? problem.raw : null;
  const ongoing = ONGOING.has(problem.kind);
  // Losing nothing now is news, not an alarm.
  const role = ongoing || raw !== null ? 'alert' : 'status';
  return (
    <div className="save-notice" role={role}>
      <p>{message(problem)}</p>
      <div className="save-notice-actions">
        {problem.kind !== 'synced' && (
          <button type="button" className="secondary" onClick={onExport}>
            导出进度
          </button>
        )}
        {raw !== null && (
          <button type="button" className="secondary" onClick={() => onExportRaw(raw)}>
            导出原来保存的内容
          </button>
        )}
        {problem.kind === 'other-tab' && (
          <button type="button" className="secondary" onClick={onReload}>
            重新载入
          </button>
        )}
        {!ongoing && (
          <button
            type="button"
            className="link-button"
            aria-label="知道了，关闭这条保存进度的提示"
            onClick={() => {
              onDismiss();
              // The button is gone: the reader goes on at the heading of the screen shown.
              [...document.querySelectorAll<HTMLElement>('main h1')].find(isShown)?.focus();
            }}
          >
            知道了
          </button>
        )}
      </div>
    </div>
  );
}

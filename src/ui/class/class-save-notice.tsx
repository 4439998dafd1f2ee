import { useStore } from 'zustand';
import type { SaveProblem } from '../../store/save-storage';
import { downloadText } from '../download';
import type { ClassStore } from './class-store';

function message(problem: SaveProblem): string | null {
  switch (problem.kind) {
    case 'unavailable':
      return '浏览器不允许保存（可能是隐私模式，或关闭了网站存储）：载入的班级只在这个页面里，刷新后要重新载入结果文件。';
    case 'corrupt':
      return '原来保存的班级已经损坏，无法读取，这里是一个空班级。原来保存的内容已另存一份，可以导出。请重新载入学员的结果文件。';
    case 'newer':
      return `保存的班级来自更新版本的程序（格式第 ${problem.version} 版）：这里既不读取也不覆盖它，载入的班级只在这个页面里。`;
    case 'full':
      return '浏览器里留给班级的存储已满，最近载入的结果没有保存下来：刷新后要重新载入。可以先导出 CSV，或清空班级后分批载入。';
    case 'partly-dropped':
      return `保存的班级中有 ${problem.dropped.length} 份结果已经损坏，已移出班级：${problem.dropped.join('、')}。其余都保留着；原来保存的内容可以导出，这几份请重新载入。`;
    case 'other-tab':
    case 'synced':
      return null;
  }
}

/** Says what went wrong with keeping the class, with the saved text to export when it is at stake. */
export function ClassSaveNotice({ store }: { store: ClassStore }) {
  const problem = useStore(store.health, (s) => s.problem);
  const text = problem && message(problem);
  if (!problem || !text) return null;
  const raw = 'raw' in problem ? problem.raw : null;
  return (
    <div className="save-notice" role="alert">
      <p>{text}</p>
      {raw !== null && (
        <div className="save-notice-actions">
          <button type="button" className="secondary" onClick={() => downloadText('班级复盘-原来保存的内容.json', raw)}>
            导出原来保存的内容
          </button>
        </div>
      )}
    </div>
  );
}

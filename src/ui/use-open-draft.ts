import type { Draft } from '../store/saved-state';
import { useApp } from './store-context';

/**
 * Opens a drill in the authoring view. The view holds one draft: when it has edits not yet
 * exported or put in the library, the instructor is asked before they are replaced.
 */
export function useOpenDraft(): (draft: Omit<Draft, 'dirty'>) => boolean {
  const openDraft = useApp((s) => s.openDraft);
  const dirty = useApp((s) => s.draft?.dirty ?? false);
  return (draft) => {
    if (dirty && !window.confirm('编写视图里有尚未导出、也未加入演练库的修改，打开新的剧本会替换它们。确定继续？')) {
      return false;
    }
    openDraft(draft);
    return true;
  };
}

import { fileText } from '../scenario/file-text';
import { FilePicker } from '../ui/file-picker';
import { useOpenDraft } from '../ui/use-open-draft';

// The template ships in the authoring chunk only; a glob, so a checkout without it still builds.
const templates = import.meta.glob<string>('../../scenarios/template.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
export const template = Object.values(templates)[0];

/** The authoring view with no drill open yet: start from the template or from a file. */
export function StartDraft({ onBack }: { onBack: () => void }) {
  const openDraft = useOpenDraft();
  return (
    <main className="screen authoring">
      <header className="page-header authoring-header">
        <h1>编写与试玩</h1>
        <button type="button" className="link-button" onClick={onBack}>
          返回演练库
        </button>
      </header>
      <div className="panel start-draft">
        <p>从带注释的模板开始写一个新演练，或打开一个已有的情景文件。写好后可以逐个节点试玩，再导出或加入演练库。</p>
        <div className="actions">
          {template && (
            <button
              type="button"
              className="primary"
              onClick={() => openDraft({ file: 'template.json', text: template })}
            >
              从模板开始
            </button>
          )}
          <FilePicker
            label="打开文件…"
            onFile={async (file) => {
              openDraft({ file: file.name, text: await fileText(file) });
            }}
          />
        </div>
      </div>
    </main>
  );
}

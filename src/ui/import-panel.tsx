import { type DragEvent, useId, useState } from 'react';
import type { PlacedProblem } from '../scenario/check-file';
import { FilePicker } from './file-picker';
import { useApp } from './store-context';
import { useOpenDraft } from './use-open-draft';

/** Files larger than this are refused before they are read (load() refuses them too). */
const MAX_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'imported'; title: string; warnings: PlacedProblem[] }
  | { kind: 'refused'; file: string; text: string; problems: PlacedProblem[] };

/**
 * Import a drill by file picker, by drag and drop, or by pasting its JSON. The checker is fetched
 * only when a file is checked; a file with problems changes nothing else.
 */
export function ImportPanel() {
  const importDrill = useApp((s) => s.importDrill);
  const openDraft = useOpenDraft();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const pasteId = useId();

  async function check(file: string, text: string) {
    setOutcome({ kind: 'busy' });
    const { checkFile, placeProblems } = await import('../scenario/check-file');
    const { result, placed } = checkFile(text);
    const done = importDrill({ file, text }, result);
    if (done.ok && result.ok) {
      setOutcome({ kind: 'imported', title: result.scenario.title, warnings: placed });
      setPasted('');
    } else if (!done.ok) {
      setOutcome({ kind: 'refused', file, text, problems: result.ok ? placeProblems(text, done.problems) : placed });
    }
  }

  async function checkFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setOutcome({
        kind: 'refused',
        file: file.name,
        text: '',
        problems: [
          {
            severity: 'error',
            pointer: '',
            message: '文件太大（超过 5 MB）：检查是否选错了文件。',
            line: 1,
            column: 1,
            source: '',
          },
        ],
      });
      return;
    }
    // Fetched with the file, as the checker is: the library's first load has no use for it.
    const { fileText } = await import('../scenario/file-text');
    await check(file.name, await fileText(file));
  }

  function onDrop(e: DragEvent<HTMLFieldSetElement>) {
    e.preventDefault();
    setDragging(false);
    void checkFile(e.dataTransfer.files[0]);
  }

  return (
    <section className="import-panel panel" aria-labelledby="import-heading">
      <h2 id="import-heading">导入演练</h2>
      <fieldset
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <legend className="visually-hidden">选择或拖放情景文件</legend>
        <p>把情景 JSON 文件拖到这里，或</p>
        <FilePicker label="选择文件…" onFile={(file) => void checkFile(file)} />
      </fieldset>
      <label htmlFor={pasteId}>或粘贴情景 JSON：</label>
      <textarea id={pasteId} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={pasted.trim() === '' || outcome.kind === 'busy'}
          onClick={() => void check('粘贴的内容', pasted)}
        >
          检查并导入
        </button>
      </div>
      {outcome.kind === 'busy' && <p aria-busy="true">正在检查……</p>}
      {outcome.kind === 'imported' && (
        <p role="status" className="import-ok">
          已导入“{outcome.title}”，可以在演练库中开始。
          {outcome.warnings.length > 0 && `（有 ${outcome.warnings.length} 条提醒，见下）`}
        </p>
      )}
      {outcome.kind === 'refused' && (
        <div role="alert" className="import-problems">
          <p>
            {outcome.file} 有 {outcome.problems.length} 个问题，未导入。演练库和进度都没有改变。
          </p>
          <ProblemList problems={outcome.problems} />
          {/* A binary file (a NUL in it: an image, an archive) is nothing to edit as text. */}
          {outcome.text && !outcome.text.includes('\u0000') && (
            <button
              type="button"
              className="secondary"
              onClick={() => openDraft({ file: outcome.file, text: outcome.text })}
            >
              在编写视图中修改
            </button>
          )}
        </div>
      )}
      {outcome.kind === 'imported' && outcome.warnings.length > 0 && <ProblemList problems={outcome.warnings} />}
    </section>
  );
}

function ProblemList({ problems }: { problems: readonly PlacedProblem[] }) {
  return (
    <ol className="problem-list">
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems keep their order
        <li key={i}>
          <code>{p.pointer || '/'}</code> 第 {p.line} 行第 {p.column} 列：{p.severity === 'warning' ? '（提醒）' : ''}
          {p.message}
          {p.source && (
            <pre>
              <span className="visually-hidden">第 {p.line} 行：</span>
              {p.source}
              {'\n'}
              {`${' '.repeat(Math.max(0, p.column - 1))}^`}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * 编写与试玩: the authoring view, loaded only when opened. The drill's JSON is checked again as
 * it is typed; the graph shows its shape even while it has errors; any decision node can be
 * played from, with the state set first; the drill can be exported or put in the library.
 */
import { type KeyboardEvent, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import schema from '../../scenarios/schema.json';
import type { Origin } from '../engine/types';
import { branchesTooFew, branchingSummary } from '../scenario/branching';
import { type CheckedFile, checkFile, type PlacedProblem } from '../scenario/check-file';
import { fileText } from '../scenario/file-text';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/schema';
import { downloadText } from '../ui/download';
import { FilePicker } from '../ui/file-picker';
import { useApp } from '../ui/store-context';
import { useOpenDraft } from '../ui/use-open-draft';
import { DrillGraphView, NodeList } from './drill-graph-view';
import { graphShape, layOut, MAX_LAID_OUT_NODES } from './graph-model';
import { JsonEditor, type JsonEditorHandle } from './json-editor';
import { NodePanel } from './node-panel';
import { stableJson } from './stable-json';
import { StartDraft, template } from './start-draft';
import './authoring.css';

type Tab = 'graph' | 'json';
const TABS: { id: Tab; label: string }[] = [
  { id: 'graph', label: '结构图' },
  { id: 'json', label: 'JSON' },
];

export default function AuthoringView() {
  const draft = useApp((s) => s.draft);
  const openPage = useApp((s) => s.openPage);
  if (!draft) return <StartDraft onBack={() => openPage('library')} />;
  // A new file is a new editor: nothing of the last file's shape or selection carries over.
  return <Editor key={draft.file} file={draft.file} text={draft.text} />;
}

function Editor({ file, text }: { file: string; text: string }) {
  const editDraft = useApp((s) => s.editDraft);
  const draftKept = useApp((s) => s.draftKept);
  const openPage = useApp((s) => s.openPage);
  const openDraft = useOpenDraft();
  const importDrill = useApp((s) => s.importDrill);
  const setDraftDrill = useApp((s) => s.setDraftDrill);
  const startTrial = useApp((s) => s.startTrial);
  const [tab, setTab] = useState<Tab>('graph');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const editor = useRef<JsonEditorHandle>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ graph: null, json: null });

  // The check renders at a lower priority than typing: keys never wait for it.
  const checkedText = useDeferredValue(text);
  const checked = useMemo(() => checkFile(checkedText), [checkedText]);
  const { result, placed } = checked;
  const shaped = result.ok ? result.scenario : result.shaped;
  // While the JSON does not parse, the graph keeps the last shape it had.
  const lastShape = useRef(shaped);
  if (shaped) lastShape.current = shaped;
  const scenario = shaped ?? lastShape.current;
  const errors = placed.filter((p) => p.severity === 'error').length;
  const warnings = placed.length - errors;

  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  /** The check of the text as it is now, not as it was when the deferred check last rendered. */
  const current = (): CheckedFile => (checkedText === text ? checked : checkFile(text));

  function goToProblem(p: PlacedProblem) {
    setTab('json');
    // After the editor is shown.
    requestAnimationFrame(() => editor.current?.goTo(p.line, p.column));
  }

  function exportJson() {
    try {
      const data = JSON.parse(text);
      const name = typeof data?.id === 'string' ? `${data.id}.json` : file;
      downloadText(name, stableJson(data, schema));
      draftKept();
      setNotice({ ok: true, text: `已导出 ${name}（键按格式说明的顺序排列）。` });
    } catch {
      setNotice({ ok: false, text: 'JSON 还有语法错误，改正后才能导出。' });
    }
  }

  function addToLibrary() {
    const outcome = importDrill({ file, text }, current().result);
    if (outcome.ok) draftKept();
    setNotice(
      outcome.ok
        ? { ok: true, text: '已加入演练库：学员现在就可以开始这个演练。' }
        : { ok: false, text: outcome.problems.map((p) => p.message).join(' ') },
    );
  }

  function startFrom(origin: Origin) {
    const now = current().result;
    if (!now.ok) return;
    setDraftDrill(now.scenario, now.hash);
    startTrial(origin);
  }

  function onTabKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab === 'graph' ? 'json' : 'graph';
    setTab(next);
    tabs.current[next]?.focus();
  }

  const trial = result.ok
    ? { onStart: startFrom }
    : { blocked: `剧本还有 ${errors} 个错误，改正后才能试玩（见“JSON”中的问题列表）。` };

  return (
    <main className="screen authoring">
      <header className="page-header authoring-header">
        <div>
          <p className="eyebrow">编写与试玩 · {file}</p>
          <h1 ref={heading} tabIndex={-1}>
            {scenario?.title ?? '（无法读出标题）'}
          </h1>
        </div>
        <div className="actions">
          {template !== undefined && (
            <button
              type="button"
              className="secondary"
              onClick={() => openDraft({ file: 'template.json', text: template as string })}
            >
              从模板新建
            </button>
          )}
          <FilePicker
            label="打开文件…"
            onFile={async (chosen) => {
              if (openDraft({ file: chosen.name, text: await fileText(chosen) })) setSelected(null);
            }}
          />
          <button type="button" className="secondary" onClick={exportJson}>
            导出 JSON
          </button>
          <button type="button" className="secondary" onClick={addToLibrary} disabled={!result.ok}>
            加入演练库
          </button>
          <button type="button" className="link-button" onClick={() => openPage('help')}>
            编写指南
          </button>
          <button type="button" className="link-button" onClick={() => openPage('library')}>
            返回演练库
          </button>
        </div>
      </header>
      <p className="check-line">
        {/* Announced when the counts change, not at every key. */}
        <span role="status" className={`check-status ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'clean'}`}>
          {errors === 0 && warnings === 0
            ? '检查通过：没有错误，也没有提醒。'
            : `${errors ? `${errors} 个错误` : '没有错误'}${warnings ? `，${warnings} 个提醒` : ''}${
                errors ? '：改正错误后才能试玩和加入演练库。' : '。'
              }`}
        </span>
        {checkedText !== text && <span className="muted">（正在检查……）</span>}
      </p>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'import-ok' : 'import-problems'}>
          {notice.text}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="视图">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={tab === id ? `panel-${id}` : undefined}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={onTabKey}
          >
            {label}
            {id === 'json' && placed.length > 0 && `（${placed.length} 个问题）`}
          </button>
        ))}
      </div>
      {tab === 'graph' && (
        <div className="authoring-graph" role="tabpanel" id="panel-graph" aria-labelledby="tab-graph">
          <div className="graph-pane">
            {scenario ? (
              <GraphOf
                scenario={scenario}
                problems={result.ok ? result.warnings : result.problems}
                selected={selected}
                onSelect={setSelected}
              />
            ) : (
              <p>文件还读不出结构（JSON 语法或整体形状有误）：先在“JSON”中改正。</p>
            )}
          </div>
          <aside className="node-pane" aria-label="节点">
            {scenario && selected && scenario.nodes.some((n) => n.id === selected) ? (
              <NodePanel scenario={scenario} nodeId={selected} onSelect={setSelected} trial={trial} />
            ) : (
              <>
                <p className="muted">点击图中的节点，查看它的文字与选项，并可从此处试玩。</p>
                {scenario?.instructorNotes && (
                  <section className="panel instructor-notes" aria-labelledby="instructor-notes-heading">
                    <h2 id="instructor-notes-heading">给教员的说明</h2>
                    <p className="prose">{scenario.instructorNotes}</p>
                  </section>
                )}
              </>
            )}
          </aside>
        </div>
      )}
      {tab === 'json' && (
        <div className="authoring-json" role="tabpanel" id="panel-json" aria-labelledby="tab-json">
          <JsonEditor ref={editor} text={text} onChange={editDraft} />
          <section className="editor-problems" aria-label="问题">
            {placed.length === 0 ? (
              <p className="muted">没有问题。</p>
            ) : (
              <ol className="problem-list">
                {placed.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems keep their order
                  <li key={i} className={p.severity}>
                    <button type="button" className="link-button inline" onClick={() => goToProblem(p)}>
                      第 {p.line} 行第 {p.column} 列
                    </button>{' '}
                    <code>{p.pointer || '/'}</code> {p.severity === 'warning' ? '（提醒）' : ''}
                    {p.message}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </main>
  );
}

interface GraphOfProps {
  scenario: Scenario;
  problems: readonly Problem[];
  selected: string | null;
  onSelect: (nodeId: string) => void;
}

/** The graph, laid out only while it is shown; a list instead when it is too big to lay out in time. */
function GraphOf({ scenario, problems, selected, onSelect }: GraphOfProps) {
  const shape = useMemo(() => graphShape(scenario, problems), [scenario, problems]);
  const laidOut = useMemo(() => {
    if (shape.nodes.length > MAX_LAID_OUT_NODES) return null;
    try {
      return layOut(shape);
    } catch {
      // A layout failure must not take the editor down with it: the list still shows every node.
      return null;
    }
  }, [shape]);
  const { figures } = shape;
  return (
    <>
      <p className="route-figures">
        {branchingSummary(figures)}
        {branchesTooFew(figures) && <strong> 分岔的决定不到三分之一（见“JSON”中的提醒）。</strong>}
      </p>
      <GraphLegend />
      {laidOut ? (
        <DrillGraphView graph={laidOut} selected={selected} onSelect={(n) => onSelect(n.key)} />
      ) : (
        <NodeList
          shape={shape}
          selected={selected}
          onSelect={(n) => onSelect(n.key)}
          why={`这个演练有 ${shape.nodes.length} 个节点，超过结构图能及时画出的 ${MAX_LAID_OUT_NODES} 个，改为列出：`}
        />
      )}
    </>
  );
}

function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label="图例">
      <li>
        <span className="swatch node-decision" /> 决策节点
      </li>
      <li>
        <span className="swatch node-ending" /> 结局
      </li>
      <li>
        <span className="swatch node-inject" /> 插入事件
      </li>
      <li>
        <span className="swatch unreachable" /> 到不了（虚线）
      </li>
      <li>
        <span className="swatch dead-end" /> 走不到结局
      </li>
      <li>
        <span className="swatch some-routes" /> 部分路线：只有一些路线经过的决定（点线框）
      </li>
    </ul>
  );
}

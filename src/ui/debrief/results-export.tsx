/**
 * 保存结果: the trainee types a name or number (kept with the run) and exports the results file —
 * the whole result as JSON, for the instructor who collects a class, and each decision as CSV, for
 * a spreadsheet. Both are built when clicked, from the run as the store holds it then.
 */
import { useId, useState } from 'react';
import type { RunState } from '../../engine/types';
import { buildResults, MAX_TRAINEE_LENGTH, resultsToCsv } from '../../report/results-file';
import type { Scenario } from '../../scenario/schema';
import { datedName, downloadText } from '../download';
import { useApp, useAppStore } from '../store-context';
import './results-export.css';

/** A title or name as part of a file name: the characters file systems refuse become "_". */
const forFileName = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim();

interface Props {
  /** The drill as the run was played on it. */
  scenario: Scenario;
  state: RunState;
}

export function ResultsExport({ scenario, state }: Props) {
  const store = useAppStore();
  const setTrainee = useApp((s) => s.setTrainee);
  // What is typed is shown as typed; the store keeps it trimmed (so a space between two words survives typing).
  const [typed, setTyped] = useState(() => store.getState().run?.trainee ?? '');
  const inputId = useId();
  const hintId = useId();

  const results = () => {
    const run = store.getState().run;
    return buildResults({
      scenario,
      hash: run?.hash ?? '',
      state,
      startedAt: run?.startedAt ?? null,
      endedAt: run?.endedAt ?? null,
      trainee: run?.trainee ?? null,
      timeLimits: run?.timeLimits ?? 'x1',
      appVersion: __APP_VERSION__,
    });
  };
  const fileName = (trainee: string | null, extension: 'json' | 'csv') => {
    const parts = ['桌面推演-结果', forFileName(scenario.title), ...(trainee ? [forFileName(trainee)] : [])];
    return datedName(parts.join('-'), new Date(), extension);
  };
  const exportJson = () => {
    const file = results();
    downloadText(fileName(file.trainee, 'json'), `${JSON.stringify(file, null, 2)}\n`);
  };
  const exportCsv = () => {
    const file = results();
    downloadText(fileName(file.trainee, 'csv'), resultsToCsv(file));
  };

  return (
    <section aria-labelledby="results-export-heading" className="results-export panel no-print">
      <h2 id="results-export-heading">保存结果</h2>
      <p id={hintId} className="muted">
        结果（JSON）交给老师汇总，每个决定（CSV）可以用 Excel 打开。姓名或学号只保存在这台电脑上和导出的文件里。
      </p>
      <div className="results-export-row">
        <label htmlFor={inputId}>姓名或学号（可选）</label>
        <input
          id={inputId}
          type="text"
          value={typed}
          maxLength={MAX_TRAINEE_LENGTH}
          autoComplete="off"
          aria-describedby={hintId}
          onChange={(e) => {
            setTyped(e.target.value);
            setTrainee(e.target.value);
          }}
        />
      </div>
      <div className="actions start">
        <button type="button" className="secondary" onClick={exportJson}>
          导出结果（JSON）
        </button>
        <button type="button" className="secondary" onClick={exportCsv}>
          导出每个决定（CSV）
        </button>
      </div>
    </section>
  );
}

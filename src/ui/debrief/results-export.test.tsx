// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/accessibility';
import { uiDrill } from '../../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../../test/render-app';
import { playThrough } from '../../../test/run-to';
import { checkResults } from '../../report/results-file';
import { selectRunAvailability } from '../../store/selectors';
import { downloadText } from '../download';
import { ResultsExport } from './results-export';

vi.mock('../download', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../download')>()),
  downloadText: vi.fn(),
}));

const download = vi.mocked(downloadText);

function renderComponent(choices = ['report', 'publish']) {
  const store = storeWith([uiDrill]);
  playThrough(store, 'ui-drill', choices);
  const active = selectRunAvailability(store.getState(), store.derivedRuns);
  if (active.kind !== 'playing') throw new Error(active.kind);
  return renderWithStore(<ResultsExport scenario={active.scenario} state={active.state} />, store);
}

/** The one file handed to the browser since the last reset: its name and text. */
function downloaded(): { name: string; text: string } {
  expect(download).toHaveBeenCalledTimes(1);
  const [name, text] = download.mock.calls[0] ?? [];
  return { name: name ?? '', text: text ?? '' };
}

describe('<ResultsExport>', () => {
  beforeEach(() => download.mockReset());

  it('keeps the name or number typed with the run, as typed between words, trimmed at the ends', async () => {
    const { store } = renderComponent();
    const field = screen.getByRole('textbox', { name: '姓名或学号（可选）' });
    await userEvent.type(field, ' 张 三 ');
    expect(field).toHaveValue(' 张 三 ');
    expect(store.getState().run?.trainee).toBe('张 三');
    await userEvent.clear(field);
    expect(store.getState().run).not.toHaveProperty('trainee');
  });

  it('records in the file the time limits the run started with, not the setting changed since', async () => {
    const store = storeWith([uiDrill]);
    store.getState().setTimeLimits('x2');
    playThrough(store, 'ui-drill', ['report', 'publish']);
    store.getState().setTimeLimits('off');
    const active = selectRunAvailability(store.getState(), store.derivedRuns);
    if (active.kind !== 'playing') throw new Error(active.kind);
    renderWithStore(<ResultsExport scenario={active.scenario} state={active.state} />, store);
    await userEvent.click(screen.getByRole('button', { name: '导出结果（JSON）' }));
    const checked = checkResults(downloaded().text);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.file.timeLimits).toBe('x2');
  });

  it('shows the name already kept with the run', () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', ['report', 'publish']);
    store.getState().setTrainee('2024001');
    const active = selectRunAvailability(store.getState(), store.derivedRuns);
    if (active.kind !== 'playing') throw new Error(active.kind);
    renderWithStore(<ResultsExport scenario={active.scenario} state={active.state} />, store);
    expect(screen.getByRole('textbox', { name: '姓名或学号（可选）' })).toHaveValue('2024001');
  });

  it('exports the results as JSON, with the name typed, that reads back as a results file', async () => {
    const { store } = renderComponent();
    await userEvent.type(screen.getByRole('textbox', { name: '姓名或学号（可选）' }), '李四');
    await userEvent.click(screen.getByRole('button', { name: '导出结果（JSON）' }));
    const { name, text } = downloaded();
    expect(name).toMatch(/^桌面推演-结果-界面测试演练-李四-\d{4}-\d{2}-\d{2}\.json$/);
    const checked = checkResults(text);
    if (!checked.ok) throw new Error(checked.message);
    const run = store.getState().run;
    expect(checked.file).toMatchObject({
      trainee: '李四',
      app: { name: 'tuiyan', version: __APP_VERSION__ },
      drill: { id: 'ui-drill', hash: run?.hash },
      seed: 42,
      ending: { id: 'good' },
      startedAt: new Date(run?.startedAt ?? 0).toISOString(),
      endedAt: new Date(run?.endedAt ?? 0).toISOString(),
    });
    expect(checked.file.decisions.map((d) => d.choiceId)).toEqual(['report', 'publish']);
  });

  it('exports each decision as CSV, one row each, named without a name when none was typed', async () => {
    renderComponent();
    await userEvent.click(screen.getByRole('button', { name: '导出每个决定（CSV）' }));
    const { name, text } = downloaded();
    expect(name).toMatch(/^桌面推演-结果-界面测试演练-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFF姓名或学号,')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('puts the app’s version from package.json in the file', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(__APP_VERSION__).toBe(version);
  });

  it('is left out of a printed debrief, and is accessible', async () => {
    const { container } = renderComponent();
    expect(screen.getByRole('region', { name: '保存结果' })).toHaveClass('no-print');
    await expectAccessible(container);
  });
});

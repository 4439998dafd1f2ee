// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLASS_DRILL_FILE, classFiles } from '../../../test/class-results';
import { memoryStorage, renderWithStore } from '../../../test/render-app';
import { load } from '../../scenario/load';
import { createAppStore } from '../../store/app-store';
import { ClassPage } from './class-page';
import { CLASS_STORAGE_KEY, createClassStore } from './class-store';

function setUp(storage = memoryStorage()) {
  const app = createAppStore({ now: () => Date.now(), newSeed: () => 42, storage: memoryStorage() });
  app
    .getState()
    .addShippedDrills([{ file: 'wait-for-orders.json', result: load(readFileSync(CLASS_DRILL_FILE, 'utf8')) }]);
  const store = createClassStore(storage);
  renderWithStore(<ClassPage store={store} />, app);
  return { app, store, storage };
}

const asFiles = (files: { name: string; text: string }[]) =>
  files.map((f) => new File([f.text], f.name, { type: 'application/json' }));

describe('班级复盘', () => {
  const good = classFiles(4);

  it('loads the picked files, lists those it set aside with their reasons, and shows the class', async () => {
    const { storage } = setUp();
    const input = screen.getByLabelText('选择结果文件（可多选）');
    await userEvent.upload(input, [
      ...asFiles(good),
      new File(['{"format": '], '坏.json'),
      ...asFiles([{ name: '再交一次.json', text: good[0]?.text ?? '' }]),
    ]);
    const summary = await screen.findByRole('heading', { name: '这次载入 4 份，另有 2 份没有载入' });
    expect(summary).toBeTruthy();
    const refused = screen.getByRole('list', { name: '没有载入的文件' });
    expect(within(refused).getByText('坏.json')).toBeTruthy();
    expect(within(refused).getByText(/不是有效的 JSON/)).toBeTruthy();
    expect(within(refused).getByText(/是同一局推演/)).toBeTruthy();

    const ranking = screen.getByRole('table', { name: '排名' });
    expect(within(ranking).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByRole('table', { name: '时效得分分布' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '结局分布' })).toBeTruthy();
    expect(screen.getAllByRole('table', { name: /：各选项人数$/ }).length).toBeGreaterThan(10);
    expect(JSON.parse(storage.data[CLASS_STORAGE_KEY] ?? '').state.runs).toHaveLength(4);
    expect(screen.getByText('给教员的说明：各条路线教什么')).toBeTruthy();
    expect(screen.getByText(/最好的一条线/)).toBeTruthy();
  });

  it('shows beside each trainee’s scores the time limits they were made under', async () => {
    setUp();
    await userEvent.upload(screen.getByLabelText('选择结果文件（可多选）'), asFiles(classFiles(5)));
    const ranking = await screen.findByRole('table', { name: '排名' });
    expect(within(ranking).getByRole('columnheader', { name: '限时' })).toBeTruthy();
    const relaxed = within(ranking).getByRole('row', { name: /学员05/ });
    expect(within(relaxed).getByRole('cell', { name: '放宽一倍' })).toBeTruthy();
    expect(
      within(within(ranking).getByRole('row', { name: /学员01/ })).getByRole('cell', { name: '标准' }),
    ).toBeTruthy();
  });

  it('hides the ranking: the trainees by name, with no scores', async () => {
    const { store } = setUp();
    await userEvent.upload(screen.getByLabelText('选择结果文件（可多选）'), asFiles(good));
    await screen.findByRole('table', { name: '排名' });
    await userEvent.click(screen.getByLabelText(/隐藏排名/));
    const list = screen.getByRole('table', { name: '学员' });
    const names = within(list)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(names).toEqual(['学员01', '学员02', '学员03', '学员04']);
    expect(within(list).queryByText('三项平均')).toBeNull();
    expect(store.getState().hideRanking).toBe(true);
  });

  it('shows a class kept from before the reload, with no files picked', async () => {
    const storage = memoryStorage();
    const first = setUp(storage);
    await userEvent.upload(screen.getByLabelText('选择结果文件（可多选）'), asFiles(good.slice(0, 2)));
    await screen.findByRole('table', { name: '排名' });
    document.body.innerHTML = '';
    expect(first.store.getState().runs).toHaveLength(2);
    setUp(storage);
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: '排名' })).getAllByRole('row')).toHaveLength(3),
    );
  });
});

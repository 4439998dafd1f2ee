// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { memoryStorage } from '../../test/render-app';
import { SAVE_VERSION, STORAGE_KEY } from '../store/app-store';
import { progressFile } from './export-progress';
import { ScreenBoundary } from './screen-boundary';

function Broken(): never {
  throw new Error('图表数据不完整');
}

describe('<ScreenBoundary>', () => {
  it('shows what happened, with 导出进度 and a way back, instead of a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onLeave = vi.fn();
    const onExport = vi.fn();
    const { container } = render(
      <ScreenBoundary onLeave={onLeave} onExport={onExport} leaveLabel="返回演练库">
        <Broken />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('图表数据不完整');
    await userEvent.click(screen.getByRole('button', { name: '导出进度' }));
    expect(onExport).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: '返回演练库' }));
    expect(onLeave).toHaveBeenCalledOnce();
    await expectAccessible(container);
  });

  it('shows its screen when nothing fails', () => {
    render(
      <ScreenBoundary onLeave={() => {}} onExport={() => {}} leaveLabel="返回演练库">
        <p>正常的页面</p>
      </ScreenBoundary>,
    );
    expect(screen.getByText('正常的页面')).toBeInTheDocument();
  });
});

describe('progressFile', () => {
  it('exports what storage holds, as saved', () => {
    const saved = { state: { run: { scenarioId: 'x' } }, version: SAVE_VERSION };
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify(saved) });
    expect(JSON.parse(progressFile(storage as unknown as Storage, null))).toEqual(saved);
  });

  it('exports what is in memory when storage is unreadable or refused', () => {
    const memory = { run: null, settings: { textSize: 'large' } };
    const broken = memoryStorage({ [STORAGE_KEY]: '{not json' });
    expect(JSON.parse(progressFile(broken as unknown as Storage, memory))).toEqual({
      state: memory,
      version: SAVE_VERSION,
    });
    expect(JSON.parse(progressFile(null, memory)).state).toEqual(memory);
  });
});

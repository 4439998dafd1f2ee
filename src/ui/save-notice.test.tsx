// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage, renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';
import { STORAGE_KEY } from '../store/app-store';

describe('<SaveNotice> in the app', () => {
  it('says a corrupt save was set aside, offers its text for export, and goes when dismissed', async () => {
    const store = storeWith([uiDrill], memoryStorage({ [STORAGE_KEY]: 'not json at all' }));
    const { container } = renderWithStore(<App />, store);
    expect(screen.getByRole('alert')).toHaveTextContent('原来保存的进度已经损坏');
    expect(screen.getByRole('button', { name: '导出原来保存的内容' })).toBeInTheDocument();
    // The library still works under it.
    expect(screen.getByRole('list', { name: '演练库' })).toBeInTheDocument();
    await expectAccessible(container);
    expect(screen.getByRole('button', { name: '导出进度' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '知道了，关闭这条保存进度的提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to reload when another tab has written the save', () => {
    const store = storeWith([uiDrill]);
    renderWithStore(<App />, store);
    act(() => store.health.setState({ problem: { kind: 'other-tab' }, writable: false }));
    expect(screen.getByRole('alert')).toHaveTextContent('两边的进度已经不同');
    expect(screen.getByRole('button', { name: '重新载入' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出进度' })).toBeInTheDocument();
    // Nothing is being saved: that is not dismissed.
    expect(screen.queryByRole('button', { name: '知道了，关闭这条保存进度的提示' })).toBeNull();
  });

  it('says quietly that another tab’s progress was taken up', () => {
    const store = storeWith([uiDrill]);
    renderWithStore(<App />, store);
    act(() => store.health.setState({ problem: { kind: 'synced' } }));
    expect(screen.getByRole('status')).toHaveTextContent('这里已随之更新');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing when saving works', () => {
    renderWithStore(<App />, storeWith([uiDrill]));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';

vi.mock('./briefing-screen', () => ({
  BriefingScreen: () => {
    throw new Error('情况通报渲染失败');
  },
}));

describe('<App> when a screen crashes', () => {
  it('shows the recovery screen, and 返回演练库 leaves the run for the library', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // test/setup.ts fetched the run's screens before this file's mock: fetched again, they get it.
    vi.resetModules();
    const { renderWithStore, storeWith } = await import('../../test/render-app');
    const { App } = await import('../shell/app');
    await (await import('../shell/run-code')).loadRunCode();
    const store = storeWith([uiDrill]);
    store.getState().startRun('ui-drill');
    renderWithStore(<App />, store);
    expect(screen.getByRole('heading', { name: '这一页出错了' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('情况通报渲染失败');
    expect(screen.getByRole('button', { name: '导出进度' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '返回演练库' }));
    expect(store.getState().run).toBeNull();
    expect(screen.getByRole('list', { name: '演练库' })).toBeInTheDocument();
  });
});

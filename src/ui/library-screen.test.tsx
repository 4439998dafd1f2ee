// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { load } from '../scenario/load';
import { App } from '../shell/app';
import type { CheckedDrill } from '../store/app-state';
import { createAppStore } from '../store/app-store';
import { drillCard } from '../store/library-slice';

function renderComponent() {
  return renderWithStore(<App />, storeWith([uiDrill]));
}

describe('<LibraryScreen>', () => {
  it('lists each drill with its title, summary, role and estimated minutes', () => {
    renderComponent();
    const card = screen.getByRole('article', { name: '界面测试演练' });
    expect(within(card).getByText('一个两步的小演练。')).toBeInTheDocument();
    expect(within(card).getByText('市卫生健康委员会主任')).toBeInTheDocument();
    expect(within(card).getByText('10 分钟')).toBeInTheDocument();
  });

  it('starts a drill at its briefing', async () => {
    const { store } = renderComponent();
    await userEvent.click(screen.getByRole('button', { name: /开始演练/ }));
    expect(screen.getByRole('heading', { level: 1, name: '界面测试演练' })).toBeInTheDocument();
    expect(store.getState().run?.view).toBe('briefing');
  });

  it('shows a drill’s card from the index, fetches the drill on 开始演练, and says so when the fetch fails', async () => {
    const loaded = load(JSON.stringify(uiDrill));
    if (!loaded.ok) throw new Error('the fixture does not load');
    // Offline until the test says: fetched ahead (idle, hovered) or on the click, the drill fails alike.
    let online = false;
    const fetch = vi.fn(async (): Promise<CheckedDrill> => {
      if (!online) throw new Error('网络断了');
      return { scenario: loaded.scenario, hash: loaded.hash };
    });
    const store = createAppStore({ now: () => Date.now(), newSeed: () => 42, storage: null });
    const card = drillCard(loaded.scenario);
    store.getState().addShippedDrills([{ file: 'ui-drill.json', card, hash: loaded.hash, fetch }]);
    renderWithStore(<App />, store);

    const article = screen.getByRole('article', { name: '界面测试演练' });
    expect(within(article).getByText('一个两步的小演练。')).toBeInTheDocument();
    await userEvent.click(within(article).getByRole('button', { name: /开始演练/ }));
    expect(await within(article).findByRole('alert')).toHaveTextContent('网络断了');
    expect(store.getState().run).toBeNull();

    online = true;
    await userEvent.click(within(article).getByRole('button', { name: /开始演练/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '界面测试演练' })).toBeInTheDocument();
    expect(store.getState().run?.view).toBe('briefing');
  });

  it('shows files that could not be loaded, with where and what', () => {
    const store = storeWith([uiDrill]);
    store.getState().addShippedDrills([{ file: 'broken.json', result: load('{ "id": ') }]);
    renderWithStore(<App />, store);
    const section = screen.getByRole('region', { name: '未能载入的情景文件' });
    expect(within(section).getByText('broken.json')).toBeInTheDocument();
    expect(within(section).getByText(/不是合法的 JSON/)).toBeInTheDocument();
  });

  it('says when the drills could not be fetched, and retries', async () => {
    const store = storeWith([]);
    store.getState().shippedDrillsFailed('network down');
    const retry = vi.fn();
    renderWithStore(<App onRetryLoad={retry} />, store);
    expect(screen.getByRole('alert')).toHaveTextContent('演练没有载入成功（network down）');
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('switches to large text for a projector, and remembers it', async () => {
    const { store, container } = renderComponent();
    await userEvent.click(screen.getByRole('checkbox', { name: /大字号/ }));
    expect(store.getState().settings.textSize).toBe('large');
    expect(container.querySelector('.app')).toHaveClass('text-large');
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});

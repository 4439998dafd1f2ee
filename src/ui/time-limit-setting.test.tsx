// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage, renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';
import { STORAGE_KEY } from '../store/app-store';

function renderComponent(storage = memoryStorage()) {
  return { storage, ...renderWithStore(<App />, storeWith([uiDrill], storage)) };
}

describe('<TimeLimitSetting>', () => {
  it('sits on the library beside the text size, at ×1 until the instructor changes it', () => {
    renderComponent();
    const group = screen.getByRole('group', { name: '限时（教员设置）' });
    expect(within(group).getByRole('radio', { name: '标准' })).toBeChecked();
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['x1', 'x2', 'off']);
  });

  it('is saved, and taken by the next run, which the briefing then states', async () => {
    const { store, storage } = renderComponent();
    await userEvent.click(screen.getByRole('radio', { name: '不限时' }));
    expect(JSON.parse(storage.data[STORAGE_KEY] ?? '').state.settings.timeLimits).toBe('off');
    await userEvent.click(screen.getAllByRole('button', { name: /开始演练/ })[0] as HTMLElement);
    expect(store.getState().run?.timeLimits).toBe('off');
    expect(screen.getByText(/限时：不限时/)).toBeInTheDocument();
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});

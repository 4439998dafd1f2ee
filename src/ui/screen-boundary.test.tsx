// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { SAVE_VERSION } from '../store/saved-state';
import { progressFile } from './export-progress';
import { ScreenBoundary } from './screen-boundary';

function Broken(): never {
  throw new Error('图表数据不完整');
}

const noop = () => {};

/** A screen that fails until the boundary's way out changes what it shows. */
function Flaky() {
  const [broken, setBroken] = useState(true);
  return (
    <ScreenBoundary onLeave={() => setBroken(false)} onExport={noop} onReload={noop} leaveLabel="返回演练库">
      {broken ? <Broken /> : <p>好了</p>}
    </ScreenBoundary>
  );
}

describe('<ScreenBoundary>', () => {
  it('shows what happened, focused, with 导出进度, a way back and 重新载入, instead of a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(noop);
    const onLeave = vi.fn();
    const onExport = vi.fn();
    const onReload = vi.fn();
    const { container } = render(
      <ScreenBoundary onLeave={onLeave} onExport={onExport} onReload={onReload} leaveLabel="返回演练库">
        <Broken />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('图表数据不完整');
    await userEvent.click(screen.getByRole('button', { name: '导出进度' }));
    expect(onExport).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: '重新载入' }));
    expect(onReload).toHaveBeenCalledOnce();
    await expectAccessible(container);
  });

  it('tries the screen again after leaving, so a failure where leaving changes nothing is not a dead end', async () => {
    vi.spyOn(console, 'error').mockImplementation(noop);
    render(<Flaky />);
    await userEvent.click(screen.getByRole('button', { name: '返回演练库' }));
    expect(screen.getByText('好了')).toBeInTheDocument();
  });
});

describe('progressFile', () => {
  it('exports this tab’s progress from memory, in the saved format', () => {
    const state = { run: { scenarioId: 'x' }, settings: { textSize: 'large' }, imports: [], draft: null, library: {} };
    expect(JSON.parse(progressFile(state))).toEqual({
      state: { run: { scenarioId: 'x' }, settings: { textSize: 'large' }, imports: [], draft: null },
      version: SAVE_VERSION,
    });
  });
});

// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { type RefObject, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusSoon } from './focus-soon';

function Screen() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusSoon(heading);
  return (
    <h1 ref={heading} tabIndex={-1}>
      新的局面
    </h1>
  );
}

/** What the run's change brings to a column the input showed: its effects, this focus among them. */
function Focuses({ target }: { target: RefObject<HTMLElement | null> }) {
  useFocusSoon(target);
  return null;
}
/** A column shown by the input; `changed`: the run's change has come, and the column's effects with it. */
function Column({ changed }: { changed: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <div data-column="decision:1">
      <h1 ref={heading} tabIndex={-1}>
        新的局面
      </h1>
      <button type="button">1 先派人核实</button>
      {changed && <Focuses target={heading} />}
    </div>
  );
}

describe('useFocusSoon', () => {
  it('moves focus to the new screen in the next frame, not in the commit', async () => {
    render(<Screen />);
    const heading = screen.getByRole('heading', { name: '新的局面' });
    expect(heading).not.toHaveFocus();
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('moves it at once when a key is pressed before that frame, so the key reaches the new screen', () => {
    render(<Screen />);
    const heading = screen.getByRole('heading', { name: '新的局面' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(heading).toHaveFocus();
  });

  it('leaves focus already in its own screen where it is: a screen the input showed had focus moved then', async () => {
    const { rerender } = render(<Column changed={false} />);
    const choice = screen.getByRole('button', { name: '1 先派人核实' });
    // The trainee has tabbed on to a choice by then, and presses Enter on it.
    choice.focus();
    rerender(<Column changed />);
    fireEvent.keyDown(choice, { key: 'Enter' });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    expect(choice).toHaveFocus();
  });

  it('leaves focus the trainee moved before that frame where it is', async () => {
    render(
      <>
        <Screen />
        <button type="button">返回演练库</button>
      </>,
    );
    const elsewhere = screen.getByRole('button', { name: '返回演练库' });
    elsewhere.focus();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    expect(elsewhere).toHaveFocus();
  });
});

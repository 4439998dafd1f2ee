// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
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

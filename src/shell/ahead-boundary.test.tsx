// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AheadBoundary } from './ahead-boundary';

let failing = true;
function Screen() {
  if (failing) throw new Error('一个选项的后果画不出来');
  return <h1>后果</h1>;
}

class Outer extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}

const tree = (mode: 'visible' | 'hidden') => (
  <Outer>
    <p>正在读的决定</p>
    <AheadBoundary mode={mode}>
      <Screen />
    </AheadBoundary>
  </Outer>
);

describe('AheadBoundary', () => {
  beforeEach(() => {
    failing = true;
    // React reports each caught error on the console.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('drops a screen that fails while hidden, leaving the screen being read as it is', () => {
    render(tree('hidden'));
    expect(screen.getByText('正在读的决定')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('draws a screen that failed hidden again when it is shown', () => {
    const { rerender } = render(tree('hidden'));
    failing = false;
    rerender(tree('visible'));
    expect(screen.getByRole('heading', { name: '后果' })).toBeInTheDocument();
  });

  it('passes a failure of the screen shown on to the run’s boundary', () => {
    const { rerender } = render(tree('hidden'));
    rerender(tree('visible'));
    expect(screen.getByRole('alert')).toHaveTextContent('一个选项的后果画不出来');
  });
});

import { Component, type ReactNode } from 'react';

interface Props {
  /** Whether the screen inside is drawn ahead, hidden, or shown. */
  mode: 'visible' | 'hidden';
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
  /** The mode it was last drawn in. */
  mode: Props['mode'];
}

/**
 * Around a screen drawn ahead. A screen that fails while hidden (a choice the trainee may never
 * take) is dropped, so it never takes down the screen being read; once shown it is drawn again, and
 * a failure then is the run's own, passed on to the run's boundary.
 */
export class AheadBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false, mode: this.props.mode };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> {
    // Shown after failing hidden: drawn again, with what it is shown with.
    if (state.failed && state.mode === 'hidden' && props.mode === 'visible') {
      return { error: null, failed: false, mode: props.mode };
    }
    return { mode: props.mode };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    if (this.props.mode === 'hidden') return null;
    throw this.state.error;
  }
}

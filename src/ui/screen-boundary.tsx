import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Leaves the screen that failed. */
  onLeave: () => void;
  leaveLabel: string;
}

/** A screen that throws shows what happened and a way out, never a blank page. */
export class ScreenBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen notice" role="alert">
        <h1>这一页出错了</h1>
        <p>程序在显示这一页时遇到了问题（{error.message}）。已保存的进度和演练都没有受影响。</p>
        <button type="button" className="primary" onClick={this.props.onLeave}>
          {this.props.leaveLabel}
        </button>
      </main>
    );
  }
}

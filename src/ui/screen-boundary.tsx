import { Component, createRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Leaves the screen that failed. */
  onLeave: () => void;
  leaveLabel: string;
  /** Saves what can be saved as a file, before leaving loses anything. */
  onExport: () => void;
  /** Starts the page again, for a failure that leaving does not get past (the library itself). */
  onReload: () => void;
}

/** A screen that throws shows what happened, a way to keep the progress, and a way out: never a blank page. */
export class ScreenBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };
  private heading = createRef<HTMLHeadingElement>();

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(_: Props, before: { error: Error | null }) {
    // The control that had focus is gone with the screen: the reader starts at this heading.
    if (this.state.error && !before.error) this.heading.current?.focus();
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen notice">
        <h1 ref={this.heading} tabIndex={-1}>
          这一页出错了
        </h1>
        <p role="alert">程序在显示这一页时遇到了问题：{error.message}</p>
        <p>已经作出的决定都保存着。可以先把进度导出成文件留存，再返回演练库；仍然出错时，重新载入页面。</p>
        <div className="actions start">
          <button type="button" className="secondary" onClick={this.props.onExport}>
            导出进度
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              this.props.onLeave();
              // Leaving may not change the screen (a failure in the library itself): try it again.
              this.setState({ error: null });
            }}
          >
            {this.props.leaveLabel}
          </button>
          <button type="button" className="secondary" onClick={this.props.onReload}>
            重新载入
          </button>
        </div>
      </main>
    );
  }
}

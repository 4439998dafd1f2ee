import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Leaves the screen that failed. */
  onLeave: () => void;
  leaveLabel: string;
  /** Saves what can be saved as a file, before leaving loses anything. */
  onExport: () => void;
}

/** A screen that throws shows what happened, a way to keep the progress, and a way out: never a blank page. */
export class ScreenBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen notice">
        <h1>这一页出错了</h1>
        <p role="alert">程序在显示这一页时遇到了问题：{error.message}</p>
        <p>已经作出的决定都保存着。可以先把进度导出成文件留存，再返回演练库。</p>
        <div className="actions start">
          <button type="button" className="secondary" onClick={this.props.onExport}>
            导出进度
          </button>
          <button type="button" className="primary" onClick={this.props.onLeave}>
            {this.props.leaveLabel}
          </button>
        </div>
      </main>
    );
  }
}

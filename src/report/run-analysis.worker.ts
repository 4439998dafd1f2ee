/** The Web Worker that weighs a run against the best line (run-analysis.ts starts it). */
import { type AnalysisMessage, type AnalysisRequest, analyse, FAILED } from './run-analysis';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: AnalysisMessage) => void;
};

scope.onmessage = (e) => {
  try {
    const analysis = analyse(e.data, (done, total) => scope.postMessage({ kind: 'progress', done, total }));
    scope.postMessage({ kind: 'done', analysis });
  } catch {
    scope.postMessage({ kind: 'failed', message: FAILED });
  }
};

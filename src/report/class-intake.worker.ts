/** The Web Worker that reads and checks a class's results files (class-intake-run.ts starts it). */
import { INTAKE_FAILED, type IntakeMessage, type IntakeRequest, takeIn } from './class-intake-run';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<IntakeRequest>) => void) | null;
  postMessage: (message: IntakeMessage) => void;
};

scope.onmessage = (e) => {
  takeIn(e.data).then(
    (intake) => scope.postMessage({ kind: 'done', intake }),
    () => scope.postMessage({ kind: 'failed', message: INTAKE_FAILED }),
  );
};

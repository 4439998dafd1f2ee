/**
 * Taking a class's files in off the page's thread: hundreds of results files are read and checked
 * in a Web Worker, so the page keeps answering; where no worker starts (a test's DOM, some file://
 * pages) on the page, a few files at a time between frames.
 */
import { fileText } from '../scenario/file-text';
import { type ClassRun, type Intake, type IntakeFile, type LibraryDrills, takeIntoClass } from './class-intake';

export interface IntakeRequest {
  existing: readonly ClassRun[];
  /** Files as picked (read where the work is done) or already as text. */
  files: readonly (File | IntakeFile)[];
  /** The library's version of each drill: runs on it are replayed to check their files. */
  library: LibraryDrills;
}

export type IntakeMessage = { kind: 'done'; intake: Intake } | { kind: 'failed'; message: string };

export const INTAKE_FAILED = '读取结果文件时出错：请重新选择文件；仍不行时，分几次载入。';

/** Files read per step on the page, between which the page draws. */
const STEP = 20;

async function read(file: File | IntakeFile): Promise<IntakeFile> {
  if (typeof file.text === 'string') return file as IntakeFile;
  const picked = file as File;
  try {
    return { name: picked.name, text: await fileText(picked) };
  } catch {
    // Taken in as an empty file, so it is listed with a reason instead of stopping the rest.
    return { name: picked.name, text: '' };
  }
}

/** The whole intake where it is called (the worker, or the page in steps). */
export async function takeIn(request: IntakeRequest, pause?: () => Promise<void>): Promise<Intake> {
  const intake: Intake = { admitted: [], refused: [] };
  for (let i = 0; i < request.files.length; i += STEP) {
    const texts = await Promise.all(request.files.slice(i, i + STEP).map(read));
    const step = takeIntoClass([...request.existing, ...intake.admitted], texts, request.library);
    intake.admitted.push(...step.admitted);
    intake.refused.push(...step.refused);
    await pause?.();
  }
  return intake;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function takeInBackground(request: IntakeRequest, onMessage: (message: IntakeMessage) => void): () => void {
  let stopped = false;
  let worker: Worker | null = null;
  try {
    if (typeof Worker !== 'undefined') {
      worker = new Worker(new URL('./class-intake.worker.ts', import.meta.url), { type: 'module' });
    }
  } catch {
    worker = null;
  }
  const onPage = () => {
    takeIn(request, nextFrame).then(
      (intake) => stopped || onMessage({ kind: 'done', intake }),
      () => stopped || onMessage({ kind: 'failed', message: INTAKE_FAILED }),
    );
  };
  if (!worker) {
    onPage();
    return () => {
      stopped = true;
    };
  }
  const running = worker;
  running.onmessage = (e: MessageEvent<IntakeMessage>) => {
    running.terminate();
    if (!stopped) onMessage(e.data);
  };
  // A worker that cannot start (a blocked script, a page from file://): the same work on the page.
  running.onerror = (e) => {
    e.preventDefault();
    running.terminate();
    if (!stopped) onPage();
  };
  running.postMessage(request);
  return () => {
    stopped = true;
    running.terminate();
  };
}

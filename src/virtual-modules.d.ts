declare module 'virtual:shipped-drills' {
  import type { IndexedFile } from './store/app-state';

  /** The shipped drills' index, each file loaded at build time: its card and a fetch of its chunk, or its problems. */
  const drills: IndexedFile[];
  export default drills;
}

declare module 'virtual:authoring-guide' {
  import type { Doc } from './docs/doc-ast';

  /** docs/authoring.md, parsed at build time. */
  const guide: Doc;
  export default guide;
}

declare module 'virtual:lessons' {
  import type { Lesson } from './report/class-overview';

  /** docs/lessons.md's twelve lessons and the decisions that exercise them, read at build time. */
  const lessons: Lesson[];
  export default lessons;
}

/** package.json's version, put in by Vite's `define` (vite.config.ts), in the app and in its tests. */
declare const __APP_VERSION__: string;

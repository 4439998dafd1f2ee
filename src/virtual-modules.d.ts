declare module 'virtual:shipped-drills' {
  import type { LoadedFile } from './store/app-state';

  /** The shipped drills, each loaded at build time. */
  const drills: LoadedFile[];
  export default drills;
}

declare module 'virtual:authoring-guide' {
  import type { Doc } from './docs/doc-ast';

  /** docs/authoring.md, parsed at build time. */
  const guide: Doc;
  export default guide;
}

/** package.json's version, put in by Vite's `define` (vite.config.ts), in the app and in its tests. */
declare const __APP_VERSION__: string;

declare module 'virtual:shipped-drills' {
  import type { LoadedFile } from './store/library-slice';

  /** The shipped drills, each loaded at build time. */
  const drills: LoadedFile[];
  export default drills;
}

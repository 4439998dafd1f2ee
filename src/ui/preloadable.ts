import { type ComponentType, type LazyExoticComponent, lazy, useEffect, useState } from 'react';

// As React.lazy takes it: a component of any props.
// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own bound
type AnyComponent = ComponentType<any>;

export interface Preloadable<M extends { default: AnyComponent }> {
  /** Fetches the module once; later calls return the same promise (after a failure, they try again). */
  preload(): Promise<M>;
  /** The module's default export, drawn at once when it is already here. */
  Component: LazyExoticComponent<M['default']>;
  /** Whether the module is here: drawn now, `Component` cannot suspend. */
  loaded(): boolean;
}

/**
 * A lazily fetched component that can be fetched ahead. A `React.lazy` whose import is a promise
 * always suspends on its first render, even when the module came long before: the fallback is shown,
 * and React then holds back every reveal in that tree up to 300 ms after it (its throttling of
 * Suspense reveals). Here, once the module is in, `lazy` is given a thenable that answers at once,
 * which React reads as already resolved: it draws the component in the same render.
 *
 * A `Component` drawn before its module came and whose fetch then failed keeps that failure, as any
 * React.lazy does (`preload` itself tries again): where a failed fetch must not end the screen, draw it
 * only once `useLoaded` says it is here.
 */
export function preloadable<M extends { default: AnyComponent }>(load: () => Promise<M>): Preloadable<M> {
  let loading: Promise<M> | undefined;
  let loaded: M | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Component = lazy(() => (loaded ? settled(loaded) : preload()));
  return { preload, Component, loaded: () => loaded !== undefined };
}

/** A thenable that calls back at once: what React.lazy reads as already resolved. */
function settled<M>(module: M): Promise<M> {
  // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, read only by React.lazy
  const thenable = { then: (resolve: (m: M) => void) => resolve(module) };
  return thenable as unknown as Promise<M>;
}

/**
 * Whether `part`'s code is here, fetching it if need be. A part drawn only once this is true never
 * suspends: no fallback is shown, so React holds back no reveal elsewhere in the tree on its account
 * (the screens drawn ahead among them).
 */
export function useLoaded<M extends { default: AnyComponent }>(part: Preloadable<M>): boolean {
  const [loaded, setLoaded] = useState(part.loaded);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    const fetchPart = () =>
      part.preload().then(
        () => current && setLoaded(true),
        // Not here (offline): the part is left out, the rest of the screen says what it would, and it
        // is fetched again when the browser is back online.
        () => current && window.addEventListener('online', fetchPart, { once: true }),
      );
    fetchPart();
    return () => {
      current = false;
      window.removeEventListener('online', fetchPart);
    };
  }, [part, loaded]);
  return loaded;
}

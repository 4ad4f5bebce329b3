import { type ComponentType, lazy, type ReactNode } from 'react';

/**
 * A route element loaded on first visit (each feature becomes its own chunk):
 * `lazyPage(() => import('../features/network/network.page'), 'NetworkPage')`.
 */
export function lazyPage<M extends object>(load: () => Promise<M>, exportName: keyof M & string): ReactNode {
  const Component = lazy(async () => ({ default: (await load())[exportName] as ComponentType }));
  return <Component />;
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Catches a statement or a second transaction started on the database itself from inside a
 * transaction callback. On PGlite (one connection) that waits forever for the transaction it is
 * part of — the request hangs and every request after it queues behind it; on PostgreSQL it
 * silently runs outside the transaction. Either way it is a bug, so it fails at once instead.
 */
export interface TxGuard {
  inside<T>(fn: () => Promise<T>): Promise<T>;
  assertOutside(what: string): void;
}

export class NestedTransactionError extends Error {
  constructor(what: string) {
    super(`${what} called on the database inside a transaction: use the transaction's own handle (tx)`);
    this.name = 'NestedTransactionError';
  }
}

export function createTxGuard(): TxGuard {
  const storage = new AsyncLocalStorage<true>();
  return {
    inside: (fn) => storage.run(true, fn),
    assertOutside(what) {
      if (storage.getStore()) throw new NestedTransactionError(what);
    },
  };
}

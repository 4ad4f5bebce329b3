import pg from 'pg';
import type { Db, Tx } from './db.js';
import { createTxGuard } from './tx-guard.js';

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    if (oid === 1082) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  connectionString: string;
  /** Schema to use as search_path (tests isolate each file in its own schema). */
  schema?: string;
  max?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 20,
    types: typeParsers,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${options.schema}"`);
    } finally {
      await admin.end();
    }
  }
  const guard = createTxGuard();
  const query = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> => {
    guard.assertOutside('db.query');
    const result = await pool.query(text, params ? [...params] : undefined);
    return result.rows as T[];
  };
  return {
    kind: 'postgres',
    query,
    async exec(text) {
      guard.assertOutside('db.exec');
      await pool.query(text);
    },
    async transaction(fn) {
      guard.assertOutside('db.transaction');
      const client = await pool.connect();
      try {
        await client.query('begin');
        // One connection runs one statement at a time: statements issued together (Promise.all over a tx)
        // are queued here, in order, rather than in pg's deprecated internal queue.
        let tail: Promise<unknown> = Promise.resolve();
        const inTurn = <R>(run: () => Promise<R>): Promise<R> => {
          const next = tail.then(run, run);
          tail = next.catch(() => undefined);
          return next;
        };
        const tx: Tx = {
          async exec(text: string): Promise<void> {
            await inTurn(() => client.query(text));
          },
          async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
            const result = await inTurn(() => client.query(text, params ? [...params] : undefined));
            return result.rows as T[];
          },
        };
        const value = await guard.inside(() => fn(tx));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

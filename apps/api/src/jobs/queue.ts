import type { Db, Tx } from '../db/db.js';
import type { Clock } from '../http/clock.js';

/** Job names are `domain.action`; payloads carry ids only; handlers must be safe to run twice. */
export type JobHandler = (payload: Record<string, unknown>, ctx: { tx: Tx; clock: Clock; queue: JobQueue }) => Promise<void>;

export interface JobQueue {
  /** Adds a job inside the caller's transaction (transactional outbox). */
  enqueue(tx: Tx, name: string, payload: Record<string, unknown>, runAt?: Date): Promise<void>;
  /** Claims and runs due jobs until none is left (or `limit` ran). Returns how many ran. */
  runDue(limit?: number): Promise<number>;
  /** Registers the handler of a job name (each domain registers its own in app.ts wiring). */
  register(name: string, handler: JobHandler): void;
  /** Polls in the background until stopped. */
  start(intervalMs?: number): () => Promise<void>;
}

interface JobRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
}

const MAX_ATTEMPTS = 5;

export function createJobQueue(deps: { db: Db; clock: Clock; onError?: (error: unknown, job: string) => void }): JobQueue {
  const { db, clock } = deps;
  const handlers = new Map<string, JobHandler>();

  async function runOne(): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [job] = await tx.query<JobRow>(
        `select id, name, payload, attempts from jobs
          where done_at is null and run_at <= $1 and attempts < $2
          order by run_at, id limit 1 for update skip locked`,
        [clock.now(), MAX_ATTEMPTS],
      );
      if (!job) return false;
      const handler = handlers.get(job.name);
      // The handler runs in the claiming transaction, behind a savepoint: its writes commit with the
      // job's completion, or roll back alone while the failure is recorded for a retry.
      await tx.query('savepoint job');
      try {
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler(job.payload, { tx, clock, queue });
        await tx.query('release savepoint job');
        await tx.query('update jobs set done_at = $2, attempts = attempts + 1 where id = $1', [job.id, clock.now()]);
      } catch (error) {
        await tx.query('rollback to savepoint job');
        deps.onError?.(error, job.name);
        const backoff = new Date(clock.now().getTime() + 2 ** job.attempts * 1000);
        await tx.query('update jobs set attempts = attempts + 1, last_error = $2, run_at = $3 where id = $1', [
          job.id,
          String(error).slice(0, 1000),
          backoff,
        ]);
      }
      return true;
    });
  }

  const queue: JobQueue = {
    async enqueue(tx, name, payload, runAt) {
      await tx.query('insert into jobs (name, payload, run_at) values ($1, $2, $3)', [name, JSON.stringify(payload), runAt ?? clock.now()]);
    },
    register(name, handler) {
      handlers.set(name, handler);
    },
    async runDue(limit = 1000) {
      let ran = 0;
      while (ran < limit && (await runOne())) ran += 1;
      return ran;
    },
    start(intervalMs = 1000) {
      let stopped = false;
      let current: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        if (stopped) return;
        current = current.then(() => queue.runDue(100)).catch((error) => deps.onError?.(error, 'poll'));
      }, intervalMs);
      return async () => {
        stopped = true;
        clearInterval(timer);
        await current;
      };
    },
  };
  return queue;
}

/** Child processes for the benchmarks: servers pinned to CPU 0, the load generator to CPU 1. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

export function pinned(cpu: string, cmd: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Running {
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a process and waits until its output contains `ready`. */
export async function startProcess(cmd: string, args: string[], env: Record<string, string>, ready: string, timeoutMs = 120_000): Promise<Running & { readyMs: number }> {
  const started = performance.now();
  const proc = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  while (!out.includes(ready)) {
    if (proc.exitCode !== null || performance.now() - started > timeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`${cmd} ${args.join(' ')} did not get ready:\n${out.slice(-2000)}`);
    }
    await sleep(25);
  }
  const readyMs = performance.now() - started;
  return {
    proc,
    readyMs,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => proc.kill('SIGKILL'))]);
    },
  };
}

export function databaseUrl(name: string): string {
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops and recreates a database on the benchmark server. */
export function freshDatabase(name: string): string {
  for (const sql of [`drop database if exists "${name}" with (force)`, `create database "${name}"`]) {
    const res = spawnSync('psql', ['-X', '-q', '-c', sql, PG_BASE], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
  }
  return databaseUrl(name);
}

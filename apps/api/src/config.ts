import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  SECRET_KEY: z.string().min(16).optional(),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SECURE_COOKIES: bool.optional(),
  SEED_DEMO: bool.default(true),
  FILES_DIR: z.string().default('./data/files'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  pgliteDir: string;
  dbPoolSize: number;
  secretKey: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  secureCookies: boolean;
  seedDemo: boolean;
  filesDir: string;
  logLevel: string;
  webDist: string | undefined;
}

const DEV_SECRET = 'yilian-development-secret-do-not-use-in-production';

/** Reads the environment once; throws listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SECRET_KEY) {
    throw new Error('Invalid configuration:\n  - SECRET_KEY: required in production (at least 16 characters)');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: resolve(e.PGLITE_DIR),
    dbPoolSize: e.DB_POOL_SIZE,
    secretKey: e.SECRET_KEY ?? DEV_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    secureCookies: e.SECURE_COOKIES ?? e.NODE_ENV === 'production',
    seedDemo: e.SEED_DEMO,
    filesDir: resolve(e.FILES_DIR),
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
  };
}

/**
 * Integration-test harness: the real app, in process, over HTTP semantics (fastify.inject), on a
 * fresh PGlite database per test file — or on PostgreSQL in a schema of its own when
 * YILIAN_TEST_DB=postgres and TEST_DATABASE_URL are set (CI runs the int suite both ways).
 */
import { randomBytes } from 'node:crypto';
import type { Role, Tier } from '@yilian/contracts';
import pg from 'pg';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/db.js';
import { openDb } from '../src/db/open.js';
import { type Clock, ManualClock } from '../src/http/clock.js';
import { hashPassword } from '../src/domains/auth/index.js';

export const TEST_PASSWORD = 'Test-password-2026';
let passwordHash: Promise<string> | undefined;

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface TestUser {
  id: string;
  username: string;
  token: string;
  institutionId: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestApp extends App {
  clock: ManualClock;
  /** A request as `user` (Bearer token), or anonymous when user is undefined. */
  request<T = any>(user: TestUser | undefined, method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  as(user: TestUser): {
    get<T = any>(url: string): Promise<TestResponse<T>>;
    post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
    patch<T = any>(url: string, body?: unknown): Promise<TestResponse<T>>;
    put<T = any>(url: string, body?: unknown): Promise<TestResponse<T>>;
    delete<T = any>(url: string): Promise<TestResponse<T>>;
  };
  factory: Factory;
  /** The audit rows written since `sinceId` (exclusive). */
  auditSince(sinceId: number): Promise<{ id: number; action: string; entity_type: string; entity_id: string | null; patient_id: string | null; actor_user_id: string | null; details: Record<string, unknown> }[]>;
  lastAuditId(): Promise<number>;
  /** Jobs (outbox rows) written since `sinceId`. */
  jobsSince(sinceId: number): Promise<{ id: number; name: string; payload: Record<string, unknown> }[]>;
  lastJobId(): Promise<number>;
}

export interface Factory {
  institution(input?: Partial<{ code: string; tier: Tier; parentId: string; type: string; nameZh: string }>): Promise<{ id: string; code: string }>;
  department(institutionId: string, input?: Partial<{ code: string; specialty: string }>): Promise<{ id: string; code: string }>;
  /** A user holding `roles` at `institutionId` (plus any `extra` memberships), signed in. */
  user(institutionId: string, roles: Role[], extra?: { institutionId: string; role: Role }[]): Promise<TestUser>;
  /** A user with a practitioner record in `departmentId` (experts and clinicians). */
  practitioner(institutionId: string, departmentId: string | null, roles: Role[], specialties?: string[]): Promise<TestUser & { practitionerId: string }>;
  /** An active agreement between the given parties. */
  agreement(parties: { institutionId: string; role: 'assisting' | 'assisted' | 'supervising' }[]): Promise<{ id: string }>;
  ward(institutionId: string, departmentId: string, beds: number, isReferralWard?: boolean): Promise<{ id: string; bedIds: string[] }>;
}

export const unique = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

async function openTestDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.YILIAN_TEST_DB === 'postgres') {
    if (!url) throw new Error('YILIAN_TEST_DB=postgres needs TEST_DATABASE_URL');
    const schema = unique('test_');
    const db = await openDb({ databaseUrl: url, schema, poolSize: 10 });
    return {
      db,
      async drop() {
        await db.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      },
    };
  }
  const db = await openDb({ pgliteDir: undefined });
  return { db, drop: () => db.close() };
}

export async function startTestApp(options: { clock?: ManualClock } = {}): Promise<TestApp & { stop(): Promise<void> }> {
  const { db, drop } = await openTestDb();
  const clock = options.clock ?? new ManualClock(new Date());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', LOGIN_MAX_FAILURES: '5', FILES_DIR: `/tmp/yilian-test-files/${unique()}` });
  const built = await buildApp({ config, db, clock: clock as Clock, logger: false });
  const { app } = built;

  const request: TestApp['request'] = async (user, method, url, body, headers = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    let parsed: unknown = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      // not JSON (CSV, files)
    }
    return { status: res.statusCode, body: parsed as never, headers: res.headers, text: res.body };
  };

  async function login(username: string, institutionId: string): Promise<TestUser> {
    const res = await request(undefined, 'POST', '/api/auth/login', { username, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login failed for ${username}: ${res.text}`);
    const body = res.body as { token: string; user: { id: string }; activeInstitutionId: string };
    const user: TestUser = { id: body.user.id, username, token: body.token, institutionId };
    if (body.activeInstitutionId !== institutionId) {
      const switched = await request(user, 'POST', '/api/auth/switch', { institutionId });
      if (switched.status !== 200) throw new Error(`switch failed: ${switched.text}`);
    }
    return user;
  }

  const factory: Factory = {
    async institution(input = {}) {
      const code = input.code ?? unique('I');
      const rows = await db.query<{ id: string }>(
        `insert into institutions (code, name_zh, name_en, tier, grade, type, division_code, region_zh, region_en, parent_id)
         values ($1, $2, $3, $4, '3A', $5, '110101', '测试区', 'Test region', $6) returning id`,
        [code, input.nameZh ?? `测试医院${code}`, `Test hospital ${code}`, input.tier ?? 'county', input.type ?? 'general', input.parentId ?? null],
      );
      return { id: rows[0]?.id ?? '', code };
    },
    async department(institutionId, input = {}) {
      const code = input.code ?? unique('D').toUpperCase();
      const rows = await db.query<{ id: string }>(
        `insert into departments (institution_id, code, name_zh, name_en, specialty) values ($1,$2,'测试科室','Test department',$3) returning id`,
        [institutionId, code, input.specialty ?? 'internal_medicine'],
      );
      return { id: rows[0]?.id ?? '', code };
    },
    async user(institutionId, roles, extra = []) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const username = unique('u');
      const rows = await db.query<{ id: string }>('insert into users (username, display_name, password_hash) values ($1, $2, $3) returning id', [username, `测试用户 ${username}`, await passwordHash]);
      const id = rows[0]?.id ?? '';
      for (const role of roles) await db.query('insert into user_roles (user_id, institution_id, role) values ($1,$2,$3)', [id, institutionId, role]);
      for (const m of extra) await db.query('insert into user_roles (user_id, institution_id, role) values ($1,$2,$3) on conflict do nothing', [id, m.institutionId, m.role]);
      return login(username, institutionId);
    },
    async practitioner(institutionId, departmentId, roles, specialties = ['internal_medicine']) {
      const user = await factory.user(institutionId, roles);
      const rows = await db.query<{ id: string }>(
        `insert into practitioners (institution_id, department_id, user_id, name_zh, name_en, title, specialties)
         values ($1,$2,$3,$4,$5,'chief',$6) returning id`,
        [institutionId, departmentId, user.id, `医师${user.username}`, `Dr ${user.username}`, specialties],
      );
      return { ...user, practitionerId: rows[0]?.id ?? '' };
    },
    async agreement(parties) {
      const rows = await db.query<{ id: string }>(
        `insert into agreements (code, title_zh, title_en, kind, starts_on, ends_on) values ($1,'测试协议','Test agreement','medical_alliance','2020-01-01','2099-12-31') returning id`,
        [unique('A')],
      );
      const id = rows[0]?.id ?? '';
      for (const p of parties) await db.query('insert into agreement_parties (agreement_id, institution_id, role) values ($1,$2,$3)', [id, p.institutionId, p.role]);
      return { id };
    },
    async ward(institutionId, departmentId, beds, isReferralWard = false) {
      const code = unique('W').toUpperCase();
      const rows = await db.query<{ id: string }>(
        `insert into wards (institution_id, department_id, code, name_zh, name_en, is_referral_ward) values ($1,$2,$3,'测试病区','Test ward',$4) returning id`,
        [institutionId, departmentId, code, isReferralWard],
      );
      const wardId = rows[0]?.id ?? '';
      const codes = Array.from({ length: beds }, (_, i) => `${code}-${i + 1}`);
      const bedRows = await db.query<{ id: string }>('insert into beds (ward_id, code) select $1, unnest($2::text[]) returning id', [wardId, codes]);
      return { id: wardId, bedIds: bedRows.map((b) => b.id) };
    },
  };

  const testApp = {
    ...built,
    clock,
    request,
    as(user: TestUser) {
      return {
        get: (url: string) => request(user, 'GET', url),
        post: (url: string, body?: unknown, headers?: Record<string, string>) => request(user, 'POST', url, body ?? {}, headers),
        patch: (url: string, body?: unknown) => request(user, 'PATCH', url, body ?? {}),
        put: (url: string, body?: unknown) => request(user, 'PUT', url, body ?? {}),
        delete: (url: string) => request(user, 'DELETE', url),
      };
    },
    factory,
    async auditSince(sinceId: number) {
      return db.query('select id, action, entity_type, entity_id, patient_id, actor_user_id, details from audit_events where id > $1 order by id', [sinceId]);
    },
    async lastAuditId() {
      const rows = await db.query<{ id: number | null }>('select max(id) as id from audit_events');
      return rows[0]?.id ?? 0;
    },
    async jobsSince(sinceId: number) {
      return db.query('select id, name, payload from jobs where id > $1 order by id', [sinceId]);
    },
    async lastJobId() {
      const rows = await db.query<{ id: number | null }>('select max(id) as id from jobs');
      return rows[0]?.id ?? 0;
    },
    async stop() {
      await built.close();
      await drop();
    },
  } as TestApp & { stop(): Promise<void> };
  return testApp;
}

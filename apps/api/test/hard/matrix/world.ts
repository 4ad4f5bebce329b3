/**
 * The world the authorisation matrix runs in: one "own" institution with a parent and a child in
 * the network tree, a partner linked to it by an agreement, and an unrelated institution — plus one
 * signed-in persona per role acting at the own institution.
 */
import { ROLES, type Role } from '@yilian/contracts';
import { hashPassword } from '../../../src/domains/auth/index.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser, unique } from '../../harness.js';

/** Where the record a request targets lives, seen from the actor's (own) institution. */
export const SCOPES = ['own', 'child', 'parent', 'partner', 'unrelated'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * A persona acts at the own institution. `mixed` is a clinician here who is an admin at another
 * institution: roles must never leak across memberships, so it is expected to behave as a clinician.
 */
export const PERSONAS = [...ROLES, 'mixed'] as const;
export type Persona = (typeof PERSONAS)[number];
export const roleOf = (p: Persona): Role => (p === 'mixed' ? 'clinician' : p);

export interface World {
  t: TestApp & { stop(): Promise<void> };
  inst: Record<Scope, string>;
  /** Where the `mixed` persona holds its admin role (not one of the scopes). */
  elsewhere: string;
  personas: Record<Persona, TestUser>;
  /** A new user with the persona's roles, signed in (for requests that end sessions). */
  freshActor(persona: Persona): Promise<TestUser>;
  /** A user with `roles` at `institutionId`, not signed in. */
  user(institutionId: string, roles: Role[]): Promise<{ id: string; username: string }>;
  department(scope: Scope): Promise<{ id: string; code: string }>;
  ward(scope: Scope): Promise<{ id: string; bedIds: string[] }>;
  practitioner(scope: Scope): Promise<{ id: string; version: number }>;
  /** A patient registered at the scope's institution (visible there only). */
  patient(scope: Scope): Promise<{ id: string }>;
  versionOf(table: string, id: string): Promise<number>;
  /** Every kind of id in the world, for guessed-id probes. */
  allIds(): Promise<string[]>;
}

export async function buildWorld(): Promise<World> {
  const t = await startTestApp();
  const hash = await hashPassword(TEST_PASSWORD);
  const parent = await t.factory.institution({ tier: 'provincial' });
  const own = await t.factory.institution({ tier: 'county', parentId: parent.id });
  const child = await t.factory.institution({ tier: 'township', parentId: own.id });
  const partner = await t.factory.institution({ tier: 'provincial' });
  const unrelated = await t.factory.institution({ tier: 'county' });
  const elsewhere = await t.factory.institution({ tier: 'county' });
  await t.factory.agreement([
    { institutionId: partner.id, role: 'assisting' },
    { institutionId: own.id, role: 'assisted' },
  ]);
  const inst: Record<Scope, string> = { own: own.id, child: child.id, parent: parent.id, partner: partner.id, unrelated: unrelated.id };

  async function user(institutionId: string, roles: Role[]) {
    const username = unique('m');
    const rows = await t.db.query<{ id: string }>(
      'insert into users (username, display_name, password_hash) values ($1, $2, $3) returning id',
      [username, `矩阵用户 ${username}`, hash],
    );
    const id = rows[0]?.id ?? '';
    for (const role of roles) await t.db.query('insert into user_roles (user_id, institution_id, role) values ($1,$2,$3)', [id, institutionId, role]);
    return { id, username };
  }

  async function freshActor(persona: Persona): Promise<TestUser> {
    if (persona === 'mixed') return t.factory.user(own.id, ['clinician'], [{ institutionId: elsewhere.id, role: 'admin' }]);
    return t.factory.user(own.id, [persona]);
  }

  const personas = {} as Record<Persona, TestUser>;
  for (const p of PERSONAS) personas[p] = await freshActor(p);

  return {
    t,
    inst,
    elsewhere: elsewhere.id,
    personas,
    freshActor,
    user,
    department: (scope) => t.factory.department(inst[scope]),
    async ward(scope) {
      const dept = await t.factory.department(inst[scope]);
      return t.factory.ward(inst[scope], dept.id, 2);
    },
    async practitioner(scope) {
      const rows = await t.db.query<{ id: string; version: number }>(
        `insert into practitioners (institution_id, name_zh, name_en, title) values ($1, '矩阵医师', 'Matrix doctor', 'attending') returning id, version`,
        [inst[scope]],
      );
      return rows[0] as { id: string; version: number };
    },
    async patient(scope) {
      const rows = await t.db.query<{ id: string }>(
        `insert into patients (name, sex, birth_date, registered_by_institution_id) values ($1, 'female', '1980-01-01', $2) returning id`,
        [`矩阵患者${unique('')}`, inst[scope]],
      );
      const id = rows[0]?.id ?? '';
      await t.db.query(`insert into patient_access (patient_id, institution_id, reason) values ($1, $2, 'registration')`, [id, inst[scope]]);
      return { id };
    },
    async versionOf(table, id) {
      const rows = await t.db.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
      return rows[0]?.version ?? 1;
    },
    async allIds() {
      const rows = await t.db.query<{ id: string }>(
        `select id::text as id from institutions union all select id::text from departments union all select id::text from wards
         union all select id::text from beds union all select id::text from users union all select id::text from practitioners
         union all select id::text from agreements union all select id::text from sessions`,
      );
      return rows.map((r) => r.id);
    },
  };
}

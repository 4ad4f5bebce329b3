import type { Role } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface LoginUserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: 'zh-CN' | 'en';
  active: boolean;
}

export interface SessionRow {
  id: string;
  csrf_token: string;
  user_id: string;
  active_institution_id: string;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  username: string;
  display_name: string;
  locale: 'zh-CN' | 'en';
  user_active: boolean;
}

export interface MembershipRow {
  institution_id: string;
  name_zh: string;
  name_en: string;
  tier: string;
  roles: Role[];
}

export async function findLoginUser(db: Queryable, username: string): Promise<LoginUserRow | undefined> {
  const rows = await db.query<LoginUserRow>(
    'select id, username, display_name, password_hash, locale, active from users where username = $1',
    [username],
  );
  return rows[0];
}

export async function countFailures(db: Queryable, column: 'username' | 'ip', value: string, since: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*) as n from login_attempts where ${column} = $1 and at >= $2 and not success`,
    [value, since],
  );
  return rows[0]?.n ?? 0;
}

export async function recordAttempt(db: Queryable, username: string, ip: string, success: boolean, at: Date) {
  await db.query('insert into login_attempts (username, ip, success, at) values ($1, $2, $3, $4)', [
    username,
    ip,
    success,
    at,
  ]);
}

export async function memberships(db: Queryable, userId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `select i.id as institution_id, i.name_zh, i.name_en, i.tier, array_agg(r.role order by r.role) as roles
       from user_roles r join institutions i on i.id = r.institution_id
      where r.user_id = $1 and i.active
      group by i.id, i.name_zh, i.name_en, i.tier
      order by i.name_zh`,
    [userId],
  );
}

export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; csrfToken: string; userId: string; institutionId: string; ip: string; userAgent: string; now: Date; expiresAt: Date },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into sessions (token_hash, csrf_token, user_id, active_institution_id, ip, user_agent, created_at, last_seen_at, expires_at)
     values ($1,$2,$3,$4,$5,$6,$7,$7,$8) returning id`,
    [s.tokenHash, s.csrfToken, s.userId, s.institutionId, s.ip, s.userAgent, s.now, s.expiresAt],
  );
  return rows[0]?.id ?? '';
}

export interface ActorSessionRow extends SessionRow {
  /** The user's active memberships, ordered as `memberships()` orders them. */
  memberships: { institution_id: string; roles: Role[] }[];
}

/** The session, its user and the user's memberships in one round trip (every authenticated request). */
export async function findActorSession(db: Queryable, tokenHash: string): Promise<ActorSessionRow | undefined> {
  const rows = await db.query<ActorSessionRow>(
    `select s.id, s.csrf_token, s.user_id, s.active_institution_id, s.expires_at, s.last_seen_at, s.revoked_at,
            u.username, u.display_name, u.locale, u.active as user_active,
            coalesce((select json_agg(json_build_object('institution_id', m.institution_id, 'roles', m.roles) order by m.name_zh)
                        from (select i.id as institution_id, i.name_zh, array_agg(r.role order by r.role) as roles
                                from user_roles r join institutions i on i.id = r.institution_id
                               where r.user_id = s.user_id and i.active
                               group by i.id, i.name_zh) m), '[]'::json) as memberships
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export async function touchSession(db: Queryable, id: string, now: Date, expiresAt: Date) {
  await db.query('update sessions set last_seen_at = $2, expires_at = $3 where id = $1', [id, now, expiresAt]);
}

export async function setActiveInstitution(db: Queryable, id: string, institutionId: string) {
  await db.query('update sessions set active_institution_id = $2 where id = $1', [id, institutionId]);
}

export async function revokeSession(db: Queryable, id: string, now: Date) {
  await db.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [id, now]);
}

export async function revokeUserSessions(db: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(
    'update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null returning id',
    [userId, now],
  );
  return rows.length;
}

export async function findSessionById(db: Queryable, id: string): Promise<{ csrf_token: string; expires_at: Date } | undefined> {
  const rows = await db.query<{ csrf_token: string; expires_at: Date }>(
    'select csrf_token, expires_at from sessions where id = $1',
    [id],
  );
  return rows[0];
}

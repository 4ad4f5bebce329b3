import type { Role, UserDto, UserQuery } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
  roles: UserDto['roles'] | null;
}

const SELECT_USER = `
  select u.id, u.username, u.display_name, u.locale, u.active, u.version,
    (select json_agg(json_build_object('institutionId', r.institution_id, 'institutionNameZh', i.name_zh,
                                       'institutionNameEn', i.name_en, 'role', r.role) order by i.name_zh, r.role)
       from user_roles r join institutions i on i.id = r.institution_id where r.user_id = u.id) as roles
  from users u`;

const toDto = (r: UserRow): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  locale: r.locale,
  active: r.active,
  version: r.version,
  roles: r.roles ?? [],
});

export async function findUser(db: Queryable, id: string): Promise<UserDto | undefined> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where u.id = $1`, [id]);
  return rows[0] ? toDto(rows[0]) : undefined;
}

/** Users holding at least one role at an institution in `scope`. */
export async function searchUsers(db: Queryable, q: UserQuery, scope: string[]): Promise<{ items: UserDto[]; total: number }> {
  const params: unknown[] = [q.institutionId ? [q.institutionId] : scope];
  let filter = 'exists (select 1 from user_roles r where r.user_id = u.id and r.institution_id = any($1::uuid[]))';
  if (q.q) {
    params.push(`%${q.q}%`);
    filter += ` and (u.username ilike $2 or u.display_name ilike $2)`;
  }
  const total = await db.query<{ n: number }>(`select count(*) as n from users u where ${filter}`, params);
  const rows = await db.query<UserRow>(
    `${SELECT_USER} where ${filter} order by u.username limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items: rows.map(toDto), total: total[0]?.n ?? 0 };
}

export async function insertUser(
  db: Queryable,
  u: { username: string; displayName: string; passwordHash: string; locale: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'insert into users (username, display_name, password_hash, locale) values ($1,$2,$3,$4) returning id',
    [u.username, u.displayName, u.passwordHash, u.locale],
  );
  return rows[0]?.id ?? '';
}

export async function updateUser(
  db: Queryable,
  id: string,
  version: number,
  changes: { displayName?: string | undefined; locale?: string | undefined; active?: boolean | undefined; passwordHash?: string | undefined },
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update users set display_name = coalesce($3, display_name), locale = coalesce($4, locale),
            active = coalesce($5, active), password_hash = coalesce($6, password_hash),
            version = version + 1, updated_at = $7
      where id = $1 and version = $2 returning id`,
    [id, version, changes.displayName ?? null, changes.locale ?? null, changes.active ?? null, changes.passwordHash ?? null, now],
  );
  return rows.length > 0;
}

export async function grantRole(db: Queryable, userId: string, institutionId: string, role: Role, by: string | null) {
  await db.query(
    `insert into user_roles (user_id, institution_id, role, granted_by) values ($1,$2,$3,$4) on conflict do nothing`,
    [userId, institutionId, role, by],
  );
}

export async function revokeRole(db: Queryable, userId: string, institutionId: string, role: Role): Promise<boolean> {
  const rows = await db.query<{ user_id: string }>(
    'delete from user_roles where user_id = $1 and institution_id = $2 and role = $3 returning user_id',
    [userId, institutionId, role],
  );
  return rows.length > 0;
}

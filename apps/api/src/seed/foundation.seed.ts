import type { Tx } from '../db/db.js';
import { hashPassword } from '../domains/auth/index.js';
import { AGREEMENTS, DEMO_PASSWORD, DEPARTMENTS, EXTRA_PRACTITIONERS, INSTITUTIONS, USERS, WARDS } from './demo-network.js';

export interface SeedIds {
  institution(code: string): string;
  department(institutionCode: string, code: string): string;
  user(username: string): string;
  agreement(code: string): string;
}

/** Inserts the demo network; every statement is an upsert keyed by a natural code, so it can run again. */
export async function seedFoundation(tx: Tx): Promise<SeedIds> {
  const institutions = new Map<string, string>();
  for (const i of INSTITUTIONS) {
    const parentId = i.parent ? institutions.get(i.parent) : null;
    const rows = await tx.query<{ id: string }>(
      `insert into institutions (code, name_zh, name_en, short_name_zh, tier, grade, type, division_code, region_zh, region_en, parent_id)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       on conflict (code) do update set code = excluded.code returning id`,
      [i.code, i.nameZh, i.nameEn, i.shortNameZh ?? null, i.tier, i.grade, i.type, i.divisionCode, i.regionZh, i.regionEn, parentId ?? null],
    );
    institutions.set(i.code, rows[0]?.id ?? '');
  }
  const inst = (code: string) => {
    const id = institutions.get(code);
    if (!id) throw new Error(`seed: unknown institution ${code}`);
    return id;
  };

  const departments = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const rows = await tx.query<{ id: string }>(
      `insert into departments (institution_id, code, name_zh, name_en, specialty) values ($1,$2,$3,$4,$5)
       on conflict (institution_id, code) do update set code = excluded.code returning id`,
      [inst(d.institution), d.code, d.nameZh, d.nameEn, d.specialty],
    );
    departments.set(`${d.institution}/${d.code}`, rows[0]?.id ?? '');
  }
  const dep = (institution: string, code: string) => {
    const id = departments.get(`${institution}/${code}`);
    if (!id) throw new Error(`seed: unknown department ${institution}/${code}`);
    return id;
  };

  for (const w of WARDS) {
    const rows = await tx.query<{ id: string }>(
      `insert into wards (institution_id, department_id, code, name_zh, name_en, is_referral_ward) values ($1,$2,$3,$4,$5,$6)
       on conflict (institution_id, code) do update set code = excluded.code returning id`,
      [inst(w.institution), dep(w.institution, w.department), w.code, w.nameZh, w.nameEn, w.isReferralWard],
    );
    const wardId = rows[0]?.id ?? '';
    const codes = Array.from({ length: w.beds }, (_, n) => `${w.code}-${String(n + 1).padStart(2, '0')}`);
    await tx.query('insert into beds (ward_id, code) select $1, unnest($2::text[]) on conflict do nothing', [wardId, codes]);
  }

  // One argon2id hash for the shared demo password keeps seeding fast; real accounts each get their own.
  const existing = await tx.query<{ username: string; id: string }>('select username, id from users where username = any($1::text[])', [USERS.map((u) => u.username)]);
  const users = new Map(existing.map((u) => [u.username, u.id]));
  const passwordHash = users.size < USERS.length ? await hashPassword(DEMO_PASSWORD) : '';
  for (const u of USERS) {
    let userId = users.get(u.username);
    if (!userId) {
      const rows = await tx.query<{ id: string }>('insert into users (username, display_name, password_hash) values ($1,$2,$3) returning id', [u.username, u.displayName, passwordHash]);
      userId = rows[0]?.id ?? '';
      users.set(u.username, userId);
    }
    for (const r of u.roles) {
      await tx.query('insert into user_roles (user_id, institution_id, role) values ($1,$2,$3) on conflict do nothing', [userId, inst(r.institution), r.role]);
    }
    if (u.practitioner) {
      const p = u.practitioner;
      await tx.query(
        `insert into practitioners (institution_id, department_id, user_id, name_zh, name_en, title, specialties)
         select $1,$2,$3,$4,$5,$6,$7 where not exists (select 1 from practitioners where user_id = $3)`,
        [inst(p.institution), p.department ? dep(p.institution, p.department) : null, userId, u.displayName, p.nameEn, p.title, p.specialties],
      );
    }
  }
  for (const p of EXTRA_PRACTITIONERS) {
    await tx.query(
      `insert into practitioners (institution_id, department_id, name_zh, name_en, title, specialties)
       select $1,$2,$3,$4,$5,$6 where not exists (select 1 from practitioners where institution_id = $1 and name_zh = $3)`,
      [inst(p.institution), dep(p.institution, p.department), p.nameZh, p.nameEn, p.title, p.specialties],
    );
  }

  const agreements = new Map<string, string>();
  for (const a of AGREEMENTS) {
    const rows = await tx.query<{ id: string }>(
      `insert into agreements (code, title_zh, title_en, kind, signed_on, starts_on, ends_on) values ($1,$2,$3,$4,$5,$6,$7)
       on conflict (code) do update set code = excluded.code returning id`,
      [a.code, a.titleZh, a.titleEn, a.kind, a.signedOn, a.startsOn, a.endsOn],
    );
    const id = rows[0]?.id ?? '';
    agreements.set(a.code, id);
    for (const p of a.parties) {
      await tx.query('insert into agreement_parties (agreement_id, institution_id, role) values ($1,$2,$3) on conflict do nothing', [id, inst(p.institution), p.role]);
    }
  }

  return {
    institution: inst,
    department: dep,
    user(username) {
      const id = users.get(username);
      if (!id) throw new Error(`seed: unknown user ${username}`);
      return id;
    },
    agreement(code) {
      const id = agreements.get(code);
      if (!id) throw new Error(`seed: unknown agreement ${code}`);
      return id;
    },
  };
}

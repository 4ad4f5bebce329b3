/**
 * Reads for KPIs beyond one agreement (an institution, a region, a supervising authority's network):
 * agreements and the institution directory. The figures come from the rollups through metrics.repo.ts.
 */
import type { Queryable } from '../../db/db.js';

export interface AgreementListRow {
  id: string;
  code: string;
  title_zh: string;
  title_en: string;
  status: string;
  starts_on: string;
  ends_on: string;
}

/**
 * Agreements with a party among `institutionIds` that the actor may see: their own institution is a
 * party, or a supervising party is in their supervised scope.
 */
export async function agreementsInvolving(q: Queryable, institutionIds: string[], actorInstitutionId: string, supervised: string[]) {
  return q.query<AgreementListRow>(
    `select a.id, a.code, a.title_zh, a.title_en, a.status, a.starts_on, a.ends_on from agreements a
      where exists (select 1 from agreement_parties p where p.agreement_id = a.id and p.institution_id = any($1::uuid[]))
        and exists (select 1 from agreement_parties v where v.agreement_id = a.id
                     and (v.institution_id = $2 or (v.role = 'supervising' and v.institution_id = any($3::uuid[]))))
      order by a.starts_on, a.code`,
    [institutionIds, actorInstitutionId, supervised],
  );
}

/** Institutions whose division code starts with `prefix`, and those of them in `scope`. */
export async function regionInstitutions(q: Queryable, prefix: string, scope: string[]): Promise<{ all: number; inScope: string[] }> {
  const rows = await q.query<{ id: string; in_scope: boolean }>(
    'select id, id = any($2::uuid[]) as in_scope from institutions where division_code like $1',
    [`${prefix}%`, scope],
  );
  return { all: rows.length, inScope: rows.filter((r) => r.in_scope).map((r) => r.id) };
}

/** The region's name: that of the division itself (e.g. 630000 for prefix 63) when an institution sits there, else the prefix. */
export async function regionName(q: Queryable, prefix: string): Promise<{ zh: string; en: string }> {
  const rows = await q.query<{ region_zh: string; region_en: string }>(
    `select region_zh, region_en from institutions where division_code = rpad($1, 6, '0') order by (type = 'authority') desc, code limit 1`,
    [prefix],
  );
  const r = rows[0];
  return r ? { zh: r.region_zh, en: r.region_en } : { zh: prefix, en: prefix };
}

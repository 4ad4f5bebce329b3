/**
 * What other domains ask of agreements (through index.ts): who are an institution's partners, and
 * is there an active agreement between two institutions. Supervising authorities are not partners
 * (they oversee; they do not send or receive consults and referrals).
 */
import type { AgreementKind, PartyRole } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface Partner {
  institutionId: string;
  agreementId: string;
  agreementCode: string;
  kind: AgreementKind;
  /** The asking institution's role in that agreement. */
  ownRole: Exclude<PartyRole, 'supervising'>;
  partnerRole: Exclude<PartyRole, 'supervising'>;
}

const ACTIVE_ON = `a.status = 'active' and ($2::date is null or (a.starts_on <= $2::date and a.ends_on >= $2::date))`;

/** Partner institutions through agreements in force (on `on`, a 'YYYY-MM-DD' date, when given). */
export async function partnersOf(q: Queryable, institutionId: string, on?: string): Promise<Partner[]> {
  const rows = await q.query<{ institution_id: string; agreement_id: string; code: string; kind: AgreementKind; own_role: Partner['ownRole']; partner_role: Partner['partnerRole'] }>(
    `select p2.institution_id, a.id as agreement_id, a.code, a.kind, p1.role as own_role, p2.role as partner_role
       from agreement_parties p1
       join agreements a on a.id = p1.agreement_id
       join agreement_parties p2 on p2.agreement_id = a.id and p2.institution_id <> p1.institution_id
      where p1.institution_id = $1 and p1.role <> 'supervising' and p2.role <> 'supervising' and ${ACTIVE_ON}
      order by a.starts_on, a.code`,
    [institutionId, on ?? null],
  );
  return rows.map((r) => ({ institutionId: r.institution_id, agreementId: r.agreement_id, agreementCode: r.code, kind: r.kind, ownRole: r.own_role, partnerRole: r.partner_role }));
}

export interface ActiveAgreement {
  id: string;
  code: string;
  kind: AgreementKind;
  roleOfA: Exclude<PartyRole, 'supervising'>;
  roleOfB: Exclude<PartyRole, 'supervising'>;
}

/** The active agreement (the earliest-starting one when several) that makes `a` and `b` partners, or undefined. */
export async function activeAgreementBetween(q: Queryable, a: string, b: string, on?: string): Promise<ActiveAgreement | undefined> {
  const rows = await q.query<{ id: string; code: string; kind: AgreementKind; role_a: ActiveAgreement['roleOfA']; role_b: ActiveAgreement['roleOfB'] }>(
    `select a.id, a.code, a.kind, pa.role as role_a, pb.role as role_b
       from agreements a
       join agreement_parties pa on pa.agreement_id = a.id and pa.institution_id = $1 and pa.role <> 'supervising'
       join agreement_parties pb on pb.agreement_id = a.id and pb.institution_id = $3 and pb.role <> 'supervising'
      where ${ACTIVE_ON}
      order by a.starts_on, a.code limit 1`,
    [a, on ?? null, b],
  );
  const r = rows[0];
  return r && { id: r.id, code: r.code, kind: r.kind, roleOfA: r.role_a, roleOfB: r.role_b };
}

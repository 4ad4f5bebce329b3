import type { PartyRole } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';
import { type Actor, hasRole } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import { scopeOf } from '../institutions/index.js';

export interface AgreementAccess {
  /** The actor's institution is a party (its role), or undefined. */
  partyRole: PartyRole | undefined;
  /** The actor is a program manager (leader) of a supervising authority of this agreement, or above one. */
  supervises: boolean;
  see: boolean;
  amend: boolean;
  /** Record dispatch, trainees and education sessions. */
  record: boolean;
}

/** Supervising scope of a program manager: their institution and every one below it (empty for others). */
export async function supervisedScope(q: Queryable, actor: Actor): Promise<string[]> {
  return hasRole(actor, 'leader') ? scopeOf(q, actor.institutionId) : [];
}

export async function accessTo(q: Queryable, actor: Actor, agreementId: string): Promise<AgreementAccess> {
  const parties = await q.query<{ institution_id: string; role: PartyRole }>('select institution_id, role from agreement_parties where agreement_id = $1', [agreementId]);
  const partyRole = parties.find((p) => p.institution_id === actor.institutionId)?.role;
  const scope = await supervisedScope(q, actor);
  const supervises = parties.some((p) => p.role === 'supervising' && scope.includes(p.institution_id));
  const see = partyRole !== undefined || supervises;
  return {
    partyRole,
    supervises,
    see,
    amend: hasRole(actor, 'leader') && see,
    record: hasRole(actor, 'coordinator', 'leader') && partyRole !== undefined && partyRole !== 'supervising',
  };
}

export function requireRecord(access: AgreementAccess): void {
  if (!access.record) throw errors.forbidden();
}

export interface RecordingContext {
  agreementId: string;
  startsOn: string;
  endsOn: string;
  parties: { institutionId: string; role: PartyRole }[];
  access: AgreementAccess;
}

const notFound = () => errors.notFound({ code: 'agreement.not_found', zh: '协议', en: 'Agreement' });

/**
 * For dispatch, training and education: the agreement must exist and be visible (404), the actor must
 * be allowed to record under it (403) when `write`, and it must not have ended (409).
 */
export async function agreementContext(q: Queryable, actor: Actor, agreementId: string, write: boolean): Promise<RecordingContext> {
  const rows = await q.query<{ starts_on: string; ends_on: string; status: string }>('select starts_on, ends_on, status from agreements where id = $1', [agreementId]);
  const a = rows[0];
  if (!a) throw notFound();
  const access = await accessTo(q, actor, agreementId);
  if (!access.see) throw notFound();
  if (write) {
    requireRecord(access);
    if (a.status !== 'active') throw errors.illegalTransition(a.status, 'record');
  }
  const parties = await q.query<{ institution_id: string; role: PartyRole }>('select institution_id, role from agreement_parties where agreement_id = $1', [agreementId]);
  return { agreementId, startsOn: a.starts_on, endsOn: a.ends_on, parties: parties.map((p) => ({ institutionId: p.institution_id, role: p.role })), access };
}

export function isOperatingParty(ctx: RecordingContext, institutionId: string): boolean {
  return ctx.parties.some((p) => p.institutionId === institutionId && p.role !== 'supervising');
}

import type { Queryable } from '../../db/db.js';
import { type Actor, hasRole } from '../../http/actor.js';
import { AppError, errors } from '../../http/errors.js';
import type { ReferralRow } from './referrals.repo.js';
import { ACTING_ROLES, type Side } from './referrals.workflow.js';

export const referralNotFound = () => errors.notFound({ code: 'referral.not_found', zh: '转诊单', en: 'Referral' });

/**
 * Only the two institutions involved see a referral, and a draft only its sender. Everyone else
 * gets 404 (not 403), so the existence of a referral does not leak.
 */
export function sideOf(row: Pick<ReferralRow, 'from_institution_id' | 'to_institution_id' | 'status'>, actor: Pick<Actor, 'institutionId'>): Side | null {
  if (row.from_institution_id === actor.institutionId) return 'sender';
  if (row.to_institution_id === actor.institutionId && row.status !== 'draft') return 'receiver';
  return null;
}

export function mustSee(row: ReferralRow | undefined, actor: Actor): { row: ReferralRow; side: Side } {
  if (!row) throw referralNotFound();
  const side = sideOf(row, actor);
  if (!side) throw referralNotFound();
  return { row, side };
}

/** Acting needs a clinical or coordinating role at the actor's institution. */
export function requireActingRole(actor: Actor): void {
  if (!hasRole(actor, ...ACTING_ROLES)) throw errors.forbidden();
}

export const wrongSide = () =>
  new AppError(403, 'referral.wrong_side', {
    zh: '此操作应由转诊的另一方完成',
    en: 'This step belongs to the other institution of the referral',
  });

/** For the attachment content route: the referral owning an attachment is visible to the actor. */
export async function canSeeReferral(q: Queryable, actor: Actor, referralId: string): Promise<boolean> {
  const rows = await q.query<ReferralRow>('select from_institution_id, to_institution_id, status from referrals where id = $1', [referralId]);
  const row = rows[0];
  return !!row && sideOf(row, actor) !== null;
}

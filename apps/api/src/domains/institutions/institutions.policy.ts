import type { Queryable } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import { scopeOf } from './institutions.repo.js';

/**
 * The network directory (institutions, departments, wards, practitioners) is readable by every
 * signed-in user: routing a consult or referral needs it, and it holds no patient data.
 * Writing is for admins, over their own institution and every institution below it.
 */
export async function requireAdminOver(db: Queryable, actor: Actor, institutionId: string): Promise<void> {
  requireRole(actor, 'admin');
  const scope = await scopeOf(db, actor.institutionId);
  if (!scope.includes(institutionId)) throw errors.forbidden();
}

export async function adminScope(db: Queryable, actor: Actor): Promise<string[]> {
  requireRole(actor, 'admin');
  return scopeOf(db, actor.institutionId);
}

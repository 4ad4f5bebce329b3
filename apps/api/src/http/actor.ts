import type { Locale, Role } from '@yilian/contracts';
import { errors } from './errors.js';

/** The signed-in person acting at one institution. Tenancy always comes from here. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  institutionId: string;
  roles: readonly Role[];
  memberships: readonly { institutionId: string; roles: readonly Role[] }[];
  ip: string;
  locale: Locale;
}

/** Who did something when there is no signed-in user (jobs, seeding, system transitions). */
export interface SystemActor {
  userId: null;
  username: string;
  institutionId: string | null;
  ip: string;
}

export type AuditActor = Pick<Actor, 'userId' | 'username' | 'institutionId' | 'ip'> | SystemActor;

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw errors.forbidden();
}

export function systemActor(username = 'system', institutionId: string | null = null): SystemActor {
  return { userId: null, username, institutionId, ip: '127.0.0.1' };
}

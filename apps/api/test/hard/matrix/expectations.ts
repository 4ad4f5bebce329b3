/**
 * The explicit expectation table of the authorisation matrix. Every route the app registers must
 * have an entry here (the matrix test fails naming any route without one), keyed `METHOD url`
 * exactly as in the route registry. Each domain keeps its entries in its own file under
 * `expectations/`, merged in `expectations/index.ts`.
 */
import type { Role } from '@yilian/contracts';
import type { TestUser } from '../../harness.js';
import { type Persona, roleOf, type Scope, type World } from './world.js';

export interface RequestPlan {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Extra request headers (uploads: content type and x-file-name). */
  headers?: Record<string, string>;
  /** Send as this user instead of the persona (requests that end sessions use a fresh actor). */
  actor?: TestUser;
}

/**
 * Who may do it:
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any signed-in persona, whatever the scope;
 * - `{ roles, scopes }`: those roles, when the target lives in one of those scopes.
 */
export type Allow = 'public' | 'signed-in' | { roles: readonly Role[] | 'any'; scopes: readonly Scope[] | 'any' };

export interface MatrixCase {
  /** Names the variant when a route has several (which id is scoped: the path, the body, the query). */
  name?: string;
  /** The scopes this case varies over. Default: every scope when `allow` has scopes, else own only. */
  scopes?: readonly Scope[];
  /** Builds a valid request whose target lives in `scope` (fresh records for writes). */
  plan(w: World, scope: Scope, persona: Persona): Promise<RequestPlan>;
  allow: Allow;
  /**
   * Further statuses that count as a refusal for this case, e.g. 400 when an id in the body names a
   * record of another institution (the body is invalid for this actor rather than the target hidden).
   */
  deniedWith?: readonly number[];
  /** Ids that must never appear in an allowed answer (data of other tenants). */
  mustNotContain?(w: World): string[];
}

export type Expectations = Record<string, MatrixCase | MatrixCase[]>;

export function isAllowed(allow: Allow, persona: Persona | 'anon', scope: Scope): boolean {
  if (allow === 'public') return true;
  if (persona === 'anon') return false;
  if (allow === 'signed-in') return true;
  const roleOk = allow.roles === 'any' || allow.roles.includes(roleOf(persona));
  const scopeOk = allow.scopes === 'any' || allow.scopes.includes(scope);
  return roleOk && scopeOk;
}

export function scopesOf(c: MatrixCase): readonly Scope[] {
  if (c.scopes) return c.scopes;
  if (typeof c.allow === 'object') return ['own', 'child', 'parent', 'partner', 'unrelated'];
  return ['own'];
}

export const casesOf = (e: MatrixCase | MatrixCase[]): MatrixCase[] => (Array.isArray(e) ? e : [e]);

/** Admins over their own institution and the institutions below it. */
export const adminOverSubtree: Allow = { roles: ['admin'], scopes: ['own', 'child'] };

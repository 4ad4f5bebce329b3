import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LoginInput, MembershipDto, SessionDto } from '@yilian/contracts';
import type { Db } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import { AppError, errors } from '../../http/errors.js';
import { type Clock, HOUR, MINUTE } from '../../http/clock.js';
import type { AuditLog } from '../audit/index.js';
import * as repo from './auth.repo.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface AuthSettings {
  sessionTtlHours: number;
  /** Failed attempts for one username (or 4× that for one address) within the window before refusing. */
  maxFailures: number;
  failureWindowMinutes: number;
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

const invalidCredentials = () =>
  new AppError(401, 'auth.invalid_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });
const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'auth.too_many_attempts',
    { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
    { retryAfterSeconds },
  );
const noMembership = () =>
  new AppError(403, 'auth.no_membership', {
    zh: '该账号未在任何机构分配角色',
    en: 'This account has no role at any institution',
  });

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function toMembershipDto(row: repo.MembershipRow): MembershipDto {
  return { institutionId: row.institution_id, institutionNameZh: row.name_zh, institutionNameEn: row.name_en, tier: row.tier, roles: row.roles };
}

export function createAuthService(deps: { db: Db; clock: Clock; audit: AuditLog; settings: AuthSettings }) {
  const { db, clock, audit, settings } = deps;
  const ttl = settings.sessionTtlHours * HOUR;
  // Compared against when the user does not exist, so both paths cost one argon2 verification.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'));

  async function sessionDto(csrfToken: string, expiresAt: Date, user: { id: string; username: string; display_name: string; locale: 'zh-CN' | 'en' }, institutionId: string): Promise<SessionDto> {
    const rows = await repo.memberships(db, user.id);
    const active = rows.find((m) => m.institution_id === institutionId);
    return {
      user: { id: user.id, username: user.username, displayName: user.display_name, locale: user.locale },
      activeInstitutionId: institutionId,
      roles: active?.roles ?? [],
      memberships: rows.map(toMembershipDto),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    };
  }

  return {
    async login(input: LoginInput, meta: RequestMeta): Promise<{ token: string; session: SessionDto }> {
      const now = clock.now();
      const since = new Date(now.getTime() - settings.failureWindowMinutes * MINUTE);
      const username = input.username.toLowerCase();
      const [byUser, byIp] = await Promise.all([
        repo.countFailures(db, 'username', username, since),
        repo.countFailures(db, 'ip', meta.ip, since),
      ]);
      if (byUser >= settings.maxFailures || byIp >= settings.maxFailures * 4) {
        throw tooManyAttempts(settings.failureWindowMinutes * 60);
      }
      const user = await repo.findLoginUser(db, username);
      const ok = user ? await verifyPassword(user.password_hash, input.password) : await verifyPassword(await dummyHash, input.password);
      if (!user || !ok || !user.active) {
        await db.transaction(async (tx) => {
          await repo.recordAttempt(tx, username, meta.ip, false, now);
          await audit.record(tx, { userId: null, username, institutionId: null, ip: meta.ip }, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
          });
        });
        throw invalidCredentials();
      }
      const rows = await repo.memberships(db, user.id);
      const first = rows[0];
      if (!first) throw noMembership();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttl);
      const sessionId = await db.transaction(async (tx) => {
        await repo.recordAttempt(tx, username, meta.ip, true, now);
        const id = await repo.insertSession(tx, {
          tokenHash: sha256(token),
          csrfToken,
          userId: user.id,
          institutionId: first.institution_id,
          ip: meta.ip,
          userAgent: meta.userAgent.slice(0, 300),
          now,
          expiresAt,
        });
        await audit.record(tx, { userId: user.id, username: user.username, institutionId: first.institution_id, ip: meta.ip }, {
          action: 'auth.login',
          entityType: 'session',
          entityId: id,
        });
        return id;
      });
      return { token, session: await sessionDto(csrfToken, expiresAt, user, first.institution_id) };
    },

    /** Resolves the actor for a request token; checks CSRF for cookie-authenticated writes. */
    async authenticate(token: string | undefined, meta: RequestMeta & { csrfHeader?: string | undefined; checkCsrf: boolean }): Promise<Actor> {
      if (!token) throw errors.unauthenticated();
      // Session, user and memberships in one query; the sliding-expiry write below runs at most once a minute.
      const session = await repo.findActorSession(db, sha256(token));
      const now = clock.now();
      if (!session || session.revoked_at || !session.user_active) throw errors.unauthenticated();
      if (session.expires_at.getTime() <= now.getTime()) throw errors.sessionExpired();
      if (meta.checkCsrf) {
        const given = Buffer.from(meta.csrfHeader ?? '');
        const expected = Buffer.from(session.csrf_token);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw errors.csrf();
      }
      // Sliding expiry, written at most once a minute per session.
      if (now.getTime() - session.last_seen_at.getTime() > MINUTE) {
        await repo.touchSession(db, session.id, now, new Date(now.getTime() + ttl));
      }
      const rows = session.memberships;
      const active = rows.find((m) => m.institution_id === session.active_institution_id);
      return {
        userId: session.user_id,
        username: session.username,
        displayName: session.display_name,
        sessionId: session.id,
        institutionId: session.active_institution_id,
        roles: active?.roles ?? [],
        memberships: rows.map((m) => ({ institutionId: m.institution_id, roles: m.roles })),
        ip: meta.ip,
        locale: session.locale,
      };
    },

    async me(actor: Actor): Promise<SessionDto> {
      const session = await repo.findSessionById(db, actor.sessionId);
      if (!session) throw errors.unauthenticated();
      return sessionDto(session.csrf_token, session.expires_at, { id: actor.userId, username: actor.username, display_name: actor.displayName, locale: actor.locale }, actor.institutionId);
    },

    async switchInstitution(actor: Actor, institutionId: string): Promise<SessionDto> {
      if (!actor.memberships.some((m) => m.institutionId === institutionId)) throw errors.forbidden();
      await db.transaction(async (tx) => {
        await repo.setActiveInstitution(tx, actor.sessionId, institutionId);
        await audit.record(tx, { ...actor, institutionId }, { action: 'auth.switch_institution', entityType: 'session', entityId: actor.sessionId });
      });
      return this.me({ ...actor, institutionId });
    },

    async logout(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, actor.sessionId, clock.now());
        await audit.record(tx, actor, { action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
      });
    },

    async logoutEverywhere(actor: Actor): Promise<{ revoked: number }> {
      return db.transaction(async (tx) => {
        const revoked = await repo.revokeUserSessions(tx, actor.userId, clock.now());
        await audit.record(tx, actor, { action: 'auth.logout_all', entityType: 'user', entityId: actor.userId, details: { revoked } });
        return { revoked };
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

import type { CreateUserInput, Page, RoleGrantInput, UpdateUserInput, UserDto, UserQuery } from '@yilian/contracts';
import type { z } from 'zod';
import { type Db, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { AuditLog } from '../audit/index.js';
import { hashPassword, revokeUserSessions } from '../auth/index.js';
import { adminScope, findInstitution, institutionNotFound } from '../institutions/index.js';
import * as repo from './users.repo.js';

const userNotFound = () => errors.notFound({ code: 'user.not_found', zh: '用户', en: 'User' });
const lastRole = () =>
  new AppError(409, 'user.last_role', { zh: '不能移除用户的最后一个角色，请改为停用账号', en: 'Cannot remove a user’s last role; deactivate the account instead' });

export function createUserService(deps: { db: Db; clock: Clock; audit: AuditLog }) {
  const { db, clock, audit } = deps;

  /** A user is administrable when they hold a role inside the admin's scope. */
  async function mustFindAdministrable(actor: Actor, id: string, scope: string[]): Promise<UserDto> {
    const user = await repo.findUser(db, id);
    if (!user || !user.roles.some((r) => scope.includes(r.institutionId))) throw userNotFound();
    return user;
  }

  async function checkInstitutions(ids: string[], scope: string[]) {
    for (const id of new Set(ids)) {
      if (!(await findInstitution(db, id))) throw institutionNotFound();
      if (!scope.includes(id)) throw errors.forbidden();
    }
  }

  return {
    async search(actor: Actor, q: UserQuery): Promise<Page<UserDto>> {
      const scope = await adminScope(db, actor);
      if (q.institutionId && !scope.includes(q.institutionId)) throw errors.forbidden();
      const { items, total } = await repo.searchUsers(db, q, scope);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<UserDto> {
      return mustFindAdministrable(actor, id, await adminScope(db, actor));
    },

    async create(actor: Actor, input: z.output<typeof CreateUserInput>): Promise<UserDto> {
      const scope = await adminScope(db, actor);
      await checkInstitutions(input.roles.map((r) => r.institutionId), scope);
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction(async (tx) => {
        let userId: string;
        try {
          userId = await repo.insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash, locale: input.locale });
        } catch (error) {
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw errors.duplicate('username');
          throw error;
        }
        for (const r of input.roles) await repo.grantRole(tx, userId, r.institutionId, r.role, actor.userId);
        await audit.record(tx, actor, { action: 'user.create', entityType: 'user', entityId: userId, details: { username: input.username, roles: input.roles } });
        return userId;
      });
      return (await repo.findUser(db, id)) as UserDto;
    },

    async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserDto> {
      await mustFindAdministrable(actor, id, await adminScope(db, actor));
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      await db.transaction(async (tx) => {
        const ok = await repo.updateUser(tx, id, input.version, { ...input, passwordHash }, clock.now());
        if (!ok) throw errors.versionConflict();
        if (input.active === false || passwordHash) await revokeUserSessions(tx, id, clock.now());
        const fields = Object.keys(input).filter((k) => k !== 'version' && k !== 'password');
        await audit.record(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, details: { fields, passwordChanged: !!passwordHash } });
      });
      return (await repo.findUser(db, id)) as UserDto;
    },

    async grant(actor: Actor, id: string, input: RoleGrantInput): Promise<UserDto> {
      const scope = await adminScope(db, actor);
      await mustFindAdministrable(actor, id, scope);
      await checkInstitutions([input.institutionId], scope);
      await db.transaction(async (tx) => {
        await repo.grantRole(tx, id, input.institutionId, input.role, actor.userId);
        await audit.record(tx, actor, { action: 'user.grant_role', entityType: 'user', entityId: id, details: { ...input } });
      });
      return (await repo.findUser(db, id)) as UserDto;
    },

    async revoke(actor: Actor, id: string, input: RoleGrantInput): Promise<UserDto> {
      const scope = await adminScope(db, actor);
      const user = await mustFindAdministrable(actor, id, scope);
      await checkInstitutions([input.institutionId], scope);
      if (user.roles.length === 1 && user.roles[0]?.institutionId === input.institutionId && user.roles[0]?.role === input.role) throw lastRole();
      await db.transaction(async (tx) => {
        const removed = await repo.revokeRole(tx, id, input.institutionId, input.role);
        if (!removed) throw errors.notFound({ code: 'user.role_not_found', zh: '该角色', en: 'Role' });
        await audit.record(tx, actor, { action: 'user.revoke_role', entityType: 'user', entityId: id, details: { ...input } });
      });
      return (await repo.findUser(db, id)) as UserDto;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

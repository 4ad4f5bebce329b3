import { CreateUserInput, IdParams, RoleGrantInput, UpdateUserInput, UserQuery } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { UserService } from './users.service.js';

export function registerUserRoutes(r: Router, s: UserService): void {
  const tags = ['users'];
  r.route({ method: 'GET', url: '/api/users', summary: 'Users with roles in the admin’s scope', tags, query: UserQuery, handler: ({ actor, query }) => s.search(actor, query) });
  r.route({ method: 'GET', url: '/api/users/:id', summary: 'A user and their roles', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'POST', url: '/api/users', summary: 'Create a user with roles', tags, status: 201, body: CreateUserInput, handler: ({ actor, body }) => s.create(actor, body) });
  r.route({ method: 'PATCH', url: '/api/users/:id', summary: 'Edit, deactivate or reset the password of a user', tags, params: IdParams, body: UpdateUserInput, handler: ({ actor, params, body }) => s.update(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/users/:id/roles', summary: 'Grant a role at an institution', tags, params: IdParams, body: RoleGrantInput, handler: ({ actor, params, body }) => s.grant(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/users/:id/roles/revoke', summary: 'Revoke a role at an institution', tags, params: IdParams, body: RoleGrantInput, handler: ({ actor, params, body }) => s.revoke(actor, params.id, body) });
}

import { LoginInput, SwitchInstitutionInput } from '@yilian/contracts';
import type { FastifyReply } from 'fastify';
import type { Router } from '../../http/route.js';
import type { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'yl_session';

export function registerAuthRoutes(r: Router, auth: AuthService, opts: { secureCookies: boolean; sessionTtlHours: number }): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      maxAge: opts.sessionTtlHours * 3600,
    });

  r.publicRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in; sets the HttpOnly session cookie and returns the session with its CSRF token',
    tags: ['auth'],
    body: LoginInput,
    handler: async ({ body, req, reply }) => {
      const { token, session } = await auth.login(body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      setCookie(reply, token);
      // The token is also returned for API clients that use `Authorization: Bearer`.
      return { ...session, token };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The current session',
    tags: ['auth'],
    handler: ({ actor }) => auth.me(actor),
  });
  r.route({
    method: 'POST',
    url: '/api/auth/switch',
    summary: 'Act at another institution where the user holds roles',
    tags: ['auth'],
    body: SwitchInstitutionInput,
    handler: ({ actor, body }) => auth.switchInstitution(actor, body.institutionId),
  });
  r.route({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out of this session',
    tags: ['auth'],
    handler: async ({ actor, reply }) => {
      await auth.logout(actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });
  r.route({
    method: 'POST',
    url: '/api/auth/logout-all',
    summary: 'Sign out of every session of this user',
    tags: ['auth'],
    handler: async ({ actor, reply }) => {
      const result = await auth.logoutEverywhere(actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { errors, issuesOf } from './errors.js';

type Schema = z.ZodType | undefined;
type In<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

interface BaseSpec<B extends Schema, Q extends Schema, P extends Schema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: P;
  /** Success status (default 200). */
  status?: number;
  /** Per-route body limit in bytes (default: the server's). */
  bodyLimit?: number;
}

export interface Ctx<B extends Schema, Q extends Schema, P extends Schema> {
  body: In<B>;
  query: In<Q>;
  params: In<P>;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema, R> extends BaseSpec<B, Q, P> {
  handler: (ctx: Ctx<B, Q, P> & { actor: Actor }) => Promise<R>;
}

export interface PublicRouteSpec<B extends Schema, Q extends Schema, P extends Schema, R> extends BaseSpec<B, Q, P> {
  handler: (ctx: Ctx<B, Q, P>) => Promise<R>;
}

export interface Router {
  /** A route that needs a signed-in actor (401 otherwise; CSRF checked on cookie writes). */
  route<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined, R = unknown>(
    spec: RouteSpec<B, Q, P, R>,
  ): void;
  /** A route open to anyone (sign-in, health). */
  publicRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined, R = unknown>(
    spec: PublicRouteSpec<B, Q, P, R>,
  ): void;
  readonly app: FastifyInstance;
}

/** Every route the router registered, for the docs and the authorisation matrix. */
export interface RouteInfo {
  method: string;
  url: string;
  auth: boolean;
  tags: string[];
  hasBody: boolean;
}

/**
 * The first string (key or value) holding U+0000 or a lone UTF-16 surrogate: PostgreSQL refuses the
 * first (a 500 otherwise) and silently replaces the second, so both are refused at the edge.
 */
export function findBadText(value: unknown): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  const bad = (text: string) => text.includes('\0') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
  while (stack.length) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'string') {
      if (bad(v)) return path || '(root)';
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (bad(k)) return p;
        stack.push({ v: inner, path: p });
      }
    }
  }
  return undefined;
}

/** `?lang=` picks the answer's language on every route (see lang.ts); it is not a route's own filter. */
function withoutLang(query: unknown): unknown {
  if (!query || typeof query !== 'object' || !('lang' in query)) return query;
  const { lang: _lang, ...rest } = query as Record<string, unknown>;
  return rest;
}

function parse<S extends Schema>(schema: S | undefined, value: unknown, where: 'body' | 'query' | 'params'): In<S> {
  if (!schema) return undefined as In<S>;
  const badText = findBadText(value);
  if (badText) throw errors.validation(where, [{ path: badText, code: 'invalid_text', message: 'NUL characters and unpaired surrogates are not allowed' }]);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw errors.validation(where, issuesOf(result.error));
  return result.data as In<S>;
}

function jsonSchema(schema: Schema): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return rest;
  } catch {
    return undefined;
  }
}

export function createRouter(
  app: FastifyInstance,
  authenticate: (req: FastifyRequest) => Promise<Actor>,
  registry: RouteInfo[],
): Router {
  function register<B extends Schema, Q extends Schema, P extends Schema, R>(
    spec: BaseSpec<B, Q, P>,
    needsAuth: boolean,
    run: (ctx: Ctx<B, Q, P>, actor: Actor | undefined) => Promise<R>,
  ): void {
    registry.push({ method: spec.method, url: spec.url, auth: needsAuth, tags: spec.tags, hasBody: !!spec.body });
    const body = jsonSchema(spec.body);
    const querystring = jsonSchema(spec.query);
    const params = jsonSchema(spec.params);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      schema: {
        summary: spec.summary,
        tags: spec.tags,
        ...(body ? { body } : {}),
        ...(querystring ? { querystring } : {}),
        ...(params ? { params } : {}),
      },
      // Validation happens once, in zod, below; the JSON Schema above is for the OpenAPI document.
      validatorCompiler: () => () => true,
      handler: async (req, reply) => {
        const actor = needsAuth ? await authenticate(req) : undefined;
        const ctx: Ctx<B, Q, P> = {
          params: parse(spec.params, req.params, 'params'),
          query: parse(spec.query, withoutLang(req.query), 'query'),
          body: parse(spec.body, req.body, 'body'),
          req,
          reply,
        };
        const result = await run(ctx, actor);
        if (reply.sent) return reply;
        reply.code(spec.status ?? 200);
        return result ?? { ok: true };
      },
    });
  }
  return {
    app,
    route(spec) {
      register(spec, true, (ctx, actor) => spec.handler({ ...ctx, actor: actor as Actor }));
    },
    publicRoute(spec) {
      register(spec, false, (ctx) => spec.handler(ctx));
    },
  };
}

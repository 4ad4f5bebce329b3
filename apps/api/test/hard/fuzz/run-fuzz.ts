/**
 * Bad-input fuzzing over every registered route. Starts from the valid request the authorisation
 * matrix plans for the route (so the hostile part reaches validation and the service), then breaks
 * one thing: the body, one field, the raw bytes, the content type, the query string, the headers or
 * the path parameter. Every answer must be < 500 and, when an error, have the `{ error: { code,
 * message } }` shape.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { RouteInfo } from '../../../src/http/route.js';
import { casesOf, type Expectations, isAllowed, type MatrixCase, type RequestPlan } from '../matrix/expectations.js';
import { keyOf } from '../matrix/run-matrix.js';
import { PERSONAS, type Persona, type World } from '../matrix/world.js';
import { contentType, enc, hostileHeaders, nastyString, nastyValue, queryString, rawJsonBody } from './payloads.js';

export interface FuzzFinding {
  route: string;
  strategy: string;
  status: number;
  request: string;
  answer: string;
}

export interface FuzzFigures {
  tried: number;
  byStrategy: Record<string, number>;
  status5xx: FuzzFinding[];
  badShape: FuzzFinding[];
}

type Mutation =
  | { kind: 'body'; body: unknown }
  | { kind: 'field'; path: string; value: unknown }
  | { kind: 'extra-field'; key: string; value: unknown }
  | { kind: 'raw'; payload: string | Buffer; contentType: string }
  | { kind: 'query'; query: string }
  | { kind: 'headers'; headers: Record<string, string> }
  | { kind: 'path'; value: string }
  | { kind: 'huge' }
  | { kind: 'anon-raw'; payload: string | Buffer; contentType: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('body' as const), body: fc.oneof(nastyValue, fc.jsonValue({ maxDepth: 4 })) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('field' as const), path: fc.string({ maxLength: 3 }), value: nastyValue }) },
  fc.record({ kind: fc.constant('extra-field' as const), key: nastyString, value: nastyValue }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), payload: rawJsonBody, contentType }) },
  fc.record({ kind: fc.constant('query' as const), query: queryString }),
  fc.record({ kind: fc.constant('headers' as const), headers: hostileHeaders }),
  fc.record({ kind: fc.constant('path' as const), value: nastyString }),
  fc.constant({ kind: 'huge' as const }),
  fc.record({ kind: fc.constant('anon-raw' as const), payload: rawJsonBody, contentType }),
);

/** Replaces the field picked by `selector` (a hash over the keys, recursively one level) with `value`. */
function mutateField(body: unknown, selector: string, value: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return value;
  const keys = Object.keys(body);
  if (keys.length === 0) return { [selector || 'x']: value };
  const pick = keys[[...selector].reduce((n, ch) => n + ch.charCodeAt(0), 0) % keys.length] as string;
  const inner = (body as Record<string, unknown>)[pick];
  const nested = typeof inner === 'object' && inner !== null && selector.length > 1;
  return { ...body, [pick]: nested ? mutateField(inner, selector.slice(1), value) : value };
}

function url(template: string, params: Record<string, string>, query: string | undefined, planQuery?: Record<string, string>): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) => enc(params[name] ?? randomUUID()));
  const qs = query ?? (planQuery ? new URLSearchParams(planQuery).toString() : '');
  return qs ? `${path}?${qs}` : path;
}

function bodyOf(payload: unknown): string {
  return JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 60)}…(${v.length})` : v)) ?? 'undefined';
}

export async function runFuzz(w: World, routes: RouteInfo[], expectations: Expectations, opts: { runsPerRoute: number; seed: number }): Promise<FuzzFigures> {
  const figures: FuzzFigures = { tried: 0, byStrategy: {}, status5xx: [], badShape: [] };
  let seed = opts.seed;
  for (const route of routes) {
    // Routes without an expectation yet are fuzzed too, from an empty plan.
    const c: MatrixCase = casesOf(expectations[keyOf(route)] ?? [])[0] ?? { allow: 'signed-in', plan: async () => ({}) };
    // The persona that gets furthest: one the table allows at the own institution.
    const persona: Persona = PERSONAS.find((p) => isAllowed(c.allow, p, 'own')) ?? 'admin';
    const samples = fc.sample(mutation, { numRuns: opts.runsPerRoute, seed: seed++ });
    for (const m of samples) {
      const plan: RequestPlan = await c.plan(w, 'own', persona);
      const user = plan.actor ?? w.personas[persona];
      const params = { ...(plan.params ?? {}) };
      let query: string | undefined;
      let payload: unknown = plan.body;
      let type = 'application/json';
      let headers: Record<string, string> = {};
      let anon = false;
      switch (m.kind) {
        case 'body':
          payload = m.body;
          break;
        case 'field':
          payload = mutateField(plan.body ?? {}, m.path, m.value);
          break;
        case 'extra-field':
          payload = { ...(typeof plan.body === 'object' && plan.body !== null ? plan.body : {}), [m.key]: m.value };
          break;
        case 'raw':
          payload = m.payload;
          type = m.contentType;
          break;
        case 'anon-raw':
          payload = m.payload;
          type = m.contentType;
          anon = true;
          break;
        case 'query':
          query = m.query;
          break;
        case 'headers':
          headers = m.headers;
          break;
        case 'path':
          for (const k of Object.keys(params)) params[k] = m.value;
          if (!route.url.includes(':')) query = `id=${enc(m.value)}`;
          break;
        case 'huge':
          payload = `{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`;
          break;
      }
      const sendsBody = route.method !== 'GET' && payload !== undefined;
      const raw = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
      const target = url(route.url, params, query, plan.query);
      const res = await w.t.app.inject({
        method: route.method as 'POST',
        url: target,
        headers: {
          ...headers,
          ...(anon ? {} : { authorization: `Bearer ${user.token}` }),
          ...(sendsBody ? { 'content-type': type } : {}),
        },
        ...(sendsBody && raw !== undefined ? { payload: raw } : {}),
      });
      figures.tried += 1;
      figures.byStrategy[m.kind] = (figures.byStrategy[m.kind] ?? 0) + 1;
      const describe = `${route.method} ${target.slice(0, 200)} ${m.kind} ${bodyOf(Buffer.isBuffer(payload) ? `<bytes ${payload.toString('hex').slice(0, 80)}>` : payload).slice(0, 300)}`;
      const finding = { route: keyOf(route), strategy: m.kind, status: res.statusCode, request: describe, answer: res.body.slice(0, 300) };
      if (res.statusCode >= 500) figures.status5xx.push(finding);
      if (res.statusCode >= 400 && !hasErrorShape(res.body)) figures.badShape.push(finding);
    }
  }
  return figures;
}

export function hasErrorShape(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string' && body.error.message.length > 0;
  } catch {
    return false;
  }
}

/**
 * Runs the authorisation matrix: every registered route × every case × every persona × every scope,
 * plus anonymous requests, guessed and sequential ids in path parameters, and cookie writes without
 * the CSRF token. Returns figures and the findings; the test asserts on them.
 */
import { randomUUID } from 'node:crypto';
import type { RouteInfo } from '../../../src/http/route.js';
import type { TestUser } from '../../harness.js';
import { casesOf, type Expectations, isAllowed, type MatrixCase, type RequestPlan, scopesOf } from './expectations.js';
import { PERSONAS, type Persona, type Scope, type World } from './world.js';

export interface Finding {
  route: string;
  case?: string | undefined;
  persona: Persona | 'anon';
  scope: Scope | 'guessed-id' | 'csrf';
  status: number;
  detail?: string;
}

export interface MatrixFigures {
  routes: number;
  cases: number;
  tried: number;
  allowedAsExpected: number;
  deniedAsExpected: number;
  unexpectedAllows: Finding[];
  unexpectedDenies: Finding[];
  /** Answers that are neither an allow nor a deny (400, 409, 5xx): a broken plan or a bug. */
  unexpectedStatuses: Finding[];
  /** Allowed answers that contained another tenant's ids. */
  leaks: Finding[];
  missingExpectations: string[];
  staleExpectations: string[];
  pending: number;
}

export interface MatrixOptions {
  /** `bearer` (API clients) or `cookie` (the web app: cookie + x-csrf-token). */
  auth: 'bearer' | 'cookie';
  /** Random, sequential and FHIR-style ids tried per path parameter and persona. */
  guessedIds: number;
  /** Personas to run (default all). */
  personas?: readonly Persona[];
  /** Personas for the guessed-id probes (default: all of `personas`). */
  guessedIdPersonas?: readonly Persona[];
  /** Routes with only the generic checks (anonymous, guessed ids, CSRF). */
  pending?: Record<string, string>;
}

const DENY = new Set([401, 403, 404]);
export const keyOf = (r: Pick<RouteInfo, 'method' | 'url'>) => `${r.method} ${r.url}`;

function buildUrl(template: string, params: Record<string, string> = {}, query?: Record<string, string>): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? randomUUID()));
  const qs = query ? new URLSearchParams(query).toString() : '';
  return qs ? `${path}?${qs}` : path;
}

/** Ids nobody was given: random, sequential, nil/max, and FHIR-style references. */
export function guessedIds(n: number, known: string[]): string[] {
  const ids = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000001'];
  for (let i = 2; ids.length < n + 3 && i < n + 3; i += 1) ids.push(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  for (let i = 0; i < n; i += 1) ids.push(randomUUID());
  // Neighbours of real ids (one hex digit changed) and FHIR-style references to real ids.
  for (const id of known.slice(0, n)) {
    const last = id.at(-1) === '0' ? '1' : '0';
    ids.push(`${id.slice(0, -1)}${last}`, `Organization/${id}`, `${id}/../${id}`, `1`, `${id.toUpperCase()}x`);
  }
  return ids;
}

export async function runMatrix(w: World, routes: RouteInfo[], expectations: Expectations, opts: MatrixOptions): Promise<MatrixFigures> {
  const figures: MatrixFigures = {
    routes: routes.length,
    cases: 0,
    tried: 0,
    allowedAsExpected: 0,
    deniedAsExpected: 0,
    unexpectedAllows: [],
    unexpectedDenies: [],
    unexpectedStatuses: [],
    leaks: [],
    missingExpectations: routes.map(keyOf).filter((k) => !expectations[k] && !opts.pending?.[k]),
    staleExpectations: Object.keys(expectations).filter((k) => !routes.some((r) => keyOf(r) === k)),
    pending: routes.filter((r) => !expectations[keyOf(r)] && opts.pending?.[keyOf(r)]).length,
  };
  const csrf = new Map<string, string>();
  async function csrfOf(user: TestUser): Promise<string> {
    const known = csrf.get(user.token);
    if (known) return known;
    const me = await w.t.request<{ csrfToken: string }>(user, 'GET', '/api/auth/me');
    csrf.set(user.token, me.body.csrfToken);
    return me.body.csrfToken;
  }

  async function send(route: RouteInfo, plan: RequestPlan, user: TestUser | undefined, opts2: { withCsrf: boolean }) {
    const url = buildUrl(route.url, plan.params, plan.query);
    const method = route.method as 'GET';
    figures.tried += 1;
    if (!user || opts.auth === 'bearer') return w.t.request(user, method, url, plan.body, plan.headers);
    const headers: Record<string, string> = { ...plan.headers, cookie: `yl_session=${user.token}` };
    if (opts2.withCsrf) headers['x-csrf-token'] = await csrfOf(user);
    const res = await w.t.app.inject({ method, url, headers, ...(plan.body === undefined ? {} : { payload: plan.body as Record<string, unknown> }) });
    return { status: res.statusCode, text: res.body };
  }

  const personas = opts.personas ?? PERSONAS;
  for (const route of routes) {
    const entry = expectations[keyOf(route)];
    if (!entry) continue;
    for (const c of casesOf(entry)) {
      figures.cases += 1;
      for (const scope of scopesOf(c)) {
        // Fresh records per persona for writes; reads change nothing, so one plan serves every persona,
        // and an anonymous request is refused before it reaches anything, so it reuses the last plan.
        let last: RequestPlan | undefined;
        for (const persona of [...personas, 'anon' as const]) {
          const reuse = last && !last.actor && (persona === 'anon' || route.method === 'GET');
          const plan: RequestPlan = reuse && last ? last : await c.plan(w, scope, persona === 'anon' ? 'clinician' : persona);
          last = plan;
          const actor = persona === 'anon' ? undefined : (plan.actor ?? w.personas[persona]);
          const res = await send(route, plan, actor, { withCsrf: true });
          const expected = isAllowed(c.allow, persona, scope);
          const f: Finding = { route: keyOf(route), case: c.name, persona, scope, status: res.status, detail: res.text.slice(0, 200) };
          const ok = res.status >= 200 && res.status < 300;
          const refused = DENY.has(res.status) || (persona !== 'anon' && !!c.deniedWith?.includes(res.status));
          if (expected && ok) figures.allowedAsExpected += 1;
          else if (!expected && refused && (persona !== 'anon' || res.status === 401 || !route.auth)) figures.deniedAsExpected += 1;
          else if (!expected && ok) figures.unexpectedAllows.push(f);
          else if (expected && refused) figures.unexpectedDenies.push(f);
          else figures.unexpectedStatuses.push(f);
          if (ok && c.mustNotContain) {
            const leaked = c.mustNotContain(w).filter((id) => id && res.text.includes(id));
            if (leaked.length) figures.leaks.push({ ...f, detail: `leaked ${leaked.join(', ')}` });
          }
        }
      }
    }
  }

  // Pending routes: anonymous requests are refused with 401 before anything else.
  const generic: MatrixCase = { allow: { roles: [], scopes: [] }, plan: async () => ({}) };
  const caseFor = (r: RouteInfo): MatrixCase | undefined => casesOf(expectations[keyOf(r)] ?? [])[0] ?? (opts.pending?.[keyOf(r)] ? generic : undefined);
  for (const route of routes.filter((r) => r.auth && !expectations[keyOf(r)] && opts.pending?.[keyOf(r)])) {
    const res = await send(route, {}, undefined, { withCsrf: false });
    const f: Finding = { route: keyOf(route), case: 'pending: anonymous', persona: 'anon', scope: 'own', status: res.status, detail: res.text.slice(0, 200) };
    if (res.status === 401) figures.deniedAsExpected += 1;
    else if (res.status >= 200 && res.status < 300) figures.unexpectedAllows.push(f);
    else figures.unexpectedStatuses.push(f);
  }

  // Guessed ids: no path parameter accepts an id nobody handed out.
  const paramRoutes = routes.filter((r) => r.url.includes(':') && caseFor(r));
  const known = await w.allIds();
  for (const route of paramRoutes) {
    const c = caseFor(route);
    if (!c) continue;
    for (const persona of opts.guessedIdPersonas ?? personas) {
      const plan = await c.plan(w, 'own', persona);
      for (const id of guessedIds(opts.guessedIds, known)) {
        const params = Object.fromEntries(Object.keys(plan.params ?? { id: '' }).map((k) => [k, id]));
        const res = await send(route, { ...plan, params }, plan.actor ?? w.personas[persona], { withCsrf: true });
        const f: Finding = { route: keyOf(route), persona, scope: 'guessed-id', status: res.status, detail: id };
        if (res.status >= 200 && res.status < 300) figures.unexpectedAllows.push(f);
        else if (DENY.has(res.status) || res.status === 400) figures.deniedAsExpected += 1;
        else figures.unexpectedStatuses.push(f);
      }
    }
  }

  // Cookie writes without the CSRF token are refused on every authenticated unsafe route.
  for (const route of routes.filter((r) => r.auth && r.method !== 'GET' && caseFor(r))) {
    const c = caseFor(route);
    if (!c) continue;
    const plan = await c.plan(w, 'own', 'admin');
    const user = plan.actor ?? w.personas.admin;
    const res = await w.t.app.inject({
      method: route.method as 'POST',
      url: buildUrl(route.url, plan.params, plan.query),
      headers: { ...plan.headers, cookie: `yl_session=${user.token}` },
      ...(plan.body === undefined ? {} : { payload: plan.body as Record<string, unknown> }),
    });
    figures.tried += 1;
    if (res.statusCode === 403 && res.body.includes('auth.csrf_failed')) figures.deniedAsExpected += 1;
    else if (res.statusCode >= 200 && res.statusCode < 300) figures.unexpectedAllows.push({ route: keyOf(route), persona: 'admin', scope: 'csrf', status: res.statusCode });
    else figures.unexpectedStatuses.push({ route: keyOf(route), persona: 'admin', scope: 'csrf', status: res.statusCode, detail: res.body.slice(0, 200) });
  }
  return figures;
}

export function summary(f: MatrixFigures): string {
  return [
    `routes ${f.routes} (${f.pending} with generic checks only), cases ${f.cases}, requests tried ${f.tried}`,
    `allowed as expected ${f.allowedAsExpected}, denied as expected ${f.deniedAsExpected}`,
    `unexpected allows ${f.unexpectedAllows.length}, unexpected denies ${f.unexpectedDenies.length}, unexpected statuses ${f.unexpectedStatuses.length}, leaks ${f.leaks.length}`,
  ].join('\n');
}

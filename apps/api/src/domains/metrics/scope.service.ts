/**
 * KPIs beyond one agreement — an institution, a region (division code prefix), a supervising
 * authority's network — built on the same rollups as the agreement dashboard:
 * - partnership figures are the sums over the agreements involved that the actor may see;
 * - consult and referral figures come from the institution rollups (`metric_inst_*`), as sent and received.
 * Who may look: staff (leader, coordinator) of the institution itself, and program managers (leader)
 * whose supervised scope holds it. The views carry aggregates only; their drill-downs (the same access
 * checks) list the records behind a figure, patient rows only where the actor's institution may see the
 * patients (drilldown.repo.ts).
 */
import type { DrilldownDto, DrilldownQuery, OverviewRowDto, PeriodQuery, ScopeDrilldownQuery, ScopeFiguresDto } from '@yilian/contracts';
import type { Db, Queryable } from '../../db/db.js';
import { type Actor, hasRole, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import { supervisedScope } from '../agreements/index.js';
import { findInstitution, institutionNotFound, scopeOf } from '../institutions/index.js';
import type { DrillSelection } from './drilldown.repo.js';
import { countTotals, figuresByKey } from './figures.js';
import * as repo from './metrics.repo.js';
import * as scopes from './scope.repo.js';

/** Beijing calendar date. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const badPeriod = () => new AppError(400, 'metrics.period_invalid', { zh: '统计期间的结束日期早于开始日期', en: 'The period ends before it starts' });

/** The requested period, or the current calendar year (Beijing) by default. */
export function calendarPeriod(p: PeriodQuery, now: Date): { from: string; to: string; asOf: string } {
  const asOf = chinaDate(now);
  const from = p.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = p.to ?? `${asOf.slice(0, 4)}-12-31`;
  if (to < from) throw badPeriod();
  return { from, to, asOf };
}

/** What a scope view covers: its heading, the institutions counted, the agreements (the actor may see) involved. */
interface Scope {
  head: Pick<ScopeFiguresDto, 'kind' | 'key' | 'nameZh' | 'nameEn'>;
  institutionIds: string[];
  agreements: scopes.AgreementListRow[];
}

/** Reads the records behind a figure in a transaction, auditing the patients it discloses. */
export type DrillReader = (actor: Actor, selection: DrillSelection, query: DrilldownQuery, period: { from: string; to: string }, entity: { type: string; id: string }) => Promise<DrilldownDto>;

interface Deps {
  db: Db;
  clock: Clock;
  catchUp: () => Promise<void>;
  agreementRows: (q: Queryable, agreements: scopes.AgreementListRow[], from: string, to: string, asOf: string) => Promise<OverviewRowDto[]>;
  drill: DrillReader;
}

export function createScopeViews({ db, clock, catchUp, agreementRows, drill }: Deps) {
  async function build({ head, institutionIds, agreements }: Scope, p: PeriodQuery): Promise<ScopeFiguresDto> {
    const { from, to, asOf } = calendarPeriod(p, clock.now());
    await catchUp();
    const [rows, sums, hists] = await Promise.all([
      agreementRows(db, agreements, from, to, asOf),
      repo.sums(db, institutionIds, from, to, 'institution'),
      repo.histograms(db, institutionIds, from, to, 'institution'),
    ]);
    const sides = figuresByKey(['sent', 'received'], sums, [], hists);
    return {
      ...head,
      from,
      to,
      institutionCount: institutionIds.length,
      agreements: rows,
      totals: countTotals(rows.map((r) => r.figures)),
      sent: sides.get('sent')?.figures ?? {},
      received: sides.get('received')?.figures ?? {},
    };
  }

  /**
   * The records behind one of the scope's figures, over the same period as the view: without a side, the
   * records of its agreements (the totals); with one, the consults or referrals its institutions sent or received.
   */
  function drillInto({ head, institutionIds, agreements }: Scope, actor: Actor, q: ScopeDrilldownQuery): Promise<DrilldownDto> {
    const period = calendarPeriod(q, clock.now());
    const { side, ...query } = q;
    const selection: DrillSelection = side ? { institutionIds, side } : { agreementIds: agreements.map((a) => a.id) };
    return drill(actor, selection, query, period, { type: head.kind, id: head.key });
  }

  /** One institution: every agreement it is party to (that the actor may see) and its own consults and referrals. */
  async function institutionScope(actor: Actor, institutionId: string): Promise<Scope> {
    const inst = await findInstitution(db, institutionId);
    if (!inst) throw institutionNotFound();
    const own = actor.institutionId === institutionId && hasRole(actor, 'leader', 'coordinator');
    const supervised = await supervisedScope(db, actor);
    if (!own && !supervised.includes(institutionId)) throw errors.forbidden();
    const agreements = await scopes.agreementsInvolving(db, [institutionId], actor.institutionId, supervised);
    return { head: { kind: 'institution', key: institutionId, nameZh: inst.name_zh, nameEn: inst.name_en }, institutionIds: [institutionId], agreements };
  }

  /** A region: the institutions of the division prefix within the manager's scope, and the agreements they are party to. */
  async function regionScope(actor: Actor, prefix: string): Promise<Scope> {
    requireRole(actor, 'leader');
    const supervised = await supervisedScope(db, actor);
    const { all, inScope } = await scopes.regionInstitutions(db, prefix, supervised);
    if (all === 0) throw errors.notFound({ code: 'metrics.region_not_found', zh: '地区', en: 'Region' });
    if (inScope.length === 0) throw errors.forbidden();
    const name = await scopes.regionName(db, prefix);
    const agreements = await scopes.agreementsInvolving(db, inScope, actor.institutionId, supervised);
    return { head: { kind: 'region', key: prefix, nameZh: name.zh, nameEn: name.en }, institutionIds: inScope, agreements };
  }

  /** A supervising authority's network: the institutions below it and the agreements supervised within it. */
  async function networkScope(actor: Actor, authorityId: string): Promise<Scope> {
    requireRole(actor, 'leader');
    const authority = await findInstitution(db, authorityId);
    if (authority?.type !== 'authority') throw institutionNotFound();
    if (!(await supervisedScope(db, actor)).includes(authorityId)) throw errors.forbidden();
    const tree = await scopeOf(db, authorityId);
    const agreements = await repo.supervisedAgreements(db, tree);
    return { head: { kind: 'network', key: authorityId, nameZh: authority.name_zh, nameEn: authority.name_en }, institutionIds: tree, agreements };
  }

  return {
    institution: async (actor: Actor, institutionId: string, p: PeriodQuery) => build(await institutionScope(actor, institutionId), p),
    region: async (actor: Actor, prefix: string, p: PeriodQuery) => build(await regionScope(actor, prefix), p),
    network: async (actor: Actor, authorityId: string, p: PeriodQuery) => build(await networkScope(actor, authorityId), p),
    institutionDrilldown: async (actor: Actor, institutionId: string, q: ScopeDrilldownQuery) => drillInto(await institutionScope(actor, institutionId), actor, q),
    regionDrilldown: async (actor: Actor, prefix: string, q: ScopeDrilldownQuery) => drillInto(await regionScope(actor, prefix), actor, q),
    networkDrilldown: async (actor: Actor, authorityId: string, q: ScopeDrilldownQuery) => drillInto(await networkScope(actor, authorityId), actor, q),
  };
}

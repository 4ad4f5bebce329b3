/**
 * KPIs beyond one agreement — an institution, a region (division code prefix), a supervising
 * authority's network — built on the same rollups as the agreement dashboard:
 * - partnership figures are the sums over the agreements involved that the actor may see;
 * - consult and referral figures come from the institution rollups (`metric_inst_*`), as sent and received.
 * Who may look: staff (leader, coordinator) of the institution itself, and program managers (leader)
 * whose supervised scope holds it. Only aggregates here; patient-level rows stay behind each agreement's
 * drill-down, which shows them only where the actor's institution may see the patients.
 */
import type { OverviewRowDto, PeriodQuery, ScopeFiguresDto } from '@yilian/contracts';
import type { Db, Queryable } from '../../db/db.js';
import { type Actor, hasRole, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import { supervisedScope } from '../agreements/index.js';
import { findInstitution, institutionNotFound, scopeOf } from '../institutions/index.js';
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

interface Deps {
  db: Db;
  clock: Clock;
  catchUp: () => Promise<void>;
  agreementRows: (q: Queryable, agreements: scopes.AgreementListRow[], from: string, to: string, asOf: string) => Promise<OverviewRowDto[]>;
}

export function createScopeViews({ db, clock, catchUp, agreementRows }: Deps) {
  async function build(
    head: Pick<ScopeFiguresDto, 'kind' | 'key' | 'nameZh' | 'nameEn'>,
    institutionIds: string[],
    agreements: scopes.AgreementListRow[],
    p: PeriodQuery,
  ): Promise<ScopeFiguresDto> {
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

  return {
    /** One institution: every agreement it is party to (that the actor may see) and its own consults and referrals. */
    async institution(actor: Actor, institutionId: string, p: PeriodQuery): Promise<ScopeFiguresDto> {
      const inst = await findInstitution(db, institutionId);
      if (!inst) throw institutionNotFound();
      const own = actor.institutionId === institutionId && hasRole(actor, 'leader', 'coordinator');
      const supervised = await supervisedScope(db, actor);
      if (!own && !supervised.includes(institutionId)) throw errors.forbidden();
      const agreements = await scopes.agreementsInvolving(db, [institutionId], actor.institutionId, supervised);
      return build({ kind: 'institution', key: institutionId, nameZh: inst.name_zh, nameEn: inst.name_en }, [institutionId], agreements, p);
    },

    /** A region: the institutions of the division prefix within the manager's scope, and the agreements they are party to. */
    async region(actor: Actor, prefix: string, p: PeriodQuery): Promise<ScopeFiguresDto> {
      requireRole(actor, 'leader');
      const supervised = await supervisedScope(db, actor);
      const { all, inScope } = await scopes.regionInstitutions(db, prefix, supervised);
      if (all === 0) throw errors.notFound({ code: 'metrics.region_not_found', zh: '地区', en: 'Region' });
      if (inScope.length === 0) throw errors.forbidden();
      const name = await scopes.regionName(db, prefix);
      const agreements = await scopes.agreementsInvolving(db, inScope, actor.institutionId, supervised);
      return build({ kind: 'region', key: prefix, nameZh: name.zh, nameEn: name.en }, inScope, agreements, p);
    },

    /** A supervising authority's network: the institutions below it and the agreements supervised within it. */
    async network(actor: Actor, authorityId: string, p: PeriodQuery): Promise<ScopeFiguresDto> {
      requireRole(actor, 'leader');
      const authority = await findInstitution(db, authorityId);
      if (authority?.type !== 'authority') throw institutionNotFound();
      if (!(await supervisedScope(db, actor)).includes(authorityId)) throw errors.forbidden();
      const tree = await scopeOf(db, authorityId);
      const agreements = await repo.supervisedAgreements(db, tree);
      return build({ kind: 'network', key: authorityId, nameZh: authority.name_zh, nameEn: authority.name_en }, tree, agreements, p);
    },
  };
}

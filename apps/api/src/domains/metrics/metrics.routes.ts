import { CreateAdjustmentInput, DrilldownQuery, IdParams, PeriodQuery, RegionParams, ScopeDrilldownQuery } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { MetricsService } from './metrics.service.js';

export function registerMetricsRoutes(r: Router, s: MetricsService): void {
  const tags = ['metrics'];
  r.route({ method: 'GET', url: '/api/agreements/:id/dashboard', summary: 'KPIs of an agreement over a period, with target progress', tags, params: IdParams, query: PeriodQuery, handler: ({ actor, params, query }) => s.dashboard(actor, params.id, query) });
  r.route({ method: 'GET', url: '/api/agreements/:id/drilldown', summary: 'The records behind one figure', tags, params: IdParams, query: DrilldownQuery, handler: ({ actor, params, query }) => s.drilldown(actor, params.id, query) });
  r.route({ method: 'GET', url: '/api/agreements/:id/adjustments', summary: 'Manual adjustments of an agreement', tags, params: IdParams, handler: ({ actor, params }) => s.adjustments(actor, params.id) });
  r.route({ method: 'POST', url: '/api/agreements/:id/adjustments', summary: 'Record a manual adjustment (reason and author kept)', tags, status: 201, params: IdParams, body: CreateAdjustmentInput, handler: ({ actor, params, body }) => s.addAdjustment(actor, params.id, body) });
  r.route({ method: 'GET', url: '/api/metrics/institutions/:id', summary: 'KPIs of one institution: its agreements and its own consults and referrals', tags, params: IdParams, query: PeriodQuery, handler: ({ actor, params, query }) => s.institution(actor, params.id, query) });
  r.route({ method: 'GET', url: '/api/metrics/regions/:code', summary: 'KPIs of a region (administrative division code prefix) within the manager’s scope', tags, params: RegionParams, query: PeriodQuery, handler: ({ actor, params, query }) => s.region(actor, params.code, query) });
  r.route({ method: 'GET', url: '/api/metrics/networks/:id', summary: 'KPIs of a supervising authority’s network', tags, params: IdParams, query: PeriodQuery, handler: ({ actor, params, query }) => s.network(actor, params.id, query) });
  const drill = 'The records behind a figure of this view: `side` sent/received for its own consults and referrals, none for its agreements’ totals';
  r.route({ method: 'GET', url: '/api/metrics/institutions/:id/drilldown', summary: drill, tags, params: IdParams, query: ScopeDrilldownQuery, handler: ({ actor, params, query }) => s.institutionDrilldown(actor, params.id, query) });
  r.route({ method: 'GET', url: '/api/metrics/regions/:code/drilldown', summary: drill, tags, params: RegionParams, query: ScopeDrilldownQuery, handler: ({ actor, params, query }) => s.regionDrilldown(actor, params.code, query) });
  r.route({ method: 'GET', url: '/api/metrics/networks/:id/drilldown', summary: drill, tags, params: IdParams, query: ScopeDrilldownQuery, handler: ({ actor, params, query }) => s.networkDrilldown(actor, params.id, query) });
  r.route({ method: 'GET', url: '/api/metrics/overview', summary: 'Program managers: the agreements they supervise, with figures', tags, query: PeriodQuery, handler: ({ actor, query }) => s.overview(actor, query) });
}

import { IdParams, ReportQuery } from '@yilian/contracts';
import type { FastifyRequest } from 'fastify';
import { requestLocale } from '../../../http/lang.js';
import type { Router } from '../../../http/route.js';
import type { ReportService } from './reports.service.js';

/**
 * Chinese by default; English when the request asks for it — `?lang=en`, the `yl_lang` cookie or
 * Accept-Language, as every answer's language (http/lang.ts; the router takes `lang` out of the query).
 */
const lang = (req: FastifyRequest): 'zh' | 'en' => (requestLocale(req) === 'en' ? 'en' : 'zh');

export function registerReportRoutes(r: Router, s: ReportService): void {
  const tags = ['reports'];
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  r.route({
    method: 'GET',
    url: '/api/agreements/:id/reports/annual.pdf',
    summary: 'Annual report of an agreement (PDF, Chinese by default)',
    tags,
    params: IdParams,
    query: ReportQuery,
    handler: async ({ actor, params, query, req, reply }) => {
      const f = await s.pdf(actor, params.id, query.year, lang(req));
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${encodeURIComponent(f.fileName)}"`).send(f.body);
    },
  });
  r.route({
    method: 'GET',
    url: '/api/agreements/:id/reports/annual.xlsx',
    summary: 'Annual report of an agreement (Excel workbook with the same figures and tables)',
    tags,
    params: IdParams,
    query: ReportQuery,
    handler: async ({ actor, params, query, req, reply }) => {
      const f = await s.xlsx(actor, params.id, query.year, lang(req));
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${encodeURIComponent(f.fileName)}"`).send(f.body);
    },
  });
  r.route({
    method: 'GET',
    url: '/api/agreements/:id/reports/annual.html',
    summary: 'Annual report of an agreement (HTML preview)',
    tags,
    params: IdParams,
    query: ReportQuery,
    handler: async ({ actor, params, query, req, reply }) => reply.header('content-type', 'text/html; charset=utf-8').send(await s.html(actor, params.id, query.year, lang(req))),
  });
}

import type { Db } from '../../../db/db.js';
import type { Actor } from '../../../http/actor.js';
import type { Clock } from '../../../http/clock.js';
import { agreementContext } from '../../agreements/index.js';
import type { AuditLog } from '../../audit/index.js';
import type { MetricsService } from '../metrics.service.js';
import { chinaDate } from '../scope.service.js';
import type { PdfRenderer } from '../pdf-renderer.js';
import { reportHtml, reportWorkbook } from './render.js';
import { gatherReport, type Lang } from './report-data.js';

export function createReportService(deps: { db: Db; clock: Clock; audit: AuditLog; metrics: MetricsService; pdf: PdfRenderer }) {
  const { db, clock, audit, metrics } = deps;

  async function build(actor: Actor, agreementId: string, year: number, lang: Lang, format: 'pdf' | 'xlsx' | 'html') {
    await agreementContext(db, actor, agreementId, false);
    await metrics.catchUp();
    const data = await gatherReport(db, metrics, agreementId, year, lang, clock.now(), chinaDate(clock.now()));
    await db.transaction((tx) => audit.record(tx, actor, { action: 'report.annual_generate', entityType: 'agreement', entityId: agreementId, details: { year, format, lang } }));
    const code = data.facts[0]?.[1] ?? 'agreement';
    return { data, fileBase: `${code}-${year}` };
  }

  return {
    async pdf(actor: Actor, agreementId: string, year: number, lang: Lang) {
      const { data, fileBase } = await build(actor, agreementId, year, lang, 'pdf');
      return { fileName: `${fileBase}.pdf`, body: await deps.pdf.render(reportHtml(data, lang)) };
    },
    async xlsx(actor: Actor, agreementId: string, year: number, lang: Lang) {
      const { data, fileBase } = await build(actor, agreementId, year, lang, 'xlsx');
      return { fileName: `${fileBase}.xlsx`, body: await reportWorkbook(data, lang) };
    },
    async html(actor: Actor, agreementId: string, year: number, lang: Lang) {
      const { data } = await build(actor, agreementId, year, lang, 'html');
      return reportHtml(data, lang);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

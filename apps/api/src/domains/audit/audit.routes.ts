import { AuditQuery } from '@yilian/contracts';
import { requireRole } from '../../http/actor.js';
import type { Router } from '../../http/route.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(r: Router, audit: AuditService): void {
  r.route({
    method: 'GET',
    url: '/api/audit-events',
    summary: 'Audit log of the auditor’s institution and those below it',
    tags: ['audit'],
    query: AuditQuery,
    handler: ({ actor, query }) => audit.list(actor, query),
  });
  r.route({
    method: 'GET',
    url: '/api/audit-events/export.csv',
    summary: 'Audit log as CSV (same filters)',
    tags: ['audit'],
    query: AuditQuery,
    handler: async ({ actor, query, reply }) => {
      const csv = await audit.exportCsv(actor, query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(csv);
    },
  });
  r.route({
    method: 'POST',
    url: '/api/audit-events/verify',
    summary: 'Verify the hash chain of the whole audit log',
    tags: ['audit'],
    handler: async ({ actor }) => {
      requireRole(actor, 'auditor', 'admin');
      return audit.verify();
    },
  });
}

import { CreateEducationSessionInput, EducationQuery, IdParams, RecordAttendanceInput } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { EducationService } from './education.service.js';

export function registerEducationRoutes(r: Router, s: EducationService): void {
  const tags = ['education'];
  r.route({ method: 'GET', url: '/api/education/sessions', summary: 'Tele-education sessions of an agreement', tags, query: EducationQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'POST', url: '/api/education/sessions', summary: 'Record a lecture or case conference', tags, status: 201, body: CreateEducationSessionInput, handler: ({ actor, body }) => s.create(actor, body) });
  r.route({ method: 'GET', url: '/api/education/sessions/:id', summary: 'A session with its attendance', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'POST', url: '/api/education/sessions/:id/attendance', summary: 'Record attendance per person', tags, status: 201, params: IdParams, body: RecordAttendanceInput, handler: ({ actor, params, body }) => s.recordAttendance(actor, params.id, body) });
}

import { AgreementQuery, AmendAgreementInput, CreateAgreementInput, EndAgreementInput, IdParams } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { AgreementService } from './agreements.service.js';

export function registerAgreementRoutes(r: Router, s: AgreementService): void {
  const tags = ['agreements'];
  r.route({ method: 'GET', url: '/api/agreements', summary: 'Agreements the actor is party to or supervises', tags, query: AgreementQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'GET', url: '/api/agreements/:id', summary: 'An agreement with parties, phases and targets', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'GET', url: '/api/agreements/:id/versions', summary: 'Previous versions of an agreement (amendment history)', tags, params: IdParams, handler: ({ actor, params }) => s.versions(actor, params.id) });
  r.route({ method: 'POST', url: '/api/agreements', summary: 'Record an agreement (program manager)', tags, status: 201, body: CreateAgreementInput, handler: ({ actor, body }) => s.create(actor, body) });
  r.route({ method: 'POST', url: '/api/agreements/:id/amend', summary: 'Amend an agreement (keeps the previous version)', tags, params: IdParams, body: AmendAgreementInput, handler: ({ actor, params, body }) => s.amend(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/agreements/:id/end', summary: 'End an agreement', tags, params: IdParams, body: EndAgreementInput, handler: ({ actor, params, body }) => s.end(actor, params.id, body) });
}

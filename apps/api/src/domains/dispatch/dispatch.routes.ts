import { AddActivitiesInput, AgreementIdQuery, BatchQuery, CreateBatchInput, CreateTechniqueInput, IdParams, RecordIndependentInput } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { DispatchService } from './dispatch.service.js';

export function registerDispatchRoutes(r: Router, s: DispatchService): void {
  const tags = ['dispatch'];
  r.route({ method: 'GET', url: '/api/dispatch/batches', summary: 'Dispatch batches of an agreement', tags, query: BatchQuery, handler: ({ actor, query }) => s.listBatches(actor, query) });
  r.route({ method: 'POST', url: '/api/dispatch/batches', summary: 'Record a dispatch batch (批次) with its experts and activities', tags, status: 201, body: CreateBatchInput, handler: ({ actor, body }) => s.createBatch(actor, body) });
  r.route({ method: 'GET', url: '/api/dispatch/batches/:id', summary: 'A dispatch batch', tags, params: IdParams, handler: ({ actor, params }) => s.getBatch(actor, params.id) });
  r.route({ method: 'POST', url: '/api/dispatch/batches/:id/activities', summary: 'Add on-site activities to a batch', tags, status: 201, params: IdParams, body: AddActivitiesInput, handler: ({ actor, params, body }) => s.addActivities(actor, params.id, body) });
  r.route({ method: 'GET', url: '/api/dispatch/techniques', summary: 'Techniques introduced under an agreement', tags, query: AgreementIdQuery, handler: ({ actor, query }) => s.listTechniques(actor, query.agreementId) });
  r.route({ method: 'POST', url: '/api/dispatch/techniques', summary: 'Record a technique introduced (新技术新项目)', tags, status: 201, body: CreateTechniqueInput, handler: ({ actor, body }) => s.createTechnique(actor, body) });
  r.route({ method: 'POST', url: '/api/dispatch/techniques/:id/independent', summary: 'Record the date the host first performed the technique alone', tags, params: IdParams, body: RecordIndependentInput, handler: ({ actor, params, body }) => s.recordIndependent(actor, params.id, body) });
}

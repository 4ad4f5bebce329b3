import { AddAssessmentInput, CompleteTraineeInput, CreateTraineeInput, IdParams, TraineeQuery, WithdrawTraineeInput } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { TrainingService } from './training.service.js';

export function registerTrainingRoutes(r: Router, s: TrainingService): void {
  const tags = ['training'];
  r.route({ method: 'GET', url: '/api/trainees', summary: 'Trainees (进修) of an agreement', tags, query: TraineeQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'POST', url: '/api/trainees', summary: 'Record a trainee', tags, status: 201, body: CreateTraineeInput, handler: ({ actor, body }) => s.create(actor, body) });
  r.route({ method: 'GET', url: '/api/trainees/:id', summary: 'A trainee with assessments', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'POST', url: '/api/trainees/:id/assessments', summary: 'Record an assessment', tags, status: 201, params: IdParams, body: AddAssessmentInput, handler: ({ actor, params, body }) => s.addAssessment(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/trainees/:id/complete', summary: 'Complete the training (issues a certificate number)', tags, params: IdParams, body: CompleteTraineeInput, handler: ({ actor, params, body }) => s.complete(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/trainees/:id/withdraw', summary: 'Withdraw a trainee', tags, params: IdParams, body: WithdrawTraineeInput, handler: ({ actor, params, body }) => s.withdraw(actor, params.id, body) });
  r.route({
    method: 'GET',
    url: '/api/trainees/:id/certificate.pdf',
    summary: 'Completion certificate (PDF)',
    tags,
    params: IdParams,
    handler: async ({ actor, params, reply }) => {
      const { fileName, pdf } = await s.certificate(actor, params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  });
}

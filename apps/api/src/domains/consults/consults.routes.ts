import {
  ConsultAddendumInput,
  ConsultAssignInput,
  ConsultCloseoutInput,
  ConsultEscalateInput,
  ConsultMessageInput,
  ConsultQuery,
  ConsultReasonInput,
  ConsultReportInput,
  ConsultRequestInfoInput,
  ConsultResponseTargetInput,
  ConsultScheduleInput,
  ConsultVersionInput,
  CreateConsultInput,
  ExpertSlotInput,
  ExpertSlotQuery,
  IdParams,
  UpdateConsultDraftInput,
} from '@yilian/contracts';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Router } from '../../http/route.js';
import type { ConsultService } from './consults.module.js';

const IdempotencyKey = z.string().trim().min(8).max(128);

function idempotencyKey(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) throw new AppError(400, 'request.bad_idempotency_key', { zh: 'Idempotency-Key 应为 8–128 个字符', en: 'Idempotency-Key must be 8–128 characters' });
  return parsed.data;
}

export function registerConsultRoutes(r: Router, s: ConsultService): void {
  const tags = ['consults'];
  const act = <B extends z.ZodType>(url: string, summary: string, body: B, run: (actor: Parameters<Parameters<typeof r.route>[0]['handler']>[0]['actor'], id: string, input: z.output<B>, req: FastifyRequest) => Promise<unknown>) =>
    r.route({ method: 'POST', url: `/api/consults/:id/${url}`, summary, tags, params: IdParams, body, handler: ({ actor, params, body: input, req }) => run(actor, params.id, input as z.output<B>, req) });

  r.route({ method: 'GET', url: '/api/consults', summary: 'Consult lists and queues (requested, incoming, mine, pool) with filters; audited', tags, query: ConsultQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'GET', url: '/api/consults/targets', summary: 'Suggested targets: agreement partners first, then higher tiers', tags, handler: ({ actor }) => s.targets(actor) });
  r.route({
    method: 'POST',
    url: '/api/consults',
    summary: 'Create a consult draft, or create and submit (submit: true; send an Idempotency-Key)',
    tags,
    status: 201,
    body: CreateConsultInput,
    handler: ({ actor, body, req }) => s.create(actor, body, idempotencyKey(req)),
  });
  r.route({ method: 'GET', url: '/api/consults/:id', summary: 'The whole case with thread, report, timeline and chain; audited', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'PATCH', url: '/api/consults/:id', summary: 'Edit a draft', tags, params: IdParams, body: UpdateConsultDraftInput, handler: ({ actor, params, body }) => s.updateDraft(actor, params.id, body) });
  r.route({ method: 'GET', url: '/api/consults/:id/expert-suggestions', summary: 'Experts ranked by specialty, availability and load', tags, params: IdParams, handler: ({ actor, params }) => s.experts(actor, params.id) });

  act('submit', 'Submit a draft (Idempotency-Key honoured)', ConsultVersionInput, (a, id, b, req) => s.submit(a, id, b.version, idempotencyKey(req)));
  act('cancel', 'Cancel (requester)', ConsultReasonInput, (a, id, b) => s.cancel(a, id, b));
  act('decline', 'Decline with a reason (target coordinator)', ConsultReasonInput, (a, id, b) => s.decline(a, id, b));
  act('assign', 'Assign or reassign an expert (target coordinator)', ConsultAssignInput, (a, id, b) => s.assign(a, id, b));
  act('claim', 'Claim from the department pool (expert)', ConsultVersionInput, (a, id, b) => s.claim(a, id, b.version));
  act('schedule', 'Book a live session from the expert’s availability', ConsultScheduleInput, (a, id, b) => s.schedule(a, id, b));
  act('confirm-appointment', 'Confirm the live session time (requester or expert)', ConsultVersionInput, (a, id, b) => s.confirmAppointment(a, id, b.version));
  act('start', 'Start work on the consult (assigned expert)', ConsultVersionInput, (a, id, b) => s.start(a, id, b.version));
  act('messages', 'Post to the thread (answers a pending information request)', ConsultMessageInput, (a, id, b) => s.message(a, id, b));
  act('request-info', 'Ask the requester for more information (pauses the clock)', ConsultRequestInfoInput, (a, id, b) => s.requestInfo(a, id, b));
  act('sign', 'Sign the report (immutable afterwards)', ConsultVersionInput, (a, id, b) => s.sign(a, id, b.version));
  act('addenda', 'Add an addendum to a signed report', ConsultAddendumInput, (a, id, b) => s.addendum(a, id, b));
  act('closeout', 'Close out with the value questions (requester)', ConsultCloseoutInput, (a, id, b) => s.closeout(a, id, b));
  act('escalate', 'Escalate to a higher tier (linked consult)', ConsultEscalateInput, (a, id, b) => s.escalate(a, id, b));
  r.route({ method: 'PUT', url: '/api/consults/:id/report', summary: 'Save the report draft (assigned expert)', tags, params: IdParams, body: ConsultReportInput, handler: ({ actor, params, body }) => s.saveReport(actor, params.id, body) });

  r.route({ method: 'GET', url: '/api/expert-slots', summary: 'An expert’s offered times', tags, query: ExpertSlotQuery, handler: ({ actor, query }) => s.slots(actor, query) });
  r.route({ method: 'POST', url: '/api/expert-slots', summary: 'Offer a time (expert) or add one for an expert (coordinator)', tags, status: 201, body: ExpertSlotInput, handler: ({ actor, body }) => s.addSlot(actor, body) });
  r.route({
    method: 'PUT',
    url: '/api/agreements/:id/consult-targets',
    summary: 'Override a consult response target for an agreement',
    tags,
    params: IdParams,
    body: ConsultResponseTargetInput,
    handler: ({ actor, params, body }) => s.setResponseTarget(actor, params.id, body),
  });
}

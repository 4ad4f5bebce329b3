import {
  AcceptReferralInput,
  AdmitInput,
  CancelReferralInput,
  CreateReferralInput,
  DeclineReferralInput,
  DepartInput,
  DischargeInput,
  FollowUpParams,
  IdParams,
  RecordFollowUpInput,
  ReferralIdParams,
  ReferralQuery,
  ReserveBedInput,
  UpdateGreenCategoryInput,
  UpdateReferralSettingsInput,
  VersionInput,
} from '@yilian/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../http/errors.js';
import type { Router } from '../../http/route.js';
import type { ReferralDomain } from './index.js';

const CodeParams = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });

/** The optional `Idempotency-Key` header (1–200 visible characters). */
function idempotencyKey(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw errors.validation('body', [{ path: 'Idempotency-Key', code: 'invalid_format', message: '1-200 visible ASCII characters' }]);
  }
  return value;
}

export function registerReferralRoutes(r: Router, d: ReferralDomain): void {
  const tags = ['referrals'];
  const s = d.service;
  const t = d.transitions;
  r.route({ method: 'GET', url: '/api/referrals/green-categories', summary: 'Green-channel categories and their response targets', tags, handler: ({ actor }) => s.greenCategories(actor) });
  r.route({ method: 'PATCH', url: '/api/referrals/green-categories/:code', summary: 'Tune a green-channel category (network admin)', tags, params: CodeParams, body: UpdateGreenCategoryInput, handler: ({ actor, params, body }) => s.updateGreenCategory(actor, params.code, body) });
  r.route({ method: 'GET', url: '/api/referrals/settings', summary: "The actor's institution referral settings (bed hold, open-loop age, follow-up grace)", tags, handler: ({ actor }) => s.settings(actor) });
  r.route({ method: 'PUT', url: '/api/referrals/settings', summary: "Change the actor's institution referral settings (admin)", tags, body: UpdateReferralSettingsInput, handler: ({ actor, body }) => s.updateSettings(actor, body) });
  r.route({ method: 'GET', url: '/api/referrals/wards', summary: "Ward board: every bed of the actor's institution, free / held / occupied", tags, handler: ({ actor }) => s.occupancy(actor) });
  r.route({ method: 'GET', url: '/api/wards/:id/occupancy', summary: 'One ward of the actor’s institution, bed by bed', tags, params: IdParams, handler: async ({ actor, params }) => (await s.occupancy(actor, params.id))[0] });
  r.route({ method: 'POST', url: '/api/referrals', summary: 'Create a referral (draft, or submitted with submit=true); Idempotency-Key honoured', tags, status: 201, body: CreateReferralInput, handler: ({ actor, body, req }) => s.create(actor, body, idempotencyKey(req)) });
  r.route({ method: 'GET', url: '/api/referrals', summary: 'Inbox / outbox: open first, green channel, urgency, then age', tags, query: ReferralQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'GET', url: '/api/referrals/:id', summary: 'A referral with its events, bed and follow-ups (audited)', tags, params: ReferralIdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'POST', url: '/api/referrals/:id/submit', summary: 'Submit a draft; Idempotency-Key honoured', tags, params: ReferralIdParams, body: VersionInput, handler: ({ actor, params, body, req }) => s.submit(actor, params.id, body.version, idempotencyKey(req)) });
  r.route({ method: 'POST', url: '/api/referrals/:id/cancel', summary: 'Cancel an open referral', tags, params: ReferralIdParams, body: CancelReferralInput, handler: ({ actor, params, body }) => t.cancel(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/accept', summary: 'Accept (optionally reserving a bed)', tags, params: ReferralIdParams, body: AcceptReferralInput, handler: ({ actor, params, body }) => t.accept(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/decline', summary: 'Decline with a reason and an alternative', tags, params: ReferralIdParams, body: DeclineReferralInput, handler: ({ actor, params, body }) => t.decline(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/reserve-bed', summary: 'Hold a bed for an accepted referral', tags, params: ReferralIdParams, body: ReserveBedInput, handler: ({ actor, params, body }) => t.reserveBed(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/release-bed', summary: 'Give the held bed back', tags, params: ReferralIdParams, body: VersionInput, handler: ({ actor, params, body }) => t.releaseBed(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/depart', summary: 'Transport arranged and the patient set off', tags, params: ReferralIdParams, body: DepartInput, handler: ({ actor, params, body }) => t.depart(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/arrive', summary: 'The patient arrived', tags, params: ReferralIdParams, body: VersionInput, handler: ({ actor, params, body }) => t.arrive(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/admit', summary: 'Admitted (the held bed becomes occupied)', tags, params: ReferralIdParams, body: AdmitInput, handler: ({ actor, params, body }) => t.admit(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/discharge', summary: 'Discharged, with the summary back to the referrer', tags, params: ReferralIdParams, body: DischargeInput, handler: ({ actor, params, body }) => t.discharge(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/acknowledge', summary: 'The referrer acknowledges the discharge summary: loop closed', tags, params: ReferralIdParams, body: VersionInput, handler: ({ actor, params, body }) => t.acknowledge(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/referrals/:id/follow-ups/:visitId', summary: 'Record a follow-up visit of a down-referral', tags, params: FollowUpParams, body: RecordFollowUpInput, handler: ({ actor, params, body }) => t.recordFollowUp(actor, params.id, params.visitId, body) });
}

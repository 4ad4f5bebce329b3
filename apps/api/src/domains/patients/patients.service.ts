import {
  CLINICAL_ROLES,
  type ConsentDto,
  type Page,
  type PatientAccessReason,
  type PatientDetailDto,
  type PatientDto,
  type PatientQuery,
  type RecordConsentInput,
  type RegisterPatientInput,
  type RegisterPatientResultDto,
} from '@yilian/contracts';
import type { Db, Queryable, Tx } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { errors } from '../../http/errors.js';
import type { AuditLog } from '../audit/index.js';
import { type DocumentService, linkAttachments } from '../documents/index.js';
import { derivePatientKeys, encryptResidentId, residentIdHash } from './patients.crypto.js';
import * as repo from './patients.repo.js';

export const patientNotFound = () => errors.notFound({ code: 'patient.not_found', zh: '患者', en: 'Patient' });

/** Throws 404 `patient.not_found` unless the institution may see the patient (registration, consult or referral). */
export async function assertCanSeePatient(q: Queryable, institutionId: string, patientId: string): Promise<void> {
  if (!(await repo.hasAccess(q, institutionId, patientId))) throw patientNotFound();
}

export async function canSeePatient(q: Queryable, institutionId: string, patientId: string): Promise<boolean> {
  return repo.hasAccess(q, institutionId, patientId);
}

export async function grantPatientAccess(tx: Tx, patientId: string, institutionId: string, reason: PatientAccessReason, sourceId: string | null): Promise<void> {
  await repo.grantAccess(tx, patientId, institutionId, reason, sourceId);
}

export async function findPatientDto(q: Queryable, patientId: string): Promise<PatientDto | undefined> {
  const row = await repo.findPatient(q, patientId);
  return row ? repo.toPatientDto(row) : undefined;
}

/** Records a consent (the actor's institution must see the patient); links the signed form when given. No audit row: the caller writes it. */
export async function recordConsent(tx: Tx, actor: Actor, patientId: string, input: RecordConsentInput, now: Date): Promise<ConsentDto> {
  await assertCanSeePatient(tx, actor.institutionId, patientId);
  const consent = await repo.insertConsent(tx, {
    patientId,
    scope: input.scope,
    method: input.method,
    witnessName: input.witnessName ?? null,
    documentId: input.documentId ?? null,
    recordedBy: actor.userId,
    institutionId: actor.institutionId,
    at: now,
  });
  if (input.documentId) await linkAttachments(tx, actor, [input.documentId], 'consent', consent.id, patientId);
  return consent;
}

export function createPatientService(deps: { db: Db; clock: Clock; audit: AuditLog; secretKey: string; documents: DocumentService }) {
  const { db, clock, audit } = deps;
  const keys = derivePatientKeys(deps.secretKey);

  // A consent form is visible wherever its patient is.
  deps.documents.registerOwner('consent', async (q, actor, ownerId) => {
    const consent = await repo.findConsent(q, ownerId);
    return !!consent && (await repo.hasAccess(q, actor.institutionId, consent.patientId));
  });

  /**
   * Registers a patient, or matches the one already registered with the same resident ID anywhere in
   * the network (one person, one patient). Grants the actor's institution 'registration' access.
   * No audit row: the caller writes it (last in its transaction).
   */
  async function registerOrMatchPatient(tx: Tx, actor: Actor, input: RegisterPatientInput): Promise<{ patient: PatientDto; matched: boolean }> {
    const hash = input.residentId ? residentIdHash(keys, input.residentId) : null;
    let row = hash ? await repo.findPatientByHash(tx, hash) : undefined;
    let matched = !!row;
    if (!row) {
      row = await repo.insertPatient(tx, {
        name: input.name,
        sex: input.sex,
        birthDate: input.birthDate,
        phone: input.phone ?? null,
        enc: input.residentId ? encryptResidentId(keys, input.residentId) : null,
        hash,
        last4: input.residentId ? input.residentId.slice(-4) : null,
        institutionId: actor.institutionId,
        now: clock.now(),
      });
      // Lost a race with a concurrent registration of the same ID: take that row.
      if (!row && hash) {
        row = await repo.findPatientByHash(tx, hash);
        matched = true;
      }
    }
    if (!row) throw new Error('patient insert returned no row');
    await repo.grantAccess(tx, row.id, actor.institutionId, 'registration', null);
    return { patient: repo.toPatientDto(row), matched };
  }

  return {
    registerOrMatchPatient,
    residentIdHash: (normalisedId: string) => residentIdHash(keys, normalisedId),

    async register(actor: Actor, input: RegisterPatientInput): Promise<RegisterPatientResultDto> {
      requireRole(actor, ...CLINICAL_ROLES);
      return db.transaction(async (tx) => {
        const result = await registerOrMatchPatient(tx, actor, input);
        await audit.record(tx, actor, {
          action: result.matched ? 'patient.match' : 'patient.register',
          entityType: 'patient',
          entityId: result.patient.id,
          patientId: result.patient.id,
        });
        return result;
      });
    },

    async search(actor: Actor, q: PatientQuery): Promise<Page<PatientDto>> {
      requireRole(actor, ...CLINICAL_ROLES);
      return db.transaction(async (tx) => {
        const { rows, total } = await repo.searchVisible(
          tx,
          actor.institutionId,
          { text: q.q, hash: q.residentId ? residentIdHash(keys, q.residentId) : undefined },
          q.pageSize,
          (q.page - 1) * q.pageSize,
        );
        await audit.record(tx, actor, {
          action: 'patient.search',
          entityType: 'patient',
          details: { q: q.q ?? null, byResidentId: !!q.residentId, ids: rows.map((r) => r.id) },
        });
        return { items: rows.map(repo.toPatientDto), total, page: q.page, pageSize: q.pageSize };
      });
    },

    async get(actor: Actor, id: string): Promise<PatientDetailDto> {
      requireRole(actor, ...CLINICAL_ROLES);
      return db.transaction(async (tx) => {
        await assertCanSeePatient(tx, actor.institutionId, id);
        const row = await repo.findPatient(tx, id);
        if (!row) throw patientNotFound();
        const consents = await repo.consentsOf(tx, id);
        await audit.record(tx, actor, { action: 'patient.read', entityType: 'patient', entityId: id, patientId: id });
        return { ...repo.toPatientDto(row), consents };
      });
    },

    async addConsent(actor: Actor, patientId: string, input: RecordConsentInput): Promise<ConsentDto> {
      requireRole(actor, 'clinician', 'coordinator');
      return db.transaction(async (tx) => {
        const consent = await recordConsent(tx, actor, patientId, input, clock.now());
        await audit.record(tx, actor, {
          action: 'consent.record',
          entityType: 'consent',
          entityId: consent.id,
          patientId,
          details: { scope: consent.scope, method: consent.method, documentId: consent.documentId },
        });
        return consent;
      });
    },
  };
}

export type PatientService = ReturnType<typeof createPatientService>;

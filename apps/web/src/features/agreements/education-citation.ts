/**
 * Pure helpers for case conferences that cite a closed consult (de-identified): which consults may be
 * cited, how a citation is referred to without the patient, and which form field a server refusal belongs to.
 */
import type { ConsultSummaryDto } from '@yilian/contracts';
import { ApiError, isApiError } from '../../api/client';

/** The fields of a consult that the education tab may show: never the patient. */
export interface CitableConsult {
  id: string;
  ref: string;
  kind: ConsultSummaryDto['kind'];
  chiefComplaint: string;
  submittedAt: string | null;
  requester: { nameZh: string; nameEn: string };
  target: { nameZh: string; nameEn: string } | null;
}

/**
 * A short reference to a consult (consults have no code of their own): the first 8 hex digits of its id,
 * upper-cased. The session already carries the whole id, so this discloses nothing more.
 */
export const consultRef = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/**
 * The closed consults of one agreement among lists of consults the actor's institution sees (its requested
 * and incoming views, asked for that agreement), each once, latest submitted first, reduced to de-identified
 * fields. Status and agreement are checked again here, so a list asked otherwise never offers a wrong consult.
 */
export function citableConsults(lists: readonly (readonly ConsultSummaryDto[])[], agreementId: string): CitableConsult[] {
  const seen = new Map<string, CitableConsult>();
  for (const c of lists.flat()) {
    if (c.status !== 'closed' || c.agreementId !== agreementId || seen.has(c.id)) continue;
    seen.set(c.id, {
      id: c.id,
      ref: consultRef(c.id),
      kind: c.kind,
      chiefComplaint: c.chiefComplaint,
      submittedAt: c.submittedAt,
      requester: { nameZh: c.requester.institutionNameZh, nameEn: c.requester.institutionNameEn },
      target: c.target ? { nameZh: c.target.institutionNameZh, nameEn: c.target.institutionNameEn } : null,
    });
  }
  return [...seen.values()].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || a.id.localeCompare(b.id));
}

/** The form field each education refusal is about (the message also shows above the form). */
const FIELD_OF_CODE: Record<string, string> = {
  'education.summary_identifying': 'caseSummary',
  'education.consult_not_citable': 'citedConsultId',
  'education.citation_kind': 'kind',
  'education.host_not_party': 'hostInstitutionId',
  'education.audience_not_party': 'audienceInstitutionIds',
  'education.presenter_not_party': 'presenters',
};

/**
 * A 400 education refusal has no `details.issues`; this returns the same error with one issue on the field it
 * concerns, so the form marks that field with the server's message. Any other error is returned unchanged.
 */
export function withFieldIssue(error: unknown): unknown {
  if (!isApiError(error) || error.status !== 400) return error;
  const path = FIELD_OF_CODE[error.code];
  if (!path) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new ApiError(error.status, error.code, error.message, { ...details, issues: [{ path, message: error.message }] });
}

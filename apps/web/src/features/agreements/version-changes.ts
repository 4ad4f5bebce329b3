/**
 * What an amendment (or the ending) changed, from the snapshot kept before it and the state after it (the next
 * version's snapshot, or the agreement as it is now). Ids are left out: re-created targets and phases get new ones.
 */
import type { AgreementDto, AgreementStatus } from '@yilian/contracts';

/** The API keeps the agreement as it was read (`AgreementDto` without `can`); older rows may lack fields. */
export type AgreementSnapshot = Partial<Omit<AgreementDto, 'can'>>;

export type VersionChange =
  | { key: 'title' | 'kind' | 'term' | 'signedOn' | 'description' | 'areas' | 'document' }
  | { key: 'parties' | 'phases' | 'targets'; from: number; to: number }
  | { key: 'status'; to: AgreementStatus };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const lists = (s: AgreementSnapshot) => {
  const phases = s.phases ?? [];
  return {
    areas: [...(s.areas ?? [])].sort(),
    parties: (s.parties ?? []).map((p) => `${p.role}:${p.institutionId}`).sort(),
    phases: phases.map((p) => [p.nameZh, p.nameEn, p.kind, p.startsOn, p.endsOn]),
    targets: (s.targets ?? []).map((x) => [x.metric, x.comparison, x.value, x.year, phases.find((p) => p.id === x.phaseId)?.seq ?? null]),
  };
};

export function describeChanges(before: AgreementSnapshot, after: AgreementSnapshot): VersionChange[] {
  const out: VersionChange[] = [];
  const b = lists(before);
  const a = lists(after);
  const differs = (...keys: (keyof AgreementSnapshot)[]) => keys.some((k) => !same(before[k] ?? null, after[k] ?? null));
  if (differs('titleZh', 'titleEn')) out.push({ key: 'title' });
  if (differs('kind')) out.push({ key: 'kind' });
  if (differs('startsOn', 'endsOn')) out.push({ key: 'term' });
  if (differs('signedOn')) out.push({ key: 'signedOn' });
  if (differs('descriptionZh', 'descriptionEn')) out.push({ key: 'description' });
  if (!same(b.areas, a.areas)) out.push({ key: 'areas' });
  if (differs('documentAttachmentId')) out.push({ key: 'document' });
  for (const key of ['parties', 'phases', 'targets'] as const) {
    if (!same(b[key], a[key])) out.push({ key, from: b[key].length, to: a[key].length });
  }
  if (after.status !== undefined && before.status !== after.status) out.push({ key: 'status', to: after.status });
  return out;
}

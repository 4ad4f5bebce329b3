/**
 * Form values of the agreement lists (areas, parties, phases, targets), shared by the create form and the
 * amend dialog, and their conversion to the API input.
 *
 * Phases are replaced as a whole list and targets refer to a phase by its 1-based position in the list sent
 * (`TargetInput.phase`); the API gives re-created phases new ids. In the form each phase carries a `key` (its id
 * when it exists, a fresh key when added) and a target refers to that key, so removing or adding a phase never
 * re-points a target; the position is computed on submit.
 */
import type { AgreementDto, AgreementKind, AmendAgreementInput, AttachmentDto, CooperationArea, CreateAgreementInput, MetricKey, PartyRole } from '@yilian/contracts';

export type TargetPeriod = 'year' | 'phase' | 'term';
export const TARGET_PERIODS: readonly TargetPeriod[] = ['year', 'phase', 'term'];

export interface PhaseValues {
  key: string;
  nameZh: string;
  nameEn: string;
  kind: AgreementKind;
  startsOn: string;
  endsOn: string;
}
export interface TargetValues {
  metric: MetricKey;
  comparison: 'gte' | 'lte';
  value: number;
  period: TargetPeriod;
  year?: number | null;
  phaseKey?: string | null;
}
export interface PartyValues {
  institutionId: string;
  role: PartyRole;
}
export interface ListValues {
  areas?: CooperationArea[];
  parties?: PartyValues[];
  phases?: PhaseValues[];
  targets?: TargetValues[];
}

type PhaseInput = CreateAgreementInput['phases'][number];
type TargetInput = CreateAgreementInput['targets'][number];
type PartyInput = CreateAgreementInput['parties'][number];
type ListInput = Pick<AmendAgreementInput, 'areas' | 'parties' | 'phases' | 'targets'>;

/** A key for a phase added in the form (not an id: the API assigns those). */
export const newPhaseKey = (): string => `new-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Defaults of a row added with "add target". */
export const NEW_TARGET: Partial<TargetValues> = { comparison: 'gte', period: 'year' };

/** The agreement's lists as form values (a phase's key is its id). */
export function listValuesOf(a: AgreementDto): Required<ListValues> {
  return {
    areas: [...a.areas],
    parties: a.parties.map((p) => ({ institutionId: p.institutionId, role: p.role })),
    phases: a.phases.map((p) => ({ key: p.id, nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn })),
    targets: a.targets.map((t) => ({
      metric: t.metric,
      comparison: t.comparison,
      value: t.value,
      period: t.year !== null ? 'year' : t.phaseId !== null ? 'phase' : 'term',
      ...(t.year !== null ? { year: t.year } : {}),
      ...(t.phaseId !== null ? { phaseKey: t.phaseId } : {}),
    })),
  };
}

export const toPhaseInputs = (phases: PhaseValues[] | undefined): PhaseInput[] =>
  (phases ?? []).map((p) => ({ nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn }));

/** Targets as the API takes them: a per-phase target names its phase by position in `phases` (1-based). */
export function toTargetInputs(targets: TargetValues[] | undefined, phases: PhaseValues[] | undefined): TargetInput[] {
  const keys = (phases ?? []).map((p) => p.key);
  return (targets ?? []).map((t) => {
    const base = { metric: t.metric, comparison: t.comparison, value: Number(t.value) };
    if (t.period === 'year' && t.year != null) return { ...base, year: Number(t.year) };
    if (t.period === 'phase') {
      const n = t.phaseKey == null ? -1 : keys.indexOf(t.phaseKey);
      // The form requires a phase that exists; reaching here means a stale reference, never sent as "whole term".
      if (n < 0) throw new Error(`target of ${t.metric} refers to a phase that is not in the list`);
      return { ...base, phase: n + 1 };
    }
    return base;
  });
}

export const toPartyInputs = (parties: PartyValues[] | undefined): PartyInput[] => (parties ?? []).map((p) => ({ institutionId: p.institutionId, role: p.role }));

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sortedParties = (parties: PartyInput[]) => [...parties].sort((x, y) => `${x.role}:${x.institutionId}`.localeCompare(`${y.role}:${y.institutionId}`));

/**
 * The lists that differ from the agreement, for an amendment (unchanged lists are left out). When phases change,
 * targets are sent too: the API would otherwise keep the targets by phase position, which moves a target to
 * another phase when an earlier one is removed.
 */
export function changedLists(a: AgreementDto, v: ListValues): ListInput {
  const before = listValuesOf(a);
  const out: ListInput = {};
  const areas = v.areas ?? [];
  if (!same([...areas].sort(), [...before.areas].sort())) out.areas = areas;
  const parties = toPartyInputs(v.parties);
  if (!same(sortedParties(parties), sortedParties(toPartyInputs(before.parties)))) out.parties = parties;
  const phases = toPhaseInputs(v.phases);
  const phasesChanged = !same(phases, toPhaseInputs(before.phases));
  const targets = toTargetInputs(v.targets, v.phases);
  if (phasesChanged) out.phases = phases;
  if (phasesChanged || !same(targets, toTargetInputs(before.targets, before.phases))) out.targets = targets;
  return out;
}

/**
 * The signed text for an amendment, from the form's `document` field: a new upload's id, null when the text shown was
 * removed, nothing when it is unchanged. Compared with the text shown (`a.document`), so an id the dialog could not
 * show is never cleared unasked.
 */
export function documentChange(a: AgreementDto, document: AttachmentDto[] | undefined): Pick<AmendAgreementInput, 'documentAttachmentId'> {
  const id = document?.[0]?.id ?? null;
  return id === (a.document?.id ?? null) ? {} : { documentAttachmentId: id };
}

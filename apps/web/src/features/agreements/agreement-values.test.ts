import type { AgreementDto, AttachmentDto } from '@yilian/contracts';
import { describe, expect, it } from 'vitest';
import { changedLists, documentChange, listValuesOf, toTargetInputs } from './agreement-values';
import { describeChanges } from './version-changes';

const agreement: AgreementDto = {
  id: 'a1',
  code: 'CIP-LF',
  titleZh: '协议',
  titleEn: 'Agreement',
  kind: 'trusteeship',
  status: 'active',
  signedOn: null,
  startsOn: '2022-01-01',
  endsOn: '2026-12-31',
  endedOn: null,
  areas: ['technique', 'talent'],
  parties: [
    { institutionId: 'p1', role: 'assisting', nameZh: '甲', nameEn: 'A', code: 'A' },
    { institutionId: 'p2', role: 'assisted', nameZh: '乙', nameEn: 'B', code: 'B' },
  ],
  version: 3,
  descriptionZh: null,
  descriptionEn: null,
  endReason: null,
  documentAttachmentId: null,
  document: null,
  phases: [
    { id: 'ph1', seq: 1, nameZh: '技术合作', nameEn: 'Cooperation', kind: 'technical_cooperation', startsOn: '2022-01-01', endsOn: '2023-12-31' },
    { id: 'ph2', seq: 2, nameZh: '托管', nameEn: 'Trusteeship', kind: 'trusteeship', startsOn: '2024-01-01', endsOn: '2026-12-31' },
  ],
  targets: [
    { id: 't1', metric: 'dispatch.person_times', comparison: 'gte', value: 40, year: 2025, phaseId: null },
    { id: 't2', metric: 'training.trainees', comparison: 'gte', value: 6, year: null, phaseId: 'ph2' },
    { id: 't3', metric: 'referral.loop_closure_share', comparison: 'gte', value: 0.9, year: null, phaseId: null },
  ],
  can: { amend: true, record: true },
};

describe('amendment lists', () => {
  it('sends nothing when the lists are as read (order of areas and parties aside)', () => {
    const v = listValuesOf(agreement);
    expect(changedLists(agreement, v)).toEqual({});
    expect(changedLists(agreement, { ...v, areas: ['talent', 'technique'], parties: [...v.parties].reverse() })).toEqual({});
  });

  it('gives targets in API form: year, phase position or whole term', () => {
    const v = listValuesOf(agreement);
    expect(toTargetInputs(v.targets, v.phases)).toEqual([
      { metric: 'dispatch.person_times', comparison: 'gte', value: 40, year: 2025 },
      { metric: 'training.trainees', comparison: 'gte', value: 6, phase: 2 },
      { metric: 'referral.loop_closure_share', comparison: 'gte', value: 0.9 },
    ]);
  });

  it('sends only the targets when a value changes or a target is added', () => {
    const v = listValuesOf(agreement);
    const targets = [{ ...v.targets[0]!, value: 50 }, ...v.targets.slice(1), { metric: 'consult.total' as const, comparison: 'gte' as const, value: 100, period: 'term' as const }];
    const out = changedLists(agreement, { ...v, targets });
    expect(Object.keys(out)).toEqual(['targets']);
    expect(out.targets?.[0]?.value).toBe(50);
    expect(out.targets?.[3]).toEqual({ metric: 'consult.total', comparison: 'gte', value: 100 });
  });

  it('re-numbers phase targets when a phase is inserted before theirs, and sends targets with changed phases', () => {
    const v = listValuesOf(agreement);
    const phases = [{ key: 'new-1', nameZh: '筹备', nameEn: 'Preparation', kind: 'guided_building' as const, startsOn: '2022-01-01', endsOn: '2022-06-30' }, ...v.phases];
    const out = changedLists(agreement, { ...v, phases });
    expect(out.phases).toHaveLength(3);
    expect(out.targets?.[1]).toEqual({ metric: 'training.trainees', comparison: 'gte', value: 6, phase: 3 });
  });

  it('refuses a target whose phase was removed rather than sending it as whole-term', () => {
    const v = listValuesOf(agreement);
    expect(() => changedLists(agreement, { ...v, phases: v.phases.slice(0, 1) })).toThrow();
  });

  it('sends areas and parties as whole lists when they change', () => {
    const v = listValuesOf(agreement);
    const out = changedLists(agreement, { ...v, areas: ['technique', 'telemedicine'], parties: [...v.parties, { institutionId: 'p3', role: 'supervising' }] });
    expect(out.areas).toEqual(['technique', 'telemedicine']);
    expect(out.parties).toHaveLength(3);
    expect(out.targets).toBeUndefined();
  });
});

describe('version changes', () => {
  const { can: _, ...snapshot } = agreement;
  it('names the parts that changed, with list sizes before and after', () => {
    const after = { ...snapshot, endsOn: '2027-12-31', areas: ['talent' as const], targets: [...snapshot.targets.map((x) => ({ ...x, id: `${x.id}'` })), { id: 't4', metric: 'consult.total' as const, comparison: 'gte' as const, value: 1, year: null, phaseId: null }] };
    expect(describeChanges(snapshot, after)).toEqual([{ key: 'term' }, { key: 'areas' }, { key: 'targets', from: 3, to: 4 }]);
  });

  it('ignores new ids of re-created phases and targets, and reports an ending', () => {
    const phases = snapshot.phases.map((p) => ({ ...p, id: `${p.id}'` }));
    const targets = snapshot.targets.map((x) => ({ ...x, id: `${x.id}'`, phaseId: x.phaseId === null ? null : `${x.phaseId}'` }));
    expect(describeChanges(snapshot, { ...snapshot, phases, targets })).toEqual([]);
    expect(describeChanges(snapshot, { ...snapshot, status: 'ended', endedOn: '2025-06-30' })).toEqual([{ key: 'status', to: 'ended' }]);
  });
});

describe('amendment of the signed text', () => {
  const file = (id: string): AttachmentDto => ({
    id,
    sha256: '0'.repeat(64),
    fileName: `${id}.pdf`,
    mime: 'application/pdf',
    size: 10,
    uploadedBy: 'u1',
    institutionId: 'p1',
    patientId: null,
    ownerType: 'agreement',
    ownerId: 'a1',
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  const withText = { ...agreement, documentAttachmentId: 'd1', document: file('d1') };

  it('sends a new upload, null when removed, nothing when unchanged', () => {
    expect(documentChange(agreement, [])).toEqual({});
    expect(documentChange(agreement, undefined)).toEqual({});
    expect(documentChange(agreement, [file('d2')])).toEqual({ documentAttachmentId: 'd2' });
    expect(documentChange(withText, [file('d1')])).toEqual({});
    expect(documentChange(withText, [file('d2')])).toEqual({ documentAttachmentId: 'd2' });
    expect(documentChange(withText, [])).toEqual({ documentAttachmentId: null });
  });

  it('never clears an id the dialog could not show', () => {
    expect(documentChange({ ...agreement, documentAttachmentId: 'legacy', document: null }, [])).toEqual({});
  });
});

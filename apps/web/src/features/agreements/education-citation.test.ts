import type { ConsultSummaryDto } from '@yilian/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { citableConsults, consultRef, withFieldIssue } from './education-citation';

const party = (nameZh: string) => ({ institutionId: nameZh, institutionNameZh: nameZh, institutionNameEn: nameZh, tier: 'tertiary' });
const consult = (id: string, over: Partial<ConsultSummaryDto> = {}): ConsultSummaryDto => ({
  id,
  status: 'closed',
  kind: 'general',
  mode: 'async',
  urgency: 'routine',
  patientId: 'p1',
  patientName: '张玉兰',
  requester: party('沧州'),
  requesterUserId: 'u1',
  requesterName: '医生',
  target: party('协和'),
  targetDepartmentId: null,
  targetExpertUserId: null,
  assignedExpertUserId: null,
  assignedExpertName: null,
  agreementId: 'ag1',
  chiefComplaint: '脑梗死后吞咽困难',
  submittedAt: '2025-03-01T08:00:00.000Z',
  dueAt: null,
  dueMeasure: null,
  paused: false,
  overdue: false,
  escalatedFromId: null,
  chainRootId: id,
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-02T08:00:00.000Z',
  version: 1,
  ...over,
});

describe('consultRef', () => {
  it('is the first 8 hex digits of the id, upper-cased', () => {
    expect(consultRef('3f2a9c1d-0b1e-4c2d-8e3f-123456789abc')).toBe('3F2A9C1D');
  });
});

describe('citableConsults', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  it('keeps closed consults of the agreement, once each, latest submitted first', () => {
    const lists = [
      [consult(a), consult(b, { submittedAt: '2025-04-01T08:00:00.000Z' }), consult('c', { status: 'answered' })],
      [consult(a), consult('d', { agreementId: 'other' }), consult('e', { agreementId: null })],
    ];
    expect(citableConsults(lists, 'ag1').map((c) => c.id)).toEqual([b, a]);
  });

  it('never carries the patient', () => {
    const [c] = citableConsults([[consult(a)]], 'ag1');
    expect(c).toEqual({
      id: a,
      ref: '00000000',
      kind: 'general',
      chiefComplaint: '脑梗死后吞咽困难',
      submittedAt: '2025-03-01T08:00:00.000Z',
      requester: { nameZh: '沧州', nameEn: '沧州' },
      target: { nameZh: '协和', nameEn: '协和' },
    });
    expect(JSON.stringify(c)).not.toContain('张玉兰');
    expect(JSON.stringify(c)).not.toContain('p1');
  });
});

describe('withFieldIssue', () => {
  it('attaches an education refusal to the field it is about', () => {
    const e = withFieldIssue(new ApiError(400, 'education.summary_identifying', '病例摘要中不得包含身份证号或手机号'));
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toBe('病例摘要中不得包含身份证号或手机号');
    expect((e as ApiError).details).toEqual({ issues: [{ path: 'caseSummary', message: '病例摘要中不得包含身份证号或手机号' }] });
    expect((withFieldIssue(new ApiError(400, 'education.consult_not_citable', 'x')) as ApiError).details).toEqual({ issues: [{ path: 'citedConsultId', message: 'x' }] });
  });

  it('leaves other errors as they are', () => {
    const other = new ApiError(400, 'request.invalid', 'bad', { issues: [{ path: 'topicZh', message: 'required' }] });
    expect(withFieldIssue(other)).toBe(other);
    const forbidden = new ApiError(403, 'education.summary_identifying', 'no');
    expect(withFieldIssue(forbidden)).toBe(forbidden);
    const plain = new Error('network');
    expect(withFieldIssue(plain)).toBe(plain);
  });
});

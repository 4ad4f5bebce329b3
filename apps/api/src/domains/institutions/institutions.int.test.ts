import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser, unique } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let root: { id: string };
let county: { id: string };
let other: { id: string };
let admin: TestUser;
let clinician: TestUser;
let otherAdmin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  root = await t.factory.institution({ tier: 'prefecture' });
  county = await t.factory.institution({ tier: 'county', parentId: root.id });
  other = await t.factory.institution({ tier: 'prefecture' });
  admin = await t.factory.user(root.id, ['admin']);
  clinician = await t.factory.user(county.id, ['clinician']);
  otherAdmin = await t.factory.user(other.id, ['admin']);
});
afterAll(() => t.stop());

const newInstitution = (parentId: string, code = unique('N')) => ({
  code,
  nameZh: '新建乡镇卫生院',
  nameEn: 'New township health centre',
  tier: 'township',
  type: 'primary_care',
  divisionCode: '632521',
  regionZh: '青海省',
  regionEn: 'Qinghai',
  parentId,
});

describe('reading the network', () => {
  it('401 without a session', async () => {
    expect((await t.request(undefined, 'GET', '/api/institutions')).status).toBe(401);
    expect((await t.request(undefined, 'GET', `/api/institutions/${county.id}`)).status).toBe(401);
  });

  it('lets any signed-in user search by tier and text, with paging', async () => {
    const res = await t.as(clinician).get(`/api/institutions?tier=county&q=${encodeURIComponent('测试医院')}&pageSize=500`);
    expect(res.status).toBe(200);
    expect(res.body.items.every((i: { tier: string }) => i.tier === 'county')).toBe(true);
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(county.id);
    expect((await t.as(clinician).get('/api/institutions?tier=galactic')).status).toBe(400);
    expect((await t.as(clinician).get('/api/institutions?pageSize=100000')).status).toBe(400);
  });

  it('returns the tree and an institution with departments, wards and practitioners', async () => {
    const dept = await t.factory.department(county.id);
    await t.factory.ward(county.id, dept.id, 3);
    const tree = await t.as(clinician).get('/api/institutions/tree');
    expect(tree.body.find((i: { id: string }) => i.id === county.id).parentId).toBe(root.id);
    const detail = await t.as(clinician).get(`/api/institutions/${county.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.departments.map((d: { id: string }) => d.id)).toContain(dept.id);
    expect(detail.body.wards[0].beds).toHaveLength(3);
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    const missing = await t.as(clinician).get('/api/institutions/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('institution.not_found');
    expect((await t.as(clinician).get('/api/institutions/not-a-uuid')).status).toBe(400);
  });
});

describe('administering the network', () => {
  it('an admin creates an institution below theirs, audited', async () => {
    const before = await t.lastAuditId();
    const res = await t.as(admin).post('/api/institutions', newInstitution(county.id));
    expect(res.status).toBe(201);
    expect(res.body.parentId).toBe(county.id);
    const audit = await t.auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'institution.create', entity_type: 'institution', entity_id: res.body.id, actor_user_id: admin.id });
  });

  it('403 for a non-admin and for an admin of another branch', async () => {
    expect((await t.as(clinician).post('/api/institutions', newInstitution(county.id))).status).toBe(403);
    const res = await t.as(otherAdmin).post('/api/institutions', newInstitution(county.id));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('400 per bad field, 404 for an unknown parent, 409 for a duplicate code', async () => {
    const bad = await t.as(admin).post('/api/institutions', { ...newInstitution(county.id), tier: 'planet', divisionCode: '12', nameZh: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['divisionCode', 'nameZh', 'tier']);
    const extra = await t.as(admin).post('/api/institutions', { ...newInstitution(county.id), hacked: true });
    expect(extra.status).toBe(400);
    const long = await t.as(admin).post('/api/institutions', { ...newInstitution(county.id), nameZh: '长'.repeat(121) });
    expect(long.status).toBe(400);
    expect((await t.as(admin).post('/api/institutions', newInstitution('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    const code = unique('DUP');
    expect((await t.as(admin).post('/api/institutions', newInstitution(county.id, code))).status).toBe(201);
    const dup = await t.as(admin).post('/api/institutions', newInstitution(county.id, code));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('record.duplicate');
  });

  it('edits with a version; a stale version gets 409 and changes nothing', async () => {
    const created = (await t.as(admin).post('/api/institutions', newInstitution(county.id))).body;
    const first = await t.as(admin).patch(`/api/institutions/${created.id}`, { version: 1, nameEn: 'Renamed centre', grade: '1A' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ nameEn: 'Renamed centre', grade: '1A', version: 2 });
    const stale = await t.as(admin).patch(`/api/institutions/${created.id}`, { version: 1, nameEn: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.version_conflict');
    expect((await t.as(clinician).get(`/api/institutions/${created.id}`)).body.nameEn).toBe('Renamed centre');
  });

  it('refuses to make an institution its own ancestor', async () => {
    const res = await t.as(admin).patch(`/api/institutions/${root.id}`, { version: 1, parentId: county.id });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('institution.parent_cycle');
  });

  it('adds departments, wards with beds and practitioners', async () => {
    const dept = await t.as(admin).post(`/api/institutions/${county.id}/departments`, { code: 'NEURO', nameZh: '神经内科', nameEn: 'Neurology', specialty: 'neurology' });
    expect(dept.status).toBe(201);
    expect((await t.as(admin).post(`/api/institutions/${county.id}/departments`, { code: 'NEURO', nameZh: '神经内科', nameEn: 'Neurology', specialty: 'neurology' })).status).toBe(409);
    const ward = await t.as(admin).post(`/api/institutions/${county.id}/wards`, { departmentId: dept.body.id, code: 'N1', nameZh: '神经内科病区', nameEn: 'Neurology ward', bedCount: 4, isReferralWard: true });
    expect(ward.status).toBe(201);
    expect(ward.body.beds.map((b: { code: string }) => b.code)).toEqual(['N1-01', 'N1-02', 'N1-03', 'N1-04']);
    const more = await t.as(admin).post(`/api/wards/${ward.body.id}/beds`, { count: 2 });
    expect(more.body.beds).toHaveLength(6);
    const foreignDept = await t.factory.department(other.id);
    expect((await t.as(admin).post(`/api/institutions/${county.id}/wards`, { departmentId: foreignDept.id, code: 'N2', nameZh: '病区', nameEn: 'Ward' })).status).toBe(404);
    const p = await t.as(admin).post(`/api/institutions/${county.id}/practitioners`, { departmentId: dept.body.id, nameZh: '测试医师', nameEn: 'Dr Test', title: 'attending', specialties: ['neurology'] });
    expect(p.status).toBe(201);
    expect((await t.as(admin).post(`/api/institutions/${county.id}/practitioners`, { nameZh: '测试', nameEn: 'x', title: 'professor' })).status).toBe(400);
    expect((await t.as(otherAdmin).patch(`/api/practitioners/${p.body.id}`, { version: 1, title: 'chief' })).status).toBe(403);
    const edited = await t.as(admin).patch(`/api/practitioners/${p.body.id}`, { version: 1, title: 'associate_chief' });
    expect(edited.body).toMatchObject({ title: 'associate_chief', version: 2 });
    expect((await t.as(admin).patch('/api/practitioners/00000000-0000-4000-8000-000000000000', { version: 1 })).status).toBe(404);
    // A user account can be linked only when it holds a role at the institution.
    const outsider = await t.factory.user(other.id, ['clinician']);
    const claim = await t.as(admin).post(`/api/institutions/${county.id}/practitioners`, { userId: outsider.id, nameZh: '冒领', nameEn: 'Claim', title: 'resident' });
    expect(claim.status).toBe(400);
    expect(claim.body.error.code).toBe('practitioner.user_not_member');
    const member = await t.factory.user(county.id, ['expert']);
    const linked = await t.as(admin).post(`/api/institutions/${county.id}/practitioners`, { userId: member.id, nameZh: '专家', nameEn: 'Expert', title: 'chief' });
    expect(linked.status).toBe(201);
    expect(linked.body.userId).toBe(member.id);
  });
});

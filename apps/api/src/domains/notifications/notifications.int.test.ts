import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';
import { DELIVER_JOB } from './index.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const message = { kind: 'test.ping', titleZh: '新会诊', titleEn: 'New consult', bodyZh: '请处理', bodyEn: 'Please handle', link: '/consults/1' };

describe('notifications', () => {
  it('needs a signed-in user', async () => {
    expect((await t.request(undefined, 'GET', '/api/notifications')).status).toBe(401);
    expect((await t.request(undefined, 'GET', '/api/notifications/unread-count')).status).toBe(401);
    expect((await t.request(undefined, 'POST', '/api/notifications/read-all')).status).toBe(401);
  });

  it('notifies a role at an institution with one outbox job, counts unread and marks read', async () => {
    const inst = await t.factory.institution();
    const coord1 = await t.factory.user(inst.id, ['coordinator']);
    const coord2 = await t.factory.user(inst.id, ['coordinator']);
    const clinician = await t.factory.user(inst.id, ['clinician']);
    const beforeJobs = await t.lastJobId();
    const ids = await t.db.transaction((tx) => t.services.notifications.notifyRole(tx, inst.id, 'coordinator', message));
    expect(ids).toHaveLength(2);
    const jobs = await t.jobsSince(beforeJobs);
    expect(jobs.map((j) => j.name)).toEqual([DELIVER_JOB]);
    expect(((jobs[0]?.payload.ids ?? []) as string[]).sort()).toEqual([...ids].sort());

    expect((await t.as(coord1).get('/api/notifications/unread-count')).body.unread).toBe(1);
    expect((await t.as(clinician).get('/api/notifications/unread-count')).body.unread).toBe(0);
    const list = await t.as(coord1).get('/api/notifications');
    expect(list.body.items[0]).toMatchObject({ kind: 'test.ping', titleZh: '新会诊', link: '/consults/1', readAt: null });
    const read = await t.as(coord1).post(`/api/notifications/${list.body.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await t.as(coord1).get('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await t.as(coord2).get('/api/notifications?unread=true')).body.total).toBe(1);

    // The outbox job marks delivery and is safe to run twice.
    await t.jobs.runDue();
    const delivered = await t.db.query<{ n: number }>('select count(*) as n from notifications where id = any($1::uuid[]) and delivered_at is not null', [ids]);
    expect(delivered[0]?.n).toBe(2);
  });

  it('does not let anyone read or mark another user’s notification', async () => {
    const inst = await t.factory.institution();
    const a = await t.factory.user(inst.id, ['clinician']);
    const b = await t.factory.user(inst.id, ['clinician']);
    const [id] = await t.db.transaction((tx) => t.services.notifications.notifyUsers(tx, [a.id], message));
    expect((await t.as(b).post(`/api/notifications/${id}/read`)).status).toBe(404);
    expect((await t.as(b).get('/api/notifications')).body.total).toBe(0);
    expect((await t.as(a).post(`/api/notifications/${crypto.randomUUID()}/read`)).status).toBe(404);
    expect((await t.as(a).post('/api/notifications/nope/read')).status).toBe(400);
    expect((await t.as(a).get('/api/notifications?pageSize=1000')).status).toBe(400);
  });

  it('marks all read', async () => {
    const inst = await t.factory.institution();
    const a = await t.factory.user(inst.id, ['expert']);
    await t.db.transaction((tx) => t.services.notifications.notifyUsers(tx, [a.id, a.id], message));
    await t.db.transaction((tx) => t.services.notifications.notifyUsers(tx, [a.id], message));
    expect((await t.as(a).get('/api/notifications/unread-count')).body.unread).toBe(2);
    expect((await t.as(a).post('/api/notifications/read-all')).body.updated).toBe(2);
    expect((await t.as(a).get('/api/notifications/unread-count')).body.unread).toBe(0);
  });
});

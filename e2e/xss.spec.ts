/**
 * Stored text with script and HTML payloads renders escaped: a patient name, a consult's chief
 * complaint and question, a thread message and a referral's reason are stored verbatim through the
 * API and shown literally in the web app, while the injected code never runs (window.__xss stays
 * undefined) — in the lists and on the case pages, for the sender and the receiver.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';

async function api(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    async post<T>(url: string, data: unknown): Promise<T> {
      const res = await page.request.post(url, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
    async get<T>(url: string): Promise<T> {
      return (await (await page.request.get(url)).json()) as T;
    },
  };
}

async function expectInert(page: Page) {
  // Give an injected handler every chance to fire (images error out, scripts would run on insertion).
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
}

test('script and HTML payloads in patient, consult and referral text render as text and never run', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  const name = `${IMG}${stamp}`;
  const complaint = `${SCRIPT} 胸痛 ${stamp}`;
  const question = `${SVG} 是否需要介入？`;
  const reason = `${IMG} ${SCRIPT} 转诊 ${stamp}`;

  await signIn(page, 'cangzhou.doc');
  const c = await api(page);
  const patient = await c.post<{ patient: { id: string; name: string } }>('/api/patients', { name, sex: 'male', birthDate: '1962-03-04' });
  expect(patient.patient.name).toBe(name);
  const consent = await c.post<{ id: string }>(`/api/patients/${patient.patient.id}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: SCRIPT });
  const targets = await c.get<{ institutionId: string; tier: string }[]>('/api/consults/targets');
  const target = targets.find((t) => t.tier === 'national') ?? targets[0];
  const consult = await c.post<{ id: string }>('/api/consults', {
    patientId: patient.patient.id,
    consentId: consent.id,
    kind: 'general',
    mode: 'async',
    urgency: 'routine',
    targetInstitutionId: target?.institutionId,
    summary: { chiefComplaint: complaint, history: IMG, question },
    submit: true,
  });
  await c.post(`/api/consults/${consult.id}/messages`, { body: `${SVG} 补充 ${stamp}` });
  const inst = await c.get<{ departments: { id: string }[] }>(`/api/institutions/${target?.institutionId}`);
  const referral = await c.post<{ id: string }>('/api/referrals', {
    patientId: patient.patient.id,
    toInstitutionId: target?.institutionId,
    toDepartmentId: inst.departments[0]?.id,
    reason,
    diagnoses: [{ code: 'I20.0', display: IMG }],
    summary: SCRIPT,
    consent: { method: 'verbal_witnessed', witnessName: IMG },
    submit: true,
  });

  // The consult case page: every payload visible literally, nothing executed.
  await page.goto(`/consults/${consult.id}`);
  await expect(page.getByText(complaint).first()).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  await expect(page.getByText(`${SVG} 补充 ${stamp}`).first()).toBeVisible();
  await expectInert(page);

  // The consult list.
  await page.goto('/consults');
  await expect(page.getByText(complaint).first()).toBeVisible();
  await expectInert(page);

  // The referral case page and the outbox.
  await page.goto(`/referrals/${referral.id}`);
  await expect(page.getByText(reason).first()).toBeVisible();
  await expectInert(page);
  await page.goto('/referrals');
  await page.getByText(/发出的转诊|Sent|Outbox/).first().click();
  await expect(page.getByText(name).first()).toBeVisible();
  await expectInert(page);
});

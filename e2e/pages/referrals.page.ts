import { expect, type Locator, type Page } from '@playwright/test';
import { optionsOf, pickOption } from './antd.js';

/** The referral form (/referrals/new). */
export class NewReferralPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/referrals/new');
    await expect(this.page.getByRole('heading', { name: /发起转诊|New referral/ })).toBeVisible();
  }

  field(label: RegExp): Locator {
    return this.page.getByLabel(label);
  }

  async fill(r: {
    patient: string;
    birthDate: string;
    toInstitution: string;
    toDepartment: string;
    reason: string;
    icd: string;
    diagnosis: string;
    summary: string;
    witness: string;
    green?: string;
  }): Promise<void> {
    await this.field(/^(患者姓名|Patient name)$/).fill(r.patient);
    await this.field(/^(出生日期|Date of birth)$/).fill(r.birthDate);
    await pickOption(this.page, this.page.getByRole('combobox', { name: /(接收机构|Receiving institution)$/ }), r.toInstitution, r.toInstitution);
    await pickOption(this.page, this.page.getByRole('combobox', { name: /(接收科室|Receiving department)$/ }), r.toDepartment);
    await this.field(/^(转诊原因|Reason for referral)$/).fill(r.reason);
    await this.field(/^(诊断（ICD-10 编码）|Diagnosis \(ICD-10 code\))$/).fill(r.icd);
    await this.field(/^(诊断名称|Diagnosis)$/).fill(r.diagnosis);
    await this.field(/^(病情摘要|Clinical summary)$/).fill(r.summary);
    if (r.green) {
      await this.page.getByRole('switch', { name: /(绿色通道|Green channel)$/ }).click();
      await pickOption(this.page, this.page.getByRole('combobox', { name: /(绿色通道类别|Green-channel category)$/ }), r.green);
    }
    await this.field(/^(知情同意见证人|Consent witness)$/).fill(r.witness);
  }

  async visit(n: number, dueOn: string, purpose: string): Promise<void> {
    await this.field(new RegExp(`^(随访日期|Visit due on) ${n}$`)).fill(dueOn);
    await this.field(new RegExp(`^(随访内容|Visit purpose) ${n}$`)).fill(purpose);
  }

  /** Submits and returns the new referral's id (from the URL it lands on). */
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: /提交转诊|Submit referral/ }).click();
    await this.page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() as string;
  }
}

/** One referral (/referrals/:id): status, actions and their dialogs, follow-ups. */
export class ReferralCasePage {
  readonly status: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('referral-status').first();
    this.dialog = page.getByRole('dialog');
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/referrals/${id}`);
    await expect(this.status).toBeVisible();
  }

  button(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async confirm(): Promise<void> {
    await this.dialog.getByRole('button', { name: /确\s*定|Confirm/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  async acceptWithBed(ward: string | RegExp): Promise<string> {
    await this.button(/^(接\s*收|Accept)$/).click();
    await pickOption(this.page, this.dialog.getByRole('combobox', { name: /(病区|Ward)$/ }), ward);
    const bed = this.dialog.getByRole('combobox', { name: /(床位|Bed)$/ });
    await bed.click();
    const option = (await optionsOf(this.page, bed)).first();
    const code = (await option.textContent()) ?? '';
    await option.click();
    await this.confirm();
    return code.trim();
  }

  async acceptOutpatient(appointment: string): Promise<void> {
    await this.button(/^(接\s*收|Accept)$/).click();
    await pickOption(this.page, this.dialog.getByRole('combobox', { name: /(接收方式|Plan)$/ }), /门诊预约|Outpatient/);
    await this.dialog.getByLabel(/^(预约时间|Appointment time)$/).fill(appointment);
    await this.confirm();
  }

  async depart(): Promise<void> {
    await this.button(/患者已出发|Patient set off/).click();
    await this.confirm();
  }

  async discharge(course: string, recommendations: string): Promise<void> {
    await this.button(/^(办理出院|Discharge)$/).click();
    await this.dialog.getByLabel(/^(诊疗经过|Course in hospital)$/).fill(course);
    await this.dialog.getByLabel(/^(出院医嘱|Recommendations)$/).fill(recommendations);
    await this.confirm();
  }

  async recordFollowUp(notes: string): Promise<void> {
    await this.button(/记录随访|Record follow-up/).first().click();
    await this.dialog.getByLabel(/^(随访情况|Visit notes)$/).fill(notes);
    await this.confirm();
  }
}

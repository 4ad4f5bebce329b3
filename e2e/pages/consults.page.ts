import { expect, type Locator, type Page } from '@playwright/test';
import { checkRadio, pickOption } from './antd.js';

/** Chooses an option of an antd Select found by its label. */
async function choose(page: Page, label: string | RegExp, search: string, option: string | RegExp = search): Promise<void> {
  await pickOption(page, page.getByRole('combobox', { name: label }), option, search);
}

/** The requester's "new consult" form. */
export class NewConsultPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/consults/new');
    await expect(this.page.getByRole('heading', { name: /发起远程会诊|Request a teleconsultation/ })).toBeVisible();
  }

  async registerPatient(name: string, birthDate: string): Promise<void> {
    await this.page.getByRole('button', { name: /登记新患者|Register a patient/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(/^(姓名|Name)$/).fill(name);
    await dialog.getByLabel(/出生日期|Date of birth/).fill(birthDate);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
  }

  async fill(input: { witness: string; target: string; chiefComplaint: string; question: string; icd: string; diagnosis: string }): Promise<void> {
    await this.page.getByRole('textbox', { name: /见证人|Witness/ }).fill(input.witness);
    await choose(this.page, /会诊机构|Target institution/, input.target);
    await this.page.getByRole('textbox', { name: /主诉|Chief complaint/ }).fill(input.chiefComplaint);
    await this.page.getByLabel(/ICD-10 编码|ICD-10 code/).first().fill(input.icd);
    await this.page.getByLabel(/诊断名称|^Diagnosis$/).first().fill(input.diagnosis);
    await this.page.getByRole('textbox', { name: /会诊问题|Question/ }).fill(input.question);
  }

  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: /提交会诊|Submit consult/ }).click();
    await this.page.waitForURL(/\/consults\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() ?? '';
  }
}

/** One consult: actions, dialogs, thread, report. */
export class ConsultCasePage {
  readonly status: Locator;
  constructor(private readonly page: Page) {
    this.status = page.getByTestId('consult-status').first();
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/consults/${id}`);
    await expect(this.status).toBeVisible();
  }

  button(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async confirmDialog(): Promise<void> {
    await this.dialog().getByRole('button', { name: /确\s*定|^OK$/ }).click();
    await expect(this.dialog()).toBeHidden();
  }

  async assign(expertName: string): Promise<void> {
    await this.button(/分配专家|Assign expert/).click();
    await checkRadio(this.dialog().getByRole('radio', { name: new RegExp(expertName) }));
    await this.confirmDialog();
  }

  async escalate(target: string, reason: string): Promise<void> {
    await this.button(/上转会诊|^Escalate$/).click();
    await choose(this.page, /上转至|Escalate to/, target);
    await this.dialog().getByLabel(/理由|Reason/).fill(reason);
    await this.confirmDialog();
  }

  async requestInfo(text: string): Promise<void> {
    await this.button(/请求补充资料|Request more information/).click();
    await this.dialog().getByLabel(/需要补充的资料|Information needed/).fill(text);
    await this.confirmDialog();
  }

  async sendMessage(text: string): Promise<void> {
    await this.page.getByLabel(/^(消息|Message)$/).fill(text);
    await this.button(/^(发\s*送|Send)$/).click();
    await expect(this.page.getByText(text).first()).toBeVisible();
  }

  async writeAndSign(impression: string, recommendations: string): Promise<void> {
    await this.page.getByLabel(/会诊意见|Impression/).fill(impression);
    await this.page.getByLabel(/处理建议|Recommendations/).fill(recommendations);
    await this.button(/签署报告|Sign report/).click();
  }

  async closeOut(referral: RegExp): Promise<void> {
    await this.button(/结案反馈|Close out/).click();
    await checkRadio(this.dialog().getByRole('radio', { name: /^(是|Yes)$/ }));
    await checkRadio(this.dialog().getByRole('radio', { name: referral }));
    await this.confirmDialog();
  }

  /** The id of the consult in the escalation chain that targets `institution`. */
  async chainLink(institution: string): Promise<string> {
    const href = await this.page.getByRole('link', { name: institution }).first().getAttribute('href');
    return href?.split('/').pop() ?? '';
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './antd.js';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A 1×1 PNG and a minimal one-page PDF, so the receiver's preview really renders them. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The referral form's parts added for existing patients, consent and attachments (/referrals/new). */
export class ReferralFormExtras {
  constructor(private readonly page: Page) {}

  patientPicker(): Locator {
    return this.page.getByRole('combobox', { name: /^(患者|Patient)$/ });
  }

  async pickPatient(name: string): Promise<void> {
    await pickOption(this.page, this.patientPicker(), name, name);
  }

  /** Uploads through the attachments control (the form's first file input when consent is verbal). */
  async attach(files: UploadFile[]): Promise<void> {
    const field = this.page.locator('.ant-form-item').filter({ has: this.page.locator('label', { hasText: /^(附件|Attachments)$/ }) });
    await field.locator('input[type=file]').setInputFiles(files);
    for (const f of files) await expect(field.getByTestId('uploaded-attachment').filter({ hasText: f.name })).toBeVisible();
    await expect(field.getByTestId('uploaded-attachment')).toHaveCount(files.length);
  }

  async fillClinical(r: { toInstitution: string; toDepartment: string; reason: string; icd: string; diagnosis: string; summary: string; witness: string }): Promise<void> {
    await pickOption(this.page, this.page.getByRole('combobox', { name: /(接收机构|Receiving institution)$/ }), r.toInstitution, r.toInstitution);
    await pickOption(this.page, this.page.getByRole('combobox', { name: /(接收科室|Receiving department)$/ }), r.toDepartment);
    await this.page.getByLabel(/^(转诊原因|Reason for referral)$/).fill(r.reason);
    await this.page.getByLabel(/^(诊断（ICD-10 编码）|Diagnosis \(ICD-10 code\))$/).fill(r.icd);
    await this.page.getByLabel(/^(诊断名称|Diagnosis)$/).fill(r.diagnosis);
    await this.page.getByLabel(/^(病情摘要|Clinical summary)$/).fill(r.summary);
    await this.page.getByLabel(/^(知情同意见证人|Consent witness)$/).fill(r.witness);
  }
}

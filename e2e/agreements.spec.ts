import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';
import { AgreementsPage } from './pages/agreements.page.js';

/** A minimal PDF (the API checks the type by its bytes). */
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

test('a program manager records an agreement with its signed text, targets, dispatch and a trainee, sees the dashboard move and downloads the report', async ({ page, signIn }) => {
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const code = `E2E-${Date.now()}`;
  await signIn(page, 'pumch.leader');
  const agreements = new AgreementsPage(page);
  await agreements.open();
  await agreements.create({
    code,
    titleZh: `端到端测试协议 ${code}`,
    titleEn: `E2E agreement ${code}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 1}-12-31`,
    assisting: '北京协和医院',
    assisted: '沧州市中心医院',
    targets: [
      { metric: '派驻专家人次', value: 12, year },
      { metric: '进修人员', value: 4, year },
    ],
    document: { name: `${code}-签署版.pdf`, mimeType: 'application/pdf', buffer: SIGNED_PDF },
  });

  // The signed text is on the summary tab and opens as the PDF that was uploaded.
  await agreements.tab('概况');
  const signed = await agreements.openDocument(`${code}-签署版.pdf`);
  expect(signed.status()).toBe(200);
  expect(signed.headers()['content-type']).toBe('application/pdf');
  expect((await signed.body()).toString('latin1')).toBe(SIGNED_PDF.toString('latin1'));

  await agreements.tab('绩效看板');
  await expect(agreements.figure('dispatch.person_times')).toContainText('0');
  await expect(page.getByRole('table', { name: '目标进度' }).getByRole('row')).toHaveCount(3);

  await agreements.recordBatch({ startsOn: today, endsOn: today, expert: '程家明', activities: [{ kind: '门诊', onDate: today, quantity: 23 }] });
  await expect(page.getByRole('table', { name: '专家派驻' }).getByRole('row').filter({ hasText: '第 1 批' })).toContainText('程家明');
  await agreements.recordTrainee({ name: '测试学员', startsOn: today, endsOn: `${year + 1}-06-30` });
  await expect(page.getByRole('table', { name: '进修' })).toContainText('测试学员');

  await agreements.tab('绩效看板');
  await expect(agreements.figure('dispatch.person_times')).toContainText('1');
  await expect(agreements.figure('dispatch.patients_seen')).toContainText('23');
  await expect(agreements.figure('training.trainees')).toContainText('1');
  await agreements.figure('dispatch.patients_seen').click();
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: '23' })).toBeVisible();
  await page.keyboard.press('Escape');

  const xlsx = await agreements.downloadReport(year, 'Excel');
  expect(xlsx.suggestedFilename()).toBe(`${code}-${year}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
  const figures = new Map<string, string>();
  wb.getWorksheet('主要指标')?.eachRow((row) => figures.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  expect(figures.get('派驻专家人次')).toBe('1');
  expect(figures.get('门诊诊治患者人次')).toBe('23');
  expect(figures.get('进修人员')).toBe('1');
  const dispatch = wb.getWorksheet('专家派驻');
  expect(String(dispatch?.getRow(2).getCell(5).value)).toContain('程家明');
  expect(wb.getWorksheet('进修人员')?.getRow(2).getCell(1).value).toBe('测试学员');

  const pdf = await agreements.downloadReport(year, 'PDF');
  expect(pdf.suggestedFilename()).toBe(`${code}-${year}.pdf`);
  const bytes = await readFile(await pdf.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);
  // The title (agreement name + "年度工作报告") is in the document information dictionary as UTF-16BE.
  const title = Buffer.from(`端到端测试协议 ${code}`, 'utf16le').swap16().toString('hex').toUpperCase();
  expect(bytes.toString('latin1').toUpperCase()).toContain(title.slice(0, 40));
});

test('the provincial program manager sees the agreements they supervise, with figures', async ({ page, signIn }) => {
  await signIn(page, 'hebei.manager', { path: '/agreements/overview' });
  const table = page.getByRole('table', { name: '所监管协议总览' });
  await expect(table.getByRole('row').filter({ hasText: '北京协和医院与沧州市中心医院' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '首都儿科研究所' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '青海' })).toHaveCount(0);
  await table.getByRole('link', { name: /北京协和医院与沧州市中心医院/ }).click();
  await page.getByRole('tab', { name: '绩效看板' }).click();
  await expect(page.getByRole('table', { name: '目标进度' })).toContainText('派驻专家人次');
});

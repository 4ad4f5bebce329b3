/**
 * HTML → PDF with headless Chromium (playwright-core, Debian's /usr/bin/chromium; fonts-noto-cjk gives
 * the Chinese glyphs). Chosen over pdfmake because CJK fonts then come from the system instead of a
 * 20 MB font bundled in the app, and one HTML template serves the web preview and the PDF.
 * One browser is started on first use and reused; `close()` stops it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../http/errors.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export function createPdfRenderer(executablePath?: string): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  const launch = () => {
    const path = executablePath ?? CANDIDATES.find((p) => existsSync(p));
    if (!path) {
      throw new AppError(503, 'report.renderer_unavailable', { zh: '服务器未安装 Chromium，无法生成 PDF', en: 'Chromium is not installed on the server; PDF unavailable' });
    }
    return chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  };
  return {
    async render(html) {
      browser ??= launch();
      let b: Browser;
      try {
        b = await browser;
      } catch (error) {
        browser = undefined;
        throw error;
      }
      const context = await b.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
      } finally {
        await context.close();
      }
    },
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}

export const escapeHtml = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

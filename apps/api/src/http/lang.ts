import type { Locale } from '@yilian/contracts';

/** Picks zh-CN or en from `?lang=`, the `yl_lang` cookie or Accept-Language (zh is the default). */
export function pickLocale(input: { query?: unknown; cookie?: string | undefined; acceptLanguage?: string | undefined }): Locale {
  const fromQuery =
    typeof input.query === 'object' && input.query !== null && 'lang' in input.query
      ? String((input.query as { lang: unknown }).lang)
      : undefined;
  const candidate = fromQuery ?? input.cookie;
  if (candidate === 'en' || candidate === 'zh-CN') return candidate;
  const header = input.acceptLanguage?.toLowerCase() ?? '';
  if (header.startsWith('en')) return 'en';
  return 'zh-CN';
}

import type { Locale } from '@yilian/contracts';
import type { FastifyRequest } from 'fastify';

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

/** The language a request asks its answer in (error messages, reports). */
export function requestLocale(req: FastifyRequest): Locale {
  return pickLocale({
    query: req.query,
    cookie: (req.cookies as Record<string, string | undefined> | undefined)?.yl_lang,
    acceptLanguage: req.headers['accept-language'],
  });
}

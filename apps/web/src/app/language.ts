/**
 * The UI language: zh-CN by default, remembered in localStorage and in the `yl_lang` cookie (which the
 * API also reads, so server messages follow the UI even before a request sets Accept-Language).
 */
import type { Locale } from '@yilian/contracts';

export const LANGUAGES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'yl_lang';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function storedLanguage(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage disabled: fall back to the cookie
  }
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${STORAGE_KEY}=`));
  const value = cookie?.slice(STORAGE_KEY.length + 1);
  return isLocale(value) ? value : 'zh-CN';
}

export function rememberLanguage(lang: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the API reads (yl_lang); no Cookie Store API in every browser
  document.cookie = `${STORAGE_KEY}=${lang}; path=/; max-age=${365 * 24 * 3600}; SameSite=Strict`;
  document.documentElement.lang = lang;
}

/**
 * Translation files: apps/web/translations/<locale>/<namespace>.json, one namespace per domain so that
 * features never edit one shared file. Found with import.meta.glob, so a new file needs no registration.
 */
import type { Locale } from '@yilian/contracts';

export type TranslationTree = { [key: string]: string | TranslationTree };

const files = import.meta.glob<TranslationTree>('../../translations/*/*.json', { eager: true, import: 'default' });

/** `{ 'zh-CN': { common: {...}, auth: {...} }, en: {...} }` */
export function translationResources(): Record<string, Record<string, TranslationTree>> {
  const resources: Record<string, Record<string, TranslationTree>> = {};
  for (const [path, tree] of Object.entries(files)) {
    const match = /translations\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, namespace] = match as unknown as [string, string, string];
    resources[locale] ??= {};
    resources[locale][namespace] = tree;
  }
  return resources;
}

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Every translation namespace exists in zh-CN and en with exactly the same keys (recursively), no empty
 * values and the same {{placeholders}}. Runs in plain node: the files are read through the same
 * import.meta.glob the app uses.
 */
import { describe, expect, it } from 'vitest';
import { type TranslationTree, translationResources } from './translations';

const resources = translationResources();
const LOCALES = ['zh-CN', 'en'] as const;

function leaves(tree: TranslationTree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has both locales and the foundation namespaces', () => {
    expect(Object.keys(resources).sort()).toEqual(['en', 'zh-CN']);
    for (const ns of ['common', 'auth', 'network', 'admin', 'audit']) {
      for (const locale of LOCALES) expect(resources[locale]?.[ns], `${locale}/${ns}.json`).toBeTypeOf('object');
    }
  });

  it('has the same namespaces in every locale', () => {
    expect(Object.keys(resources['en'] ?? {}).sort()).toEqual(Object.keys(resources['zh-CN'] ?? {}).sort());
  });

  const namespaces = Object.keys(resources['zh-CN'] ?? {}).sort();
  it.each(namespaces)('namespace %s: same keys, no empty values, same placeholders', (ns) => {
    const zh = leaves(resources['zh-CN']?.[ns] ?? {});
    const en = leaves(resources['en']?.[ns] ?? {});
    expect([...en.keys()].sort(), `keys of en/${ns}.json vs zh-CN/${ns}.json`).toEqual([...zh.keys()].sort());
    for (const locale of LOCALES) {
      for (const [key, value] of locale === 'en' ? en : zh) {
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}/${ns}.json ${key} must be a non-empty string`).toBe(true);
      }
    }
    for (const [key, value] of zh) {
      const other = en.get(key);
      if (typeof value === 'string' && typeof other === 'string') {
        expect(placeholders(other), `placeholders of ${ns}:${key}`).toEqual(placeholders(value));
      }
    }
  });
});

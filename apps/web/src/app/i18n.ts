import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@yilian/contracts';
import { setRequestLanguage } from '../api/client';
import { rememberLanguage, storedLanguage } from './language';
import { translationResources } from './translations';

const resources = translationResources();
const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'zh-CN',
  ns: Object.keys(resources['zh-CN'] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function apply(lang: Locale): void {
  setRequestLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  rememberLanguage(lang);
}
apply(initial);

export async function changeLanguage(lang: Locale): Promise<void> {
  apply(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };

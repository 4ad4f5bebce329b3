import type { Locale } from '@yilian/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';

/** 中文 / English; the choice is remembered (localStorage and the `yl_lang` cookie). */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation('common');
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('shell.language')}
      data-testid="language-switch"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(lang) => void changeLanguage(lang)}
    />
  );
}

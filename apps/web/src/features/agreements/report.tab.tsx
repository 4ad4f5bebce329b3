import type { AgreementDto } from '@yilian/contracts';
import { Alert, Button, Card, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { download } from './agreements.resource';

export function ReportTab({ agreement }: { agreement: AgreementDto }) {
  const { t, i18n } = useTranslation('agreements');
  const [year, setYear] = useState<number>(Math.min(new Date().getFullYear(), Number(agreement.endsOn.slice(0, 4))));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const get = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    setError(null);
    try {
      await download(`/api/agreements/${agreement.id}/reports/annual.${format}?year=${year}&lang=${lang}`, `${agreement.code}-${year}.${format}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('tab.report')}>
      <Space direction="vertical">
        <Alert type="info" showIcon title={t('report.hint')} />
        <Space className="yl-toolbar">
          <span>{t('report.year')}</span>
          <InputNumber aria-label={t('report.year')} min={Number(agreement.startsOn.slice(0, 4))} max={Number(agreement.endsOn.slice(0, 4))} value={year} onChange={(v) => v && setYear(v)} />
          <Button type="primary" loading={busy === 'pdf'} onClick={() => void get('pdf')}>
            {t('report.pdf')}
          </Button>
          <Button loading={busy === 'xlsx'} onClick={() => void get('xlsx')}>
            {t('report.xlsx')}
          </Button>
        </Space>
        <ErrorAlert error={error} />
      </Space>
    </Card>
  );
}

import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AgreementFiguresTable } from './agreement-figures.table';
import { useOverview } from './agreements.resource';

export function OverviewPage() {
  const { t } = useTranslation('agreements');
  const query = useOverview({});
  return (
    <>
      <PageHeader title={t('overviewTitle')} subtitle={query.data ? `${query.data.from} — ${query.data.to}` : undefined} />
      <Card>
        <PageState query={query} isEmpty={(d) => d.rows.length === 0}>
          {(d) => <AgreementFiguresTable rows={d.rows} totals={d.totals} label={t('overviewTitle')} period={d} />}
        </PageState>
      </Card>
    </>
  );
}

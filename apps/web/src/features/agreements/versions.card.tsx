import type { AgreementDto, AgreementVersionDto } from '@yilian/contracts';
import { Card, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../ui/page-state';
import { useVersions } from './agreements.resource';
import { type AgreementSnapshot, describeChanges, type VersionChange } from './version-changes';

/**
 * The amendment history: each row is one change (version n → n + 1) with its reason, what it changed and the
 * state before it. The state after a row is the next row's snapshot, or the agreement as it is now.
 */
export function VersionsCard({ agreement }: { agreement: AgreementDto }) {
  const { t, i18n } = useTranslation('agreements');
  const versions = useVersions(agreement.id);
  const en = i18n.language === 'en';
  const label = (c: VersionChange): string => {
    if (c.key === 'status') return t('amend.changed.status', { status: t(`status.${c.to}`) });
    if (c.key === 'parties' || c.key === 'phases' || c.key === 'targets') return t(`amend.changed.${c.key}`, { from: c.from, to: c.to });
    return t(`amend.changed.${c.key}`);
  };
  return (
    <Card size="small" title={t('amend.history')}>
      <PageState query={versions} isEmpty={(d) => d.length === 0} empty={t('amend.noHistory')}>
        {(d) => {
          const snapshot = (v: AgreementVersionDto): AgreementSnapshot => v.snapshot as AgreementSnapshot;
          const after = (v: AgreementVersionDto): AgreementSnapshot => {
            const next = d.find((x) => x.version === v.version + 1);
            return next ? snapshot(next) : agreement;
          };
          return (
            <Table<AgreementVersionDto>
              rowKey="version"
              size="small"
              aria-label={t('amend.history')}
              pagination={false}
              dataSource={d}
              columns={[
                { title: t('amend.version'), render: (_, v) => `${v.version} → ${v.version + 1}`, width: 80 },
                { title: t('amend.changedAt'), render: (_, v) => dayjs(v.changedAt).format('YYYY-MM-DD HH:mm'), width: 150 },
                { title: t('amend.reason'), render: (_, v) => v.reason ?? '—' },
                {
                  title: t('amend.changes'),
                  render: (_, v) => {
                    const changes = describeChanges(snapshot(v), after(v));
                    return changes.length === 0 ? '—' : (
                      <Space size={[4, 4]} wrap>
                        {changes.map((c) => (
                          <Tag key={c.key}>{label(c)}</Tag>
                        ))}
                      </Space>
                    );
                  },
                },
                {
                  title: t('amend.before'),
                  render: (_, v) => {
                    const s = snapshot(v);
                    return `${(en ? s.titleEn : s.titleZh) ?? ''} · ${s.startsOn ?? ''} — ${s.endsOn ?? ''}`;
                  },
                },
              ]}
            />
          );
        }}
      </PageState>
    </Card>
  );
}

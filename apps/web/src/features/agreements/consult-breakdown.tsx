import type { MetricKey } from '@yilian/contracts';
import { Button, Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';

const GROUPS = ['by_kind', 'by_urgency', 'by_tier'] as const;
type Group = (typeof GROUPS)[number];

interface Line {
  key: string;
  label: string;
  value: number;
}

const parse = (key: string): [Group, string] | null => {
  const [, group, rest] = key.match(/^consult\.(by_kind|by_urgency|by_tier)\.(.+)$/) ?? [];
  return group && rest ? [group as Group, rest] : null;
};

/** A breakdown key (`consult.by_kind.mdt`, `consult.by_tier.county>national`) in the reader's language. */
export function useBreakdownLabel(): (key: string) => string {
  const { t } = useTranslation(['agreements', 'consults', 'common']);
  return (key) => {
    const parsed = parse(key);
    if (!parsed) return key;
    const [group, value] = parsed;
    if (group === 'by_kind') return t(`consults:kind.${value}`);
    if (group === 'by_urgency') return t(`consults:urgency.${value}`);
    const [from = '', to = ''] = value.split('>');
    return `${t(`common:tier.${from}`)} → ${to === 'none' ? t('breakdown.noTarget') : t(`common:tier.${to}`)}`;
  };
}

/** The consult breakdowns a figure set carries, grouped and labelled, largest first. */
function useLines(figures: Partial<Record<string, number | null>>): Record<Group, Line[]> {
  const label = useBreakdownLabel();
  const out: Record<Group, Line[]> = { by_kind: [], by_urgency: [], by_tier: [] };
  for (const [key, value] of Object.entries(figures)) {
    const parsed = parse(key);
    if (!parsed || !value) continue;
    out[parsed[0]].push({ key, label: label(key), value });
  }
  for (const g of GROUPS) out[g].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return out;
}

/**
 * Consults by kind, urgency and tier pair (requesting → target tier); each count opens the consults behind it
 * (`onPick` gets the breakdown key, to drill down `consult.total` with it).
 */
export function ConsultBreakdown({ figures, onPick, testId }: { figures: Partial<Record<MetricKey | string, number | null>>; onPick: (breakdown: string) => void; testId: string }) {
  const { t } = useTranslation('agreements');
  const lines = useLines(figures);
  return (
    <Card size="small" title={t('breakdown.title')} data-testid={testId}>
      <Row gutter={[16, 12]}>
        {GROUPS.map((g) => (
          <Col key={g} xs={24} md={8}>
            <Table<Line>
              rowKey="key"
              size="small"
              aria-label={t(`breakdown.${g}`)}
              pagination={false}
              dataSource={lines[g]}
              locale={{ emptyText: t('breakdown.none') }}
              columns={[
                { title: t(`breakdown.${g}`), dataIndex: 'label' },
                {
                  title: t('breakdown.count'),
                  width: 90,
                  align: 'right',
                  render: (_, l) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(l.key)} aria-label={`${l.label} ${l.value}`}>
                      {l.value}
                    </Button>
                  ),
                },
              ]}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

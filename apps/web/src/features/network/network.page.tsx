import { ClearOutlined } from '@ant-design/icons';
import { GRADES, INSTITUTION_TYPES, type InstitutionDto, TIERS } from '@yilian/contracts';
import { Button, Card, Input, Select, Statistic, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { TierTag, useEnumLabels, useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { NetworkTree } from './network-tree';
import { type InstitutionFilters, useInstitutions, useInstitutionTree } from './network.resource';

const FILTER_KEYS = ['q', 'tier', 'grade', 'type', 'division'] as const;

/** Filters live in the URL (shareable, back button works). */
function useFilters(): [InstitutionFilters, (patch: Partial<InstitutionFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: InstitutionFilters = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const update = (patch: Partial<InstitutionFilters>) => {
    const next = { ...filters, ...patch };
    if (!('page' in patch)) next.page = 1;
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) search.set(k, String(v));
    setParams(search, { replace: true });
  };
  return [filters, update];
}

function TierSummary() {
  const { t } = useTranslation('common');
  const tree = useInstitutionTree();
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const i of tree.data ?? []) if (i.type !== 'authority') c.set(i.tier, (c.get(i.tier) ?? 0) + 1);
    return c;
  }, [tree.data]);
  if (!tree.data) return null;
  return (
    <Card size="small" className="yl-tier-summary" aria-label={t('network:summary')}>
      {TIERS.map((tier) => (
        <Statistic key={tier} title={t(`tier.${tier}`)} value={counts.get(tier) ?? 0} />
      ))}
      <Statistic title={t('network:authorities')} value={(tree.data ?? []).filter((i) => i.type === 'authority').length} />
    </Card>
  );
}

export function NetworkPage() {
  const { t, i18n } = useTranslation('network');
  const labels = useEnumLabels();
  const name = useLocalName();
  const [filters, setFilters] = useFilters();
  const query = useInstitutions(filters);
  const en = i18n.language === 'en';

  const columns: TableColumnsType<InstitutionDto> = [
    {
      title: t('col.name'),
      key: 'name',
      width: '34%',
      render: (_, r) => (
        <div>
          <Link to={`/network/${r.id}`}>{name(r)}</Link>
          <div className="yl-muted">
            {r.code}
            {!en && r.shortNameZh && r.shortNameZh !== r.nameZh ? ` · ${r.shortNameZh}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('col.tier'), dataIndex: 'tier', width: 90, render: (v: InstitutionDto['tier']) => <TierTag tier={v} /> },
    { title: t('col.grade'), dataIndex: 'grade', width: 100, render: (v: InstitutionDto['grade']) => labels.grade(v) },
    { title: t('col.type'), dataIndex: 'type', width: 150, render: (v: InstitutionDto['type']) => labels.type(v) },
    {
      title: t('col.region'),
      key: 'region',
      width: 170,
      render: (_, r) => (
        <div>
          {en ? r.regionEn : r.regionZh}
          <div className="yl-muted yl-num">{r.divisionCode}</div>
        </div>
      ),
    },
    { title: t('col.departments'), dataIndex: 'departmentCount', width: 80, align: 'right', className: 'yl-num' },
    { title: t('col.practitioners'), dataIndex: 'practitionerCount', width: 80, align: 'right', className: 'yl-num' },
  ];

  const hasFilters = FILTER_KEYS.some((k) => filters[k]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <TierSummary />
      <div className="yl-split">
        <Card size="small" title={t('tree.title')} className="yl-tree-card">
          <NetworkTree />
        </Card>
        <Card size="small" title={t('table.title')}>
          <search className="yl-toolbar" aria-label={t('table.filters')}>
            <Input.Search
              key={`q-${filters.q ?? ''}`}
              defaultValue={filters.q}
              allowClear
              placeholder={t('filter.q')}
              aria-label={t('filter.q')}
              onSearch={(q) => setFilters({ q: q.trim() || undefined })}
              style={{ width: 240 }}
            />
            <Select
              allowClear
              aria-label={t('filter.tier')}
              placeholder={t('filter.tier')}
              value={filters.tier}
              onChange={(tier?: string) => setFilters({ tier })}
              options={TIERS.map((v) => ({ value: v, label: labels.tier(v) }))}
              style={{ width: 110 }}
            />
            <Select
              allowClear
              aria-label={t('filter.grade')}
              placeholder={t('filter.grade')}
              value={filters.grade}
              onChange={(grade?: string) => setFilters({ grade })}
              options={GRADES.map((v) => ({ value: v, label: labels.grade(v) }))}
              style={{ width: 120 }}
            />
            <Select
              allowClear
              aria-label={t('filter.type')}
              placeholder={t('filter.type')}
              value={filters.type}
              onChange={(type?: string) => setFilters({ type })}
              options={INSTITUTION_TYPES.map((v) => ({ value: v, label: labels.type(v) }))}
              style={{ width: 160 }}
              popupMatchSelectWidth={false}
            />
            <Input.Search
              key={`d-${filters.division ?? ''}`}
              defaultValue={filters.division}
              allowClear
              placeholder={t('filter.division')}
              aria-label={t('filter.division')}
              maxLength={6}
              onSearch={(d) => setFilters({ division: /^\d{2,6}$/.test(d.trim()) ? d.trim() : undefined })}
              style={{ width: 170 }}
            />
            {hasFilters && (
              <Button icon={<ClearOutlined />} onClick={() => setFilters({ q: undefined, tier: undefined, grade: undefined, type: undefined, division: undefined })}>
                {t('common:action.reset')}
              </Button>
            )}
          </search>
          <PageState query={query} isEmpty={(d) => d.total === 0} empty={<EmptyResult filtered={hasFilters} />}>
            {(data) => (
              <Table<InstitutionDto>
                aria-label={t('table.title')}
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={data.items}
                loading={query.isFetching && !query.isLoading}
                pagination={{
                  current: data.page,
                  pageSize: data.pageSize,
                  total: data.total,
                  showSizeChanger: true,
                  pageSizeOptions: [20, 50, 100],
                  showTotal: (total) => t('common:pagination.total', { total }),
                  onChange: (page, pageSize) => setFilters({ page, pageSize }),
                }}
              />
            )}
          </PageState>
        </Card>
      </div>
    </>
  );
}

function EmptyResult({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation('network');
  return <div className="yl-empty" data-testid="page-empty">{filtered ? t('table.noMatch') : t('table.empty')}</div>;
}

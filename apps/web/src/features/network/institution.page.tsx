import { HomeOutlined } from '@ant-design/icons';
import type { DepartmentDto, InstitutionDetailDto, PractitionerDto, WardDto } from '@yilian/contracts';
import { Badge, Card, Descriptions, Empty, Table, type TableColumnsType, Tabs, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { TierTag, useEnumLabels, useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { ancestorsOf, useInstitution, useInstitutionTree } from './network.resource';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function InstitutionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('network');
  if (!UUID.test(id)) return <ErrorAlert error={new Error(t('detail.badId'))} />;
  return <InstitutionDetail id={id} />;
}

function InstitutionDetail({ id }: { id: string }) {
  const { t } = useTranslation('network');
  const query = useInstitution(id);
  const tree = useInstitutionTree();
  const name = useLocalName();
  const crumbs = [
    { label: <HomeOutlined aria-label={t('nav')} />, to: '/network' },
    ...ancestorsOf(tree.data ?? [], id).map((a) => ({ label: name(a), to: `/network/${a.id}` })),
    { label: query.data ? name(query.data) : '…' },
  ];
  return (
    <>
      <PageHeader title={query.data ? name(query.data) : t('detail.title')} crumbs={crumbs} />
      <PageState query={query} rows={10}>
        {(inst) => <InstitutionDirectory inst={inst} />}
      </PageState>
    </>
  );
}

/** Profile and the departments / wards / practitioners tabs of one institution (also used by the admin page). */
export function InstitutionDirectory({ inst }: { inst: InstitutionDetailDto }) {
  const { t, i18n } = useTranslation('network');
  const labels = useEnumLabels();
  const name = useLocalName();
  const en = i18n.language === 'en';
  const beds = inst.wards.reduce((n, w) => n + w.beds.length, 0);
  const deptName = (id: string | null) => name(inst.departments.find((d) => d.id === id)) || '—';
  const specialty = (s: string) => t(`specialty.${s}`, { defaultValue: s.replace(/_/g, ' ') });

  const deptColumns: TableColumnsType<DepartmentDto> = [
    { title: t('col.department'), key: 'name', render: (_, d) => name(d) },
    { title: t('col.code'), dataIndex: 'code', width: 120 },
    { title: t('col.specialty'), dataIndex: 'specialty', render: specialty },
    { title: t('col.wards'), key: 'wards', width: 80, align: 'right', render: (_, d) => inst.wards.filter((w) => w.departmentId === d.id).length },
    { title: t('col.practitioners'), key: 'prac', width: 90, align: 'right', render: (_, d) => inst.practitioners.filter((p) => p.departmentId === d.id).length },
    { title: t('col.status'), dataIndex: 'active', width: 90, render: (a: boolean) => <Badge status={a ? 'success' : 'default'} text={a ? t('active') : t('inactive')} /> },
  ];
  const wardColumns: TableColumnsType<WardDto> = [
    {
      title: t('col.ward'),
      key: 'name',
      render: (_, w) => (
        <span>
          {name(w)} {w.isReferralWard && <Tag color="processing">{t('referralWard')}</Tag>}
        </span>
      ),
    },
    { title: t('col.code'), dataIndex: 'code', width: 120 },
    { title: t('col.department'), key: 'dept', render: (_, w) => deptName(w.departmentId) },
    { title: t('col.beds'), key: 'beds', width: 90, align: 'right', render: (_, w) => w.beds.length },
    { title: t('col.bedsInService'), key: 'inService', width: 110, align: 'right', render: (_, w) => w.beds.filter((b) => b.inService).length },
  ];
  const practitionerColumns: TableColumnsType<PractitionerDto> = [
    { title: t('col.practitioner'), key: 'name', render: (_, p) => (en ? p.nameEn : p.nameZh) },
    { title: t('col.title'), dataIndex: 'title', width: 150, render: (v: PractitionerDto['title']) => labels.title(v) },
    { title: t('col.department'), key: 'dept', render: (_, p) => deptName(p.departmentId) },
    { title: t('col.specialties'), dataIndex: 'specialties', render: (s: string[]) => s.map((x) => <Tag key={x}>{specialty(x)}</Tag>) },
    { title: t('col.account'), dataIndex: 'userId', width: 90, render: (u: string | null) => (u ? <Tooltip title={t('hasAccount')}><Badge status="success" text={t('common:yes')} /></Tooltip> : <span className="yl-muted">—</span>) },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} aria-label={t('detail.profile')}>
          <Descriptions.Item label={t('col.code')}>{inst.code}</Descriptions.Item>
          <Descriptions.Item label={t('col.tier')}><TierTag tier={inst.tier} /></Descriptions.Item>
          <Descriptions.Item label={t('col.grade')}>{labels.grade(inst.grade)}</Descriptions.Item>
          <Descriptions.Item label={t('col.type')}>{labels.type(inst.type)}</Descriptions.Item>
          <Descriptions.Item label={t('col.region')}>{en ? inst.regionEn : inst.regionZh}</Descriptions.Item>
          <Descriptions.Item label={t('col.division')}>{inst.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('detail.otherName')}>{en ? inst.nameZh : inst.nameEn}</Descriptions.Item>
          <Descriptions.Item label={t('col.status')}><Badge status={inst.active ? 'success' : 'default'} text={inst.active ? t('active') : t('inactive')} /></Descriptions.Item>
          {inst.address && <Descriptions.Item label={t('detail.address')}>{inst.address}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'departments',
              label: `${t('tab.departments')} (${inst.departments.length})`,
              children: inst.departments.length ? <Table aria-label={t('tab.departments')} rowKey="id" size="small" columns={deptColumns} dataSource={inst.departments} pagination={false} /> : <Empty description={t('detail.noDepartments')} />,
            },
            {
              key: 'wards',
              label: `${t('tab.wards')} (${inst.wards.length} · ${t('bedCount', { count: beds })})`,
              children: inst.wards.length ? (
                <Table
                  aria-label={t('tab.wards')}
                  rowKey="id"
                  size="small"
                  columns={wardColumns}
                  dataSource={inst.wards}
                  pagination={false}
                  expandable={{ expandedRowRender: (w) => <div className="yl-beds">{w.beds.map((b) => <Tag key={b.id} color={b.inService ? 'green' : 'default'}>{b.code}</Tag>)}</div> }}
                />
              ) : (
                <Empty description={t('detail.noWards')} />
              ),
            },
            {
              key: 'practitioners',
              label: `${t('tab.practitioners')} (${inst.practitioners.length})`,
              children: inst.practitioners.length ? <Table aria-label={t('tab.practitioners')} rowKey="id" size="small" columns={practitionerColumns} dataSource={inst.practitioners} pagination={false} /> : <Empty description={t('detail.noPractitioners')} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

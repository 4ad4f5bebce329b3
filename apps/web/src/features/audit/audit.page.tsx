import { DownloadOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEventDto } from '@yilian/contracts';
import { Alert, Button, Card, DatePicker, Form, Input, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { useInstitutionTree } from '../network/network.resource';
import { type AuditFilters, useAuditEvents, useExportCsv, useVerifyChain } from './audit.resource';

interface FilterForm {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  patientId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 50 });
  const query = useAuditEvents(filters);
  const verify = useVerifyChain();
  const exportCsv = useExportCsv();
  const tree = useInstitutionTree();
  const name = useLocalName();
  const [form] = Form.useForm<FilterForm>();
  const institutions = useMemo(() => new Map((tree.data ?? []).map((i) => [i.id, i])), [tree.data]);

  const handleSearch = (v: FilterForm) => {
    const text = (s?: string) => s?.trim() || undefined;
    setFilters({
      page: 1,
      pageSize: filters.pageSize,
      actor: text(v.actor),
      action: text(v.action),
      entityType: text(v.entityType),
      entityId: text(v.entityId),
      patientId: text(v.patientId),
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  };

  const columns: TableColumnsType<AuditEventDto> = [
    { title: t('col.id'), dataIndex: 'id', width: 70, className: 'yl-num' },
    { title: t('col.at'), dataIndex: 'at', width: 160, className: 'yl-num', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('col.actor'), dataIndex: 'actorUsername', width: 130, render: (v: string | null) => v ?? <span className="yl-muted">{t('system')}</span> },
    {
      title: t('col.institution'),
      dataIndex: 'actorInstitutionId',
      ellipsis: true,
      render: (id: string | null) => (id ? name(institutions.get(id)) || <code>{id.slice(0, 8)}</code> : '—'),
    },
    {
      title: t('col.action'),
      dataIndex: 'action',
      width: 200,
      render: (v: string) => (
        <Tooltip title={v}>
          <span>{t(`action.${v.replace(/\./g, '_')}`, { defaultValue: v })}</span>
        </Tooltip>
      ),
    },
    { title: t('col.entity'), key: 'entity', width: 220, ellipsis: true, render: (_, e) => <span>{e.entityType}{e.entityId ? <span className="yl-muted"> {e.entityId.slice(0, 8)}</span> : null}</span> },
    { title: t('col.patient'), dataIndex: 'patientId', width: 100, render: (v: string | null) => (v ? <Tooltip title={v}><code>{v.slice(0, 8)}</code></Tooltip> : '—') },
    { title: t('col.ip'), dataIndex: 'ip', width: 110 },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('verify')}
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} loading={exportCsv.isPending} onClick={() => exportCsv.mutate(filters)}>
              {t('export')}
            </Button>
          </>
        }
      />
      {verify.data && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable
          type={verify.data.ok ? 'success' : 'error'}
          data-testid="verify-result"
          title={verify.data.ok ? t('verifyOk', { checked: verify.data.checked }) : t('verifyBroken', { id: verify.data.firstBrokenId ?? '?', checked: verify.data.checked })}
          description={verify.data.reason ?? undefined}
        />
      )}
      {verify.error && <ErrorAlert error={verify.error} />}
      {exportCsv.error && <ErrorAlert error={exportCsv.error} />}
      <Card size="small">
        <Form<FilterForm> form={form} layout="inline" className="yl-filter-form" onFinish={handleSearch} aria-label={t('filters')}>
          <Form.Item name="actor" label={t('filter.actor')}>
            <Input allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="action" label={t('filter.action')} tooltip={t('filter.actionHint')}>
            <Input allowClear style={{ width: 170 }} placeholder="institution." />
          </Form.Item>
          <Form.Item name="entityType" label={t('filter.entityType')}>
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="entityId" label={t('filter.entityId')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="patientId" label={t('filter.patientId')} rules={[{ pattern: UUID, message: t('filter.uuid') }]}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="range" label={t('filter.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common:action.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({ page: 1, pageSize: filters.pageSize });
              }}
            >
              {t('common:action.reset')}
            </Button>
          </Form.Item>
        </Form>
        <PageState query={query} isEmpty={(d) => d.total === 0} empty={<div className="yl-empty" data-testid="page-empty">{t('empty')}</div>}>
          {(data) => (
            <Table<AuditEventDto>
              aria-label={t('table')}
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={data.items}
              loading={query.isFetching && !query.isLoading}
              expandable={{
                rowExpandable: (e) => Object.keys(e.details).length > 0 || !!e.entityId,
                expandedRowRender: (e) => (
                  <div className="yl-audit-details">
                    {e.entityId && (
                      <div>
                        {t('col.entity')}: <Typography.Text code copyable>{`${e.entityType}/${e.entityId}`}</Typography.Text>
                      </div>
                    )}
                    {e.patientId && (
                      <div>
                        {t('col.patient')}: <Typography.Text code copyable>{e.patientId}</Typography.Text>
                      </div>
                    )}
                    {Object.keys(e.details).length > 0 && <pre>{JSON.stringify(e.details, null, 2)}</pre>}
                  </div>
                ),
              }}
              pagination={{
                current: data.page,
                pageSize: data.pageSize,
                total: data.total,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (total) => t('common:pagination.total', { total }),
                onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
              }}
            />
          )}
        </PageState>
      </Card>
    </>
  );
}

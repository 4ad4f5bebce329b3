import { CloseOutlined, EditOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UserDto } from '@yilian/contracts';
import { App, Badge, Button, Card, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { useEnumLabels, useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { InstitutionSelect } from '../network/institution-select';
import { type UserFilters, useRevokeRole, useUsers } from './admin.resource';
import { CreateUserModal, EditUserModal, GrantRoleModal } from './user.form';

/** Users with roles in the admin's scope: create, edit/deactivate, grant and revoke roles per institution. */
export function UsersAdmin() {
  const { t } = useTranslation('admin');
  const session = useCurrentSession();
  const labels = useEnumLabels();
  const name = useLocalName();
  const { modal, message } = App.useApp();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const query = useUsers(filters);
  const revoke = useRevokeRole();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [granting, setGranting] = useState<UserDto | null>(null);

  const confirmRevoke = (user: UserDto, r: UserDto['roles'][number]) =>
    void modal.confirm({
      title: t('user.revokeConfirm', { role: labels.role(r.role), institution: name({ nameZh: r.institutionNameZh, nameEn: r.institutionNameEn }), name: user.displayName }),
      okText: t('user.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync({ id: user.id, input: { institutionId: r.institutionId, role: r.role } });
          void message.success(t('saved'));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : String(error));
        }
      },
    });

  const columns: TableColumnsType<UserDto> = [
    { title: t('user.username'), dataIndex: 'username', width: 160, render: (u: string) => <code>{u}</code> },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('user.roles'),
      key: 'roles',
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag
              key={`${r.institutionId}-${r.role}`}
              closable
              closeIcon={<CloseOutlined aria-label={t('user.revoke')} />}
              onClose={(e) => {
                e.preventDefault();
                confirmRevoke(u, r);
              }}
            >
              {name({ nameZh: r.institutionNameZh, nameEn: r.institutionNameEn })} · {labels.role(r.role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('user.status'), dataIndex: 'active', width: 90, render: (a: boolean) => <Badge status={a ? 'success' : 'default'} text={a ? t('user.activeLabel') : t('user.inactiveLabel')} /> },
    {
      title: t('user.actions'),
      key: 'actions',
      width: 190,
      render: (_, u) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={`${t('common:action.edit')} ${u.username}`}>
            {t('common:action.edit')}
          </Button>
          <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => setGranting(u)} aria-label={`${t('user.grant')} ${u.username}`}>
            {t('user.grant')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card size="small">
        <search className="yl-toolbar" aria-label={t('user.filters')}>
          <Input.Search allowClear placeholder={t('user.search')} aria-label={t('user.search')} style={{ width: 240 }} onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined, page: 1 })} />
          <InstitutionSelect
            allowClear
            placeholder={t('user.filterInstitution')}
            aria-label={t('user.filterInstitution')}
            style={{ width: 280 }}
            value={filters.institutionId}
            onChange={(institutionId?: string) => setFilters({ ...filters, institutionId, page: 1 })}
          />
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
            {t('user.create')}
          </Button>
        </search>
        <PageState query={query} isEmpty={(d) => d.total === 0}>
          {(data) => (
            <Table<UserDto>
              aria-label={t('user.list')}
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
                onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
              }}
            />
          )}
        </PageState>
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} institutionId={filters.institutionId ?? session.activeInstitutionId} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <GrantRoleModal user={granting} onClose={() => setGranting(null)} institutionId={filters.institutionId ?? session.activeInstitutionId} />
    </>
  );
}

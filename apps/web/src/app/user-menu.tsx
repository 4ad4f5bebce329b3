import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RoleTag } from '../ui/labels';
import { useCurrentSession, useSignOut } from './session';

export function UserMenu() {
  const session = useCurrentSession();
  const { t } = useTranslation('common');
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const leave = (everywhere: boolean) =>
    signOut.mutate(everywhere, { onSettled: () => void navigate('/login', { replace: true }) });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', type: 'group', label: <Space size={4} wrap>{session.roles.map((r) => <RoleTag key={r} role={r} />)}</Space> },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('shell.signOut'), onClick: () => leave(false) },
          {
            key: 'logout-all',
            icon: <PoweroffOutlined />,
            danger: true,
            label: t('shell.signOutEverywhere'),
            onClick: () =>
              void modal.confirm({
                title: t('shell.signOutEverywhereConfirm'),
                content: t('shell.signOutEverywhereHint'),
                okText: t('shell.signOutEverywhere'),
                okButtonProps: { danger: true },
                cancelText: t('action.cancel'),
                onOk: () => leave(true),
              }),
          },
        ],
      }}
    >
      <Button type="text" aria-label={t('shell.userMenu')} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#0b6e99' }} />
        <span className="yl-user-name">{session.user.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

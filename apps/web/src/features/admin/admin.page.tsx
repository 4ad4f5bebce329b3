import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { InstitutionAdmin } from './institution-admin';
import { UsersAdmin } from './users-admin';

export function AdminPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'users' ? 'users' : 'institutions';
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'users' ? { tab: 'users' } : {}, { replace: true })}
        items={[
          { key: 'institutions', icon: <BankOutlined />, label: t('tab.institutions'), children: <InstitutionAdmin /> },
          { key: 'users', icon: <UserOutlined />, label: t('tab.users'), children: <UsersAdmin /> },
        ]}
      />
    </>
  );
}

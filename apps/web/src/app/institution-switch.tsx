import { BankOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert';
import { useLocalName } from '../ui/labels';
import { useCurrentSession, useSwitchInstitution } from './session';

/** The institution the user acts at; lists the institutions where they hold roles. */
export function InstitutionSwitch() {
  const session = useCurrentSession();
  const { t } = useTranslation('common');
  const name = useLocalName();
  const switcher = useSwitchInstitution();
  const { message } = App.useApp();
  const options = session.memberships.map((m) => ({
    value: m.institutionId,
    label: name({ nameZh: m.institutionNameZh, nameEn: m.institutionNameEn }),
  }));
  if (options.length < 2) {
    return (
      <span className="yl-institution-switch" data-testid="institution-switch" title={t('shell.institution')}>
        <BankOutlined aria-hidden />
        <span className="yl-institution-name">{options[0]?.label}</span>
      </span>
    );
  }
  return (
    <span className="yl-institution-switch" data-testid="institution-switch">
      <BankOutlined aria-hidden />
      <Select
        aria-label={t('shell.institution')}
        variant="borderless"
        value={session.activeInstitutionId}
        options={options}
        disabled={switcher.isPending}
        loading={switcher.isPending}
        popupMatchSelectWidth={false}
        style={{ minWidth: 200, maxWidth: 360 }}
        onChange={(id: string) =>
          switcher.mutate(id, {
            onSuccess: () => void message.success(t('shell.switched')),
            onError: (error) => void message.error(error.message),
          })
        }
      />
      {switcher.error && <ErrorAlert error={switcher.error} />}
    </span>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { LOCALES, ROLES, type UserDto } from '@yilian/contracts';
import { Button, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useEnumLabels } from '../../ui/labels';
import { InstitutionSelect } from '../network/institution-select';
import { type NewUser, useCreateUser, useGrantRole, useUpdateUser } from './admin.resource';

const LOCALE_LABELS: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '中文', en: 'English' };
const PASSWORD_RULES = { min: 10, max: 128, pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/ };

export function CreateUserModal({ open, onClose, institutionId }: { open: boolean; onClose: () => void; institutionId: string }) {
  const { t } = useTranslation('admin');
  const labels = useEnumLabels();
  const create = useCreateUser();
  return (
    <FormModal<NewUser>
      open={open}
      onClose={onClose}
      width={680}
      title={t('user.createTitle')}
      successMessage={t('saved')}
      initialValues={{ locale: 'zh-CN', roles: [{ institutionId, role: 'clinician' }] }}
      onSubmit={(input) => create.mutateAsync(input)}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="username" label={t('user.username')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: t('user.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="password" label={t('user.password')} rules={[{ required: true, ...PASSWORD_RULES, message: t('user.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="locale" label={t('user.locale')}>
            <Select options={LOCALES.map((v) => ({ value: v, label: LOCALE_LABELS[v] }))} />
          </Form.Item>
        </Col>
      </Row>
      <div className="yl-form-section">{t('user.roles')}</div>
      <Form.List name="roles" rules={[{ validator: async (_, v: unknown[] | undefined) => (v?.length ? undefined : Promise.reject(new Error(t('user.rolesRequired')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top">
                <Col flex="auto">
                  <Form.Item name={[field.name, 'institutionId']} rules={[{ required: true }]} label={index === 0 ? t('user.roleInstitution') : undefined}>
                    <InstitutionSelect aria-label={`${t('user.roleInstitution')} ${index + 1}`} />
                  </Form.Item>
                </Col>
                <Col flex="180px">
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} label={index === 0 ? t('user.role') : undefined}>
                    <Select aria-label={`${t('user.role')} ${index + 1}`} options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
                  </Form.Item>
                </Col>
                <Col flex="32px" style={{ paddingTop: index === 0 ? 30 : 4 }}>
                  <Button type="text" aria-label={t('user.removeRole')} icon={<MinusCircleOutlined />} disabled={fields.length < 2} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ institutionId, role: 'clinician' })}>
              {t('user.addRole')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  locale: (typeof LOCALES)[number];
  active: boolean;
  password?: string;
}

export function EditUserModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  return (
    <FormModal<EditValues>
      open={!!user}
      onClose={onClose}
      title={t('user.editTitle', { username: user?.username ?? '' })}
      successMessage={t('saved')}
      initialValues={user ? { displayName: user.displayName, locale: user.locale, active: user.active } : undefined}
      onSubmit={async (values) => {
        if (!user) return;
        await update.mutateAsync({ id: user.id, input: { ...values, password: values.password || undefined, version: user.version } });
      }}
    >
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="locale" label={t('user.locale')}>
        <Select options={LOCALES.map((v) => ({ value: v, label: LOCALE_LABELS[v] }))} />
      </Form.Item>
      <Form.Item name="password" label={t('user.resetPassword')} extra={t('user.resetPasswordHint')} rules={[{ ...PASSWORD_RULES, message: t('user.passwordRule') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="active" label={t('user.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export function GrantRoleModal({ user, onClose, institutionId }: { user: UserDto | null; onClose: () => void; institutionId: string }) {
  const { t } = useTranslation('admin');
  const labels = useEnumLabels();
  const grant = useGrantRole();
  return (
    <FormModal<{ institutionId: string; role: (typeof ROLES)[number] }>
      open={!!user}
      onClose={onClose}
      title={t('user.grantTitle', { name: user?.displayName ?? '' })}
      okText={t('user.grant')}
      successMessage={t('saved')}
      initialValues={{ institutionId }}
      onSubmit={async (input) => {
        if (user) await grant.mutateAsync({ id: user.id, input });
      }}
    >
      <Form.Item name="institutionId" label={t('user.roleInstitution')} rules={[{ required: true }]}>
        <InstitutionSelect />
      </Form.Item>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
      </Form.Item>
    </FormModal>
  );
}

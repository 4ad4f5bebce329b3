import { UserAddOutlined } from '@ant-design/icons';
import type { PatientDto } from '@yilian/contracts';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrors } from '../../ui/error-alert';
import { usePatientSearch, useRegisterPatient } from './patients.resource';

/** Choose a patient this institution may see, or register one (matched by resident ID across the network). */
export function PatientPicker({ value, onChange, id }: { value?: string; onChange?: (id: string) => void; id?: string }) {
  const { t } = useTranslation('patients');
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [extra, setExtra] = useState<PatientDto | null>(null);
  const search = usePatientSearch(q);
  const register = useRegisterPatient();
  const [form] = Form.useForm();
  const items = [...(extra ? [extra] : []), ...(search.data?.items ?? []).filter((p) => p.id !== extra?.id)];

  async function handleRegister() {
    const values = await form.validateFields();
    try {
      const res = await register.mutateAsync(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
      if (res.matched) message.info(t('label.matchedPatient'));
      setExtra(res.patient);
      onChange?.(res.patient.id);
      setOpen(false);
      form.resetFields();
    } catch (error) {
      form.setFields(Object.entries(fieldErrors(error)).map(([name, msg]) => ({ name, errors: [msg] })));
    }
  }

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        showSearch
        id={id}
        aria-label={t('field.patient')}
        value={value}
        onChange={(id: string) => onChange?.(id)}
        filterOption={false}
        onSearch={setQ}
        loading={search.isFetching}
        placeholder={t('field.patient')}
        options={items.map((p) => ({ value: p.id, label: `${p.name} · ${t(`sex.${p.sex}`)} · ${p.birthDate}${p.residentIdLast4 ? ` · ****${p.residentIdLast4}` : ''}` }))}
      />
      <Button icon={<UserAddOutlined />} onClick={() => setOpen(true)}>
        {t('action.registerPatient')}
      </Button>
      <Modal open={open} title={t('action.registerPatient')} onCancel={() => setOpen(false)} onOk={() => void handleRegister()} confirmLoading={register.isPending} okText={t('action.confirm')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ sex: 'female' }}>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sex" label={t('field.sex')} rules={[{ required: true }]}>
            <Radio.Group options={(['female', 'male', 'unknown'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('field.birthDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="residentId" label={t('field.residentId')}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')}>
            <Input />
          </Form.Item>
          <ErrorAlert error={register.error} />
        </Form>
      </Modal>
    </Space.Compact>
  );
}

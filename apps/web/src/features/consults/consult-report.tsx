import type { ConsultDetailDto } from '@yilian/contracts';
import { App, Button, Card, Descriptions, Form, Input, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useConsultAction } from './consults.resource';

/** The structured report: an editor for the assigned expert until signed; read-only with addenda afterwards. */
export function ConsultReport({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const { message } = App.useApp();
  const act = useConsultAction(c.id);
  const [form] = Form.useForm();
  const [addForm] = Form.useForm<{ body: string }>();
  const editable = c.allowedActions.includes('save_report');
  const r = c.report;
  if (!r && !editable) return null;

  async function handleSave(sign: boolean) {
    const values = (await form.validateFields()) as Record<string, unknown>;
    try {
      const saved = await act.mutateAsync({ action: 'report', method: 'PUT', body: { version: c.version, ...values, referralNote: values.referralNote || null } });
      if (sign) await act.mutateAsync({ action: 'sign', body: { version: saved.version } });
      message.success(t('msg.done'));
    } catch {
      // shown below
    }
  }

  return (
    <Card title={t('section.report')} size="small" style={{ marginTop: 16 }} extra={r?.signedAt ? <Tag color="green">{t('label.signedBy', { time: dayjs(r.signedAt).format('YYYY-MM-DD HH:mm') })}</Tag> : r ? <Tag>{t('label.unsigned')}</Tag> : null}>
      {editable ? (
        <Form form={form} name="consult-report" layout="vertical" initialValues={{ impression: r?.impression, recommendations: r?.recommendations, referralAdvised: r?.referralAdvised ?? false, referralNote: r?.referralNote ?? '' }}>
          <Form.Item name="impression" label={t('field.impression')} rules={[{ required: true }, { max: 8000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="recommendations" label={t('field.recommendations')} rules={[{ required: true }, { max: 8000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="referralAdvised" label={t('field.referralAdvised')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="referralNote" label={t('field.referralNote')} rules={[{ max: 1000 }]}>
            <Input />
          </Form.Item>
          <Space>
            <Button onClick={() => void handleSave(false)} loading={act.isPending}>
              {t('action.save_report')}
            </Button>
            <Button type="primary" onClick={() => void handleSave(true)} loading={act.isPending}>
              {t('action.sign')}
            </Button>
          </Space>
        </Form>
      ) : (
        r && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.impression')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="report-impression">
                {r.impression}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.recommendations')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.recommendations}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.referralAdvised')}>
              {r.referralAdvised ? t('label.yes') : t('label.no')} {r.referralNote}
            </Descriptions.Item>
            {r.addenda.map((a) => (
              <Descriptions.Item key={a.id} label={`${t('field.addendum')} · ${dayjs(a.createdAt).format('MM-DD HH:mm')}`}>
                {a.body}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )
      )}
      {c.allowedActions.includes('addendum') && (
        <Form form={addForm} name="consult-addendum" layout="inline" style={{ marginTop: 8 }}>
          <Form.Item name="body" label={t('field.addendum')} rules={[{ required: true }]}>
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Button onClick={() => void addForm.validateFields().then((v) => act.mutateAsync({ action: 'addenda', body: { body: v.body } })).then(() => addForm.resetFields(), () => undefined)}>{t('action.addendum')}</Button>
        </Form>
      )}
      <ErrorAlert error={act.error} />
    </Card>
  );
}

import type { ReferralAction, ReferralDto } from '@yilian/contracts';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { useReferralStep, useWardBoard } from './referrals.resource';

/** Steps that need a dialog; the others run on one click with the version read. */
type DialogAction = 'accept' | 'decline' | 'reserve_bed' | 'depart' | 'discharge' | 'cancel';
const DIALOGS: readonly ReferralAction[] = ['accept', 'decline', 'reserve_bed', 'depart', 'discharge', 'cancel'];
const PATHS: Record<ReferralAction, string> = {
  submit: 'submit', cancel: 'cancel', accept: 'accept', decline: 'decline', reserve_bed: 'reserve-bed', release_bed: 'release-bed', depart: 'depart',
  arrive: 'arrive', admit: 'admit', discharge: 'discharge', acknowledge: 'acknowledge', record_follow_up: '',
};

/** The buttons for what the signed-in user may do next (the server's `actions`), with their dialogs. */
export function ReferralActions({ referral }: { referral: ReferralDto }) {
  const { t } = useTranslation('referrals');
  const { message } = App.useApp();
  const step = useReferralStep(referral.id);
  const [open, setOpen] = useState<DialogAction | null>(null);
  const [submitKey] = useState(newIdempotencyKey);
  const run = async (action: ReferralAction, body: Record<string, unknown> = {}) => {
    await step.mutateAsync({ step: PATHS[action], body: { version: referral.version, ...body }, ...(action === 'submit' ? { key: submitKey } : {}) });
    message.success(t('action.done'));
    setOpen(null);
  };
  const buttons = referral.actions.filter((a) => a !== 'record_follow_up');
  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap>
        {buttons.map((a) => (
          <Button
            key={a}
            type={a === 'cancel' || a === 'decline' || a === 'release_bed' ? 'default' : 'primary'}
            danger={a === 'cancel' || a === 'decline'}
            disabled={step.isPending}
            onClick={() => (DIALOGS.includes(a) ? setOpen(a as DialogAction) : void run(a).catch(() => undefined))}
          >
            {t(`action.${a}`)}
          </Button>
        ))}
      </Space>
      {!open && <ErrorAlert error={step.error} />}
      {open && (
        <StepDialog action={open} referral={referral} pending={step.isPending} error={step.error} onCancel={() => { step.reset(); setOpen(null); }} onSubmit={(body) => run(open, body).catch(() => undefined)} />
      )}
    </>
  );
}

function StepDialog({ action, referral, pending, error, onCancel, onSubmit }: {
  action: DialogAction; referral: ReferralDto; pending: boolean; error: unknown; onCancel: () => void; onSubmit: (body: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation('referrals');
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const needsBed = action === 'accept' || action === 'reserve_bed';
  const wards = useWardBoard(needsBed);
  const name = useLocalName();
  const plan = Form.useWatch('plan', form) ?? 'admission';
  const wardId = Form.useWatch('wardId', form);
  const ward = wards.data?.find((w) => w.id === wardId);
  const initial: Record<string, string> =
    action === 'accept' ? { plan: 'admission' } : action === 'depart' ? { transport: 'ambulance', departureAt: dayjs().format() } : action === 'discharge' ? { code: referral.diagnoses[0]?.code ?? '', display: referral.diagnoses[0]?.display ?? '' } : {};

  function handleOk(v: Record<string, string | undefined>) {
    const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== ''));
    if (action === 'accept') onSubmit(clean({ plan: v.plan, bedId: v.plan === 'admission' ? v.bedId : undefined, appointmentAt: v.appointmentAt ? dayjs(v.appointmentAt).format() : undefined, note: v.note }));
    else if (action === 'reserve_bed') onSubmit({ bedId: v.bedId });
    else if (action === 'decline') onSubmit(clean({ reason: v.reason, alternative: v.alternative }));
    else if (action === 'cancel') onSubmit({ reason: v.reason });
    else if (action === 'depart') onSubmit({ transport: v.transport, departureAt: v.departureAt });
    else onSubmit({ diagnoses: [{ code: (v.code ?? '').trim().toUpperCase(), display: v.display }], course: v.course, recommendations: v.recommendations });
  }

  return (
    <Modal open title={t(`action.${action}`)} okText={t('dialog.confirm')} confirmLoading={pending} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden width={action === 'discharge' ? 720 : 520}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={handleOk}>
        {action === 'accept' && (
          <Form.Item name="plan" label={t('dialog.plan')}>
            <Select options={(['admission', 'outpatient'] as const).map((p) => ({ value: p, label: t(`plans.${p}`) }))} />
          </Form.Item>
        )}
        {action === 'accept' && plan === 'outpatient' && (
          <Form.Item name="appointmentAt" label={t('dialog.appointmentAt')} rules={[{ required: true }]}><Input placeholder="YYYY-MM-DD HH:mm" /></Form.Item>
        )}
        {needsBed && plan === 'admission' && (
          <>
            <Form.Item name="wardId" label={t('dialog.ward')} rules={[{ required: action === 'reserve_bed' }]}>
              <Select
                loading={wards.isLoading}
                allowClear
                onChange={() => form.setFieldValue('bedId', undefined)}
                options={(wards.data ?? []).map((w) => ({ value: w.id, label: `${name(w)}（${t('dialog.freeBeds', { count: w.counts.free })}）` }))}
              />
            </Form.Item>
            <Form.Item name="bedId" label={t('dialog.bed')} rules={[{ required: action === 'reserve_bed' || !!wardId }]}>
              <Select disabled={!ward} options={(ward?.beds ?? []).filter((b) => b.state === 'free').map((b) => ({ value: b.id, label: b.code }))} />
            </Form.Item>
          </>
        )}
        {action === 'accept' && <Form.Item name="note" label={t('dialog.note')}><Input.TextArea rows={2} /></Form.Item>}
        {(action === 'decline' || action === 'cancel') && <Form.Item name="reason" label={t('dialog.reason')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>}
        {action === 'decline' && <Form.Item name="alternative" label={t('dialog.alternative')}><Input.TextArea rows={2} /></Form.Item>}
        {action === 'depart' && (
          <>
            <Form.Item name="transport" label={t('dialog.transport')}>
              <Select options={(['ambulance', 'self'] as const).map((m) => ({ value: m, label: t(`transport.${m}`) }))} />
            </Form.Item>
            <Form.Item name="departureAt" label={t('dialog.departureAt')} rules={[{ required: true }]}><Input /></Form.Item>
          </>
        )}
        {action === 'discharge' && (
          <>
            <Space.Compact block>
              <Form.Item name="code" label={t('form.diagnosisCode')} rules={[{ required: true }]} style={{ width: '35%' }}><Input /></Form.Item>
              <Form.Item name="display" label={t('form.diagnosisName')} rules={[{ required: true }]} style={{ width: '65%' }}><Input /></Form.Item>
            </Space.Compact>
            <Form.Item name="course" label={t('detail.course')} rules={[{ required: true }]}><Input.TextArea rows={4} /></Form.Item>
            <Form.Item name="recommendations" label={t('detail.recommendations')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
          </>
        )}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

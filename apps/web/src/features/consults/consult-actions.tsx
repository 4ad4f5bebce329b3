import { CLOSEOUT_REFERRALS, type ConsultDetailDto, type InstitutionDto, tierRank } from '@yilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { useAddSlot, useConsultAction, useExpertSlots, useExpertSuggestions } from './consults.resource';

/** Actions that need only the version: one click. */
const SIMPLE = ['submit', 'claim', 'confirm_appointment', 'start'] as const;
/** Actions that open a dialog. */
const DIALOG = ['assign', 'schedule', 'request_info', 'escalate', 'closeout', 'decline', 'cancel'] as const;
type DialogAction = (typeof DIALOG)[number];

export function ConsultActions({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const { message } = App.useApp();
  const act = useConsultAction(c.id);
  const [open, setOpen] = useState<DialogAction | null>(null);
  const allowed = new Set(c.allowedActions);

  async function run(action: string, body: Record<string, unknown> = {}) {
    await act.mutateAsync({ action: action.replaceAll('_', '-'), body: { version: c.version, ...body } });
    message.success(t('msg.done'));
    setOpen(null);
  }

  return (
    <>
      <Space wrap>
        {SIMPLE.filter((a) => allowed.has(a)).map((a) => (
          <Button key={a} type={a === 'start' || a === 'submit' ? 'primary' : 'default'} loading={act.isPending} onClick={() => void run(a)}>
            {t(`action.${a}`)}
          </Button>
        ))}
        {DIALOG.filter((a) => allowed.has(a)).map((a) => (
          <Button key={a} danger={a === 'decline' || a === 'cancel'} type={a === 'assign' || a === 'closeout' ? 'primary' : 'default'} onClick={() => { act.reset(); setOpen(a); }}>
            {t(`action.${a}`)}
          </Button>
        ))}
      </Space>
      {!open && <ErrorAlert error={act.error} />}
      {open && <ActionDialog action={open} c={c} pending={act.isPending} error={act.error} onCancel={() => setOpen(null)} onRun={(body) => run(open, body)} />}
    </>
  );
}

function ActionDialog({ action, c, pending, error, onCancel, onRun }: { action: DialogAction; c: ConsultDetailDto; pending: boolean; error: unknown; onCancel: () => void; onRun: (body: Record<string, unknown>) => Promise<void> }) {
  const { t } = useTranslation('consults');
  const [form] = Form.useForm();
  async function handleOk() {
    const values = (await form.validateFields()) as Record<string, unknown>;
    await onRun(values).catch(() => undefined);
  }
  return (
    <Modal open title={t(`action.${action}`)} onCancel={onCancel} onOk={() => void handleOk()} confirmLoading={pending} okText={t('action.confirm')} width={action === 'assign' || action === 'schedule' ? 640 : 520} destroyOnHidden>
      <Form form={form} name={`consult-${action}`} layout="vertical">
        {action === 'assign' && <AssignFields c={c} />}
        {action === 'schedule' && <ScheduleFields c={c} />}
        {action === 'escalate' && <EscalateFields />}
        {(action === 'decline' || action === 'cancel' || action === 'escalate') && (
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true }, { max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'request_info' && (
          <Form.Item name="body" label={t('field.infoRequest')} rules={[{ required: true }, { max: 8000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {action === 'closeout' && (
          <>
            <Form.Item name="useful" label={t('field.useful')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: t('label.yes') }, { value: false, label: t('label.no') }]} />
            </Form.Item>
            <Form.Item name="referral" label={t('field.closeoutReferral')} rules={[{ required: true }]}>
              <Radio.Group options={CLOSEOUT_REFERRALS.map((r) => ({ value: r, label: t(`closeoutReferral.${r}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('field.comment')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}

function AssignFields({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const name = useLocalName();
  const experts = useExpertSuggestions(c.id, true);
  return (
    <Form.Item name="expertUserId" label={t('field.expert')} rules={[{ required: true }]} initialValue={c.assignedExpertUserId ?? undefined}>
      <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {(experts.data ?? []).map((e, i) => (
          <Radio key={e.userId} value={e.userId}>
            <Space size={4} wrap>
              <strong>{name(e)}</strong>
              {i === 0 && <Tag color="green">{t('label.suggested')}</Tag>}
              {e.specialtyMatch && <Tag color="blue">{t('label.specialtyMatch')}</Tag>}
              <Tag>{t('label.load', { count: e.openLoad })}</Tag>
              <span className="yl-muted">{e.nextSlot ? t('label.nextSlot', { time: dayjs(e.nextSlot.startsAt).format('MM-DD HH:mm') }) : t('label.noSlot')}</span>
            </Space>
          </Radio>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

function ScheduleFields({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const expert = c.assignedExpertUserId ?? '';
  const slots = useExpertSlots(expert);
  const add = useAddSlot(expert);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const free = (slots.data ?? []).filter((s) => !s.booked);
  return (
    <>
      <Form.Item name="slotId" label={t('field.slot')} rules={[{ required: true }]}>
        <Select aria-label={t('field.slot')} options={free.map((s) => ({ value: s.id, label: `${dayjs(s.startsAt).format('YYYY-MM-DD HH:mm')} – ${dayjs(s.endsAt).format('HH:mm')}` }))} />
      </Form.Item>
      <Space.Compact>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
        <Button
          loading={add.isPending}
          disabled={!range?.[0] || !range?.[1]}
          onClick={() => range?.[0] && range[1] && void add.mutateAsync({ expertUserId: expert, startsAt: range[0].toISOString(), endsAt: range[1].toISOString() }).then(() => setRange(null), () => undefined)}
        >
          {t('action.addSlot')}
        </Button>
      </Space.Compact>
      <ErrorAlert error={add.error} />
    </>
  );
}

function EscalateFields() {
  const { t } = useTranslation('consults');
  const name = useLocalName();
  const session = useCurrentSession();
  const tree = useQuery({ queryKey: ['institutions', 'tree'], queryFn: ({ signal }) => api.get<InstitutionDto[]>('/api/institutions/tree', undefined, signal), staleTime: 60_000 });
  const me = tree.data?.find((i) => i.id === session.activeInstitutionId);
  const higher = (tree.data ?? []).filter((i) => me && i.type !== 'authority' && tierRank(i.tier) < tierRank(me.tier));
  return (
    <Form.Item name="targetInstitutionId" label={t('field.escalateTo')} rules={[{ required: true }]}>
      <Select aria-label={t('field.escalateTo')} showSearch optionFilterProp="search" options={higher.map((i) => ({ value: i.id, label: name(i), search: `${i.nameZh} ${i.nameEn}` }))} />
    </Form.Item>
  );
}

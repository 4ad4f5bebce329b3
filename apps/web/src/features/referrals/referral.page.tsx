import type { FollowUpVisitDto, ReferralDto, ReferralStatus } from '@yilian/contracts';
import { App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { TierTag, useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AttachmentsByIdCard } from '../patients/attachment-preview';
import { ReferralActions } from './referral-actions';
import { GreenBadge, ResponseTimer, StatusTag, UrgencyTag } from './referral-tags';
import { referralKeys, useReferral } from './referrals.resource';
import { useMutation, useQueryClient } from '@tanstack/react-query';

const TRACK: ReferralStatus[] = ['submitted', 'accepted', 'bed_reserved', 'in_transit', 'arrived', 'admitted', 'discharged', 'closed'];
const fmt = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function ReferralPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('referrals');
  const query = useReferral(id);
  return (
    <PageState query={query}>
      {(r) => (
        <>
          <PageHeader
            title={`${t('title')} ${r.number} · ${r.patient.name}`}
            crumbs={[{ label: t('nav'), to: '/referrals' }, { label: String(r.number) }]}
            subtitle={
              <Space size={4} wrap>
                <StatusTag status={r.status} />
                <Tag>{t(`direction.${r.direction}`)}</Tag>
                <UrgencyTag urgency={r.urgency} />
                {r.greenChannel && <GreenBadge category={r.greenCategory} />}
                <ResponseTimer referral={r} />
                {r.loopFlaggedAt && <Tag color="red">{t('loopFlagged')}</Tag>}
              </Space>
            }
          />
          <Card style={{ marginBottom: 16 }}>
            <ReferralActions referral={r} />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Tracker referral={r} />
              <Overview referral={r} />
              <AttachmentsByIdCard ids={r.attachmentIds} />
              {r.dischargeSummary && <DischargeSummary referral={r} />}
              {r.followUpPlan && <FollowUps referral={r} />}
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('detail.events')}>
                <Timeline
                  items={r.events.map((e) => ({
                    color: e.action === 'escalate' || e.action.endsWith('missed') || e.action === 'loop_flagged' ? 'red' : 'blue',
                    content: (
                      <>
                        <div>{t(`event.${e.action}`, { defaultValue: e.action })}</div>
                        <div className="yl-muted">{fmt(e.at)} {e.actorName ?? ''}</div>
                      </>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </PageState>
  );
}

/** The transfer tracker: the path the referral takes, this step highlighted. */
function Tracker({ referral: r }: { referral: ReferralDto }) {
  const { t } = useTranslation('referrals');
  const track = r.reservation || r.status === 'bed_reserved' ? TRACK : TRACK.filter((s) => s !== 'bed_reserved');
  const current = track.indexOf(r.status);
  const ended = r.status === 'declined' || r.status === 'cancelled';
  return (
    <Card size="small" title={t('detail.tracker')} style={{ marginBottom: 16 }} aria-label={t('detail.tracker')}>
      {ended ? (
        <StatusTag status={r.status} />
      ) : (
        <Steps size="small" current={Math.max(current, 0)} status={r.status === 'closed' ? 'finish' : 'process'} items={track.map((s) => ({ title: t(`status.${s}`) }))} responsive />
      )}
    </Card>
  );
}

function Overview({ referral: r }: { referral: ReferralDto }) {
  const { t } = useTranslation('referrals');
  const name = useLocalName();
  const res = r.reservation;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('form.patient')}>{`${r.patient.name}（${t(`form.sexes.${r.patient.sex}`, { defaultValue: r.patient.sex })}，${r.patient.birthDate}）`}</Descriptions.Item>
        <Descriptions.Item label={t('table.route')}>
          <Space size={4} wrap>{name(r.from)} <TierTag tier={r.from.tier} /> → {name(r.to)} <TierTag tier={r.to.tier} /> · {name(r.toDepartment)}</Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.reason')} span={2}>{r.reason}</Descriptions.Item>
        <Descriptions.Item label={t('detail.diagnoses')} span={2}>{r.diagnoses.map((d) => `${d.code} ${d.display}`).join('；')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.summary')} span={2}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.summary}</Typography.Paragraph></Descriptions.Item>
        <Descriptions.Item label={t('detail.createdBy')}>{r.createdBy.name}</Descriptions.Item>
        <Descriptions.Item label={t('table.submitted')}>{fmt(r.submittedAt)}</Descriptions.Item>
        {r.consultId && <Descriptions.Item label={t('detail.consult')}>{r.consultId}</Descriptions.Item>}
        {r.acceptancePlan && <Descriptions.Item label={t('detail.plan')}>{t(`plans.${r.acceptancePlan}`)}{r.appointmentAt ? ` · ${fmt(r.appointmentAt)}` : ''}</Descriptions.Item>}
        {res && (
          <Descriptions.Item label={t('detail.bed')}>
            <span data-testid="reserved-bed">{`${name({ nameZh: res.wardNameZh, nameEn: res.wardNameEn })} ${res.bedCode}`}</span>{' '}
            <Tag>{t(`ward.${res.status === 'held' ? 'held' : res.status === 'occupied' ? 'occupied' : 'free'}`)}</Tag>
            {res.status === 'held' && res.expiresAt && <span className="yl-muted">{t('detail.heldUntil', { time: fmt(res.expiresAt) })}</span>}
          </Descriptions.Item>
        )}
        {r.transport && <Descriptions.Item label={t('detail.transport')}>{t(`transport.${r.transport}`)} · {fmt(r.departureAt)}</Descriptions.Item>}
        {r.declineReason && <Descriptions.Item label={t('detail.declineReason')}>{r.declineReason}</Descriptions.Item>}
        {r.alternative && <Descriptions.Item label={t('detail.alternative')}>{r.alternative}</Descriptions.Item>}
        {r.cancelReason && <Descriptions.Item label={t('detail.cancelReason')}>{r.cancelReason}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function DischargeSummary({ referral: r }: { referral: ReferralDto }) {
  const { t } = useTranslation('referrals');
  const s = r.dischargeSummary;
  if (!s) return null;
  return (
    <Card size="small" title={t('detail.dischargeSummary')} style={{ marginBottom: 16 }} data-testid="discharge-summary">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('detail.dischargedOn')}>{s.dischargedOn}</Descriptions.Item>
        <Descriptions.Item label={t('detail.diagnoses')}>{s.diagnoses.map((d) => `${d.code} ${d.display}`).join('；')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.course')}>{s.course}</Descriptions.Item>
        <Descriptions.Item label={t('detail.recommendations')}>{s.recommendations}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The follow-up plan and the visit log; the receiving (lower-tier) side records visits. */
function FollowUps({ referral: r }: { referral: ReferralDto }) {
  const { t } = useTranslation('referrals');
  const [visit, setVisit] = useState<FollowUpVisitDto | null>(null);
  const canRecord = r.actions.includes('record_follow_up');
  const plan = r.followUpPlan;
  return (
    <Card size="small" title={t('detail.followUps')} style={{ marginBottom: 16 }}>
      {plan && (plan.checks.length > 0 || plan.medications.length > 0) && (
        <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
          {plan.checks.length > 0 && <Descriptions.Item label={t('detail.checks')}>{plan.checks.join('；')}</Descriptions.Item>}
          {plan.medications.length > 0 && <Descriptions.Item label={t('detail.medications')}>{plan.medications.map((m) => `${m.name} ${m.dose} ${m.frequency}`).join('；')}</Descriptions.Item>}
        </Descriptions>
      )}
      <Table<FollowUpVisitDto | { id: string; seq: number; dueOn: string; purpose: string; doneAt: null; notes: null; missedAt: null }>
        aria-label={t('detail.followUps')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.followUps.length ? r.followUps : (plan?.visits ?? []).map((v, i) => ({ id: String(i), seq: i + 1, dueOn: v.dueOn, purpose: v.purpose, doneAt: null, notes: null, missedAt: null }))}
        columns={[
          { title: '#', dataIndex: 'seq', width: 40 },
          { title: t('detail.due'), dataIndex: 'dueOn', width: 110 },
          { title: t('form.visitPurpose'), dataIndex: 'purpose' },
          {
            title: t('table.status'),
            render: (_, v) => (v.doneAt ? <Tag color="green">{t('detail.done')}</Tag> : v.missedAt ? <Tag color="red">{t('detail.missed')}</Tag> : <Tag>{t('detail.pending')}</Tag>),
          },
          { title: t('dialog.notes'), dataIndex: 'notes', render: (n: string | null) => n ?? '' },
          {
            title: '',
            render: (_, v) =>
              canRecord && !v.doneAt && 'version' in v ? (
                <Button size="small" onClick={() => setVisit(v)}>{t('action.record_follow_up')}</Button>
              ) : null,
          },
        ]}
      />
      {visit && <RecordVisit referralId={r.id} visit={visit} onClose={() => setVisit(null)} />}
    </Card>
  );
}

function RecordVisit({ referralId, visit, onClose }: { referralId: string; visit: FollowUpVisitDto; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ notes: string }>();
  const record = useMutation({
    mutationFn: (notes: string) => api.post<ReferralDto>(`/api/referrals/${referralId}/follow-ups/${visit.id}`, { notes }),
    onSuccess: (dto) => {
      qc.setQueryData(referralKeys.one(referralId), dto);
      message.success(t('action.done'));
      onClose();
    },
  });
  return (
    <Modal open title={`${t('action.record_follow_up')} #${visit.seq}`} okText={t('dialog.confirm')} confirmLoading={record.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v.notes)}>
        <Form.Item name="notes" label={t('dialog.notes')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
        <ErrorAlert error={record.error} />
      </Form>
    </Modal>
  );
}

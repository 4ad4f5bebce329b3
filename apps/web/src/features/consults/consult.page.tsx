import type { ConsultDetailDto } from '@yilian/contracts';
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Steps, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AttachmentsCard } from '../patients/attachment-preview';
import { ConsultActions } from './consult-actions';
import { ConsultReport } from './consult-report';
import { DueCell, StatusTag, UrgencyTag } from './consult-tags';
import { ConsultThread } from './consult-thread';
import { useConsult } from './consults.resource';

export function ConsultPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('consults');
  const query = useConsult(id);
  return (
    <PageState query={query} rows={12}>
      {(c) => (
        <>
          <PageHeader
            title={`${c.patientName} · ${t(`kind.${c.kind}`)}`}
            crumbs={[{ label: t('nav'), to: '/consults' }, { label: c.patientName }]}
            subtitle={
              <Space size={4} wrap>
                <StatusTag status={c.status} />
                <UrgencyTag urgency={c.urgency} />
                <Tag>{t(`mode.${c.mode}`)}</Tag>
                <DueCell c={c} />
              </Space>
            }
          />
          <Card size="small" title={t('section.actions')}>
            {c.allowedActions.includes('update_draft') && (
              <Link to={`/consults/${c.id}/edit`} style={{ marginRight: 8 }}>
                <Button icon={<EditOutlined />}>{t('action.editDraft')}</Button>
              </Link>
            )}
            <ConsultActions c={c} />
          </Card>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} lg={15}>
              <Summary c={c} />
              <AttachmentsCard items={c.attachments} />
              <ConsultReport c={c} />
              <ConsultThread c={c} />
            </Col>
            <Col xs={24} lg={9}>
              {c.chain.length > 1 && <Chain c={c} />}
              {c.appointment && <Appointment c={c} />}
              <Events c={c} />
            </Col>
          </Row>
        </>
      )}
    </PageState>
  );
}

function Summary({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const name = useLocalName();
  return (
    <Card size="small" title={t('section.summary')}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('field.patient')}>
          {c.patient.name} · {t(`sex.${c.patient.sex}`)} · {c.patient.birthDate}
          {c.patient.residentIdLast4 ? ` · ****${c.patient.residentIdLast4}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.requester')}>
          {name({ nameZh: c.requester.institutionNameZh, nameEn: c.requester.institutionNameEn })} · {c.requesterName}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.target')}>
          {c.target ? name({ nameZh: c.target.institutionNameZh, nameEn: c.target.institutionNameEn }) : '—'}
          {c.assignedExpertName ? ` · ${c.assignedExpertName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.chiefComplaint')}>{c.summary.chiefComplaint}</Descriptions.Item>
        <Descriptions.Item label={t('field.history')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.summary.history}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.findings')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.summary.findings}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.diagnoses')}>
          {c.summary.diagnoses.map((d) => (
            <Tag key={d.code}>
              {d.code} {d.label}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.question')}>{c.summary.question}</Descriptions.Item>
        {c.declineReason && <Descriptions.Item label={t('action.decline')}>{c.declineReason}</Descriptions.Item>}
        {c.escalationReason && <Descriptions.Item label={t('action.escalate')}>{c.escalationReason}</Descriptions.Item>}
        {c.closeout && (
          <Descriptions.Item label={t('section.closeout')}>
            {c.closeout.useful ? t('label.yes') : t('label.no')} · {t(`closeoutReferral.${c.closeout.referral}`)} {c.closeout.comment}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function Chain({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const name = useLocalName();
  const current = c.chain.findIndex((x) => x.id === c.id);
  return (
    <Card size="small" title={t('section.chain')} style={{ marginBottom: 16 }}>
      <Steps
        direction="vertical"
        size="small"
        current={current}
        items={c.chain.map((x) => ({
          title: x.target ? <Link to={`/consults/${x.id}`}>{name({ nameZh: x.target.institutionNameZh, nameEn: x.target.institutionNameEn })}</Link> : '—',
          description: <StatusTag status={x.status} />,
        }))}
      />
    </Card>
  );
}

function Appointment({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const a = c.appointment;
  if (!a) return null;
  return (
    <Card size="small" title={t('section.appointment')} style={{ marginBottom: 16 }}>
      <div>
        {dayjs(a.startsAt).format('YYYY-MM-DD HH:mm')} – {dayjs(a.endsAt).format('HH:mm')}
      </div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Tag color={a.requesterConfirmedAt ? 'green' : 'default'}>
          {t('label.requesterSide')}: {a.requesterConfirmedAt ? t('label.confirmed') : t('label.unconfirmed')}
        </Tag>
        <Tag color={a.expertConfirmedAt ? 'green' : 'default'}>
          {t('label.expertSide')}: {a.expertConfirmedAt ? t('label.confirmed') : t('label.unconfirmed')}
        </Tag>
      </Space>
      <div className="yl-muted" style={{ marginTop: 4 }}>
        {t('label.join')}: {a.joinUrl}
      </div>
    </Card>
  );
}

function Events({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  return (
    <Card size="small" title={t('section.timeline')}>
      <Timeline
        aria-label={t('section.timeline')}
        items={c.events.map((e) => ({
          color: e.action === 'overdue' ? 'red' : e.action === 'closeout' ? 'green' : 'blue',
          children: (
            <div>
              <strong>{t(`event.${e.action}`, { defaultValue: e.action })}</strong>
              {e.toStatus && e.toStatus !== e.fromStatus && <span className="yl-muted"> → {t(`status.${e.toStatus}`)}</span>}
              <div className="yl-muted">
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName ?? 'system'}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type AgreementDto, CLINICAL_ROLES, EDUCATION_KINDS, type EducationKind, type EducationSessionDto } from '@yilian/contracts';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentSession } from '../../app/session';
import { FormModal } from '../../ui/form-modal';
import { useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useCreateSession, useRecordAttendance, useSessions } from './agreements.resource';
import { withFieldIssue } from './education-citation';
import { CaseConferenceFields, CitationCell, SessionDetail } from './education-citation.parts';
import { useCitableConsults } from './education.resource';

interface SessionValues {
  kind: EducationKind;
  topicZh: string;
  heldAt: string;
  durationMinutes: number;
  hostInstitutionId: string;
  presenters: string;
  audienceInstitutionIds: string[];
  /** Case conferences only: a closed consult of this agreement, and the de-identified summary. */
  citedConsultId?: string;
  caseSummary?: string;
}
interface AttendanceValues {
  attendees: { personName: string; institutionId: string; minutes?: number }[];
}

/**
 * Tele-education (远程教育): lectures and case conferences, with attendance recorded per person. A case conference
 * may cite a closed consult of the agreement, shown de-identified (reference, kind, diagnosis; never the patient).
 */
export function EducationTab({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const name = useLocalName();
  const sessions = useSessions(agreement.id);
  const create = useCreateSession();
  const attend = useRecordAttendance();
  const [open, setOpen] = useState(false);
  const [attendFor, setAttendFor] = useState<EducationSessionDto | null>(null);
  // Listing consults (to cite one, or to tell which citations the actor may open) needs a clinical role.
  const clinical = hasAnyRole(useCurrentSession(), CLINICAL_ROLES);
  const citable = useCitableConsults(agreement.id, clinical && (sessions.data?.items.some((s) => s.citedConsultId) ?? false));
  const openable = (s: EducationSessionDto) => citable.data?.find((c) => c.id === s.citedConsultId);
  const canRecord = agreement.can.record && agreement.status === 'active';
  const operating = agreement.parties.filter((p) => p.role !== 'supervising');
  const options = operating.map((p) => ({ value: p.institutionId, label: name(p) }));
  const submitSession = async (v: SessionValues) => {
    const conference = v.kind === 'case_conference';
    const summary = v.caseSummary?.trim();
    await create.mutateAsync({
      agreementId: agreement.id,
      kind: v.kind,
      topicZh: v.topicZh,
      heldAt: dayjs(v.heldAt).toISOString(),
      durationMinutes: Number(v.durationMinutes),
      hostInstitutionId: v.hostInstitutionId,
      presenters: v.presenters
        .split(/[,，、]/)
        .map((n) => n.trim())
        .filter(Boolean)
        .map((n) => ({ name: n })),
      audienceInstitutionIds: v.audienceInstitutionIds,
      ...(conference && v.citedConsultId ? { citedConsultId: v.citedConsultId } : {}),
      ...(conference && summary ? { caseSummary: summary } : {}),
    }).catch((e: unknown) => {
      throw withFieldIssue(e);
    });
  };
  return (
    <Card size="small" title={t('tab.education')} extra={canRecord && <Button type="primary" onClick={() => setOpen(true)}>{t('education.record')}</Button>}>
      <PageState query={sessions} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<EducationSessionDto>
            rowKey="id"
            size="small"
            aria-label={t('tab.education')}
            dataSource={d.items}
            pagination={{ pageSize: 20 }}
            expandable={{
              rowExpandable: (s) => s.attendance.length > 0 || s.citedConsultId !== null || s.caseSummary !== null,
              expandedRowRender: (s) => (
                <SessionDetail
                  session={s}
                  consult={openable(s)}
                  attendance={
                    <Table
                      rowKey="id"
                      size="small"
                      aria-label={`${t('education.attendance')} ${s.topicZh}`}
                      pagination={false}
                      dataSource={s.attendance}
                      columns={[
                        { title: t('education.person'), dataIndex: 'personName' },
                        { title: t('education.institution'), render: (_, a) => name(operating.find((p) => p.institutionId === a.institutionId)) || '—' },
                        { title: t('education.minutes'), render: (_, a) => a.minutes ?? '—' },
                      ]}
                    />
                  }
                />
              ),
            }}
            columns={[
              { title: t('education.heldAt'), render: (_, s) => dayjs(s.heldAt).format('YYYY-MM-DD HH:mm'), width: 150 },
              { title: t('education.kind'), render: (_, s) => t(`education.${s.kind}`), width: 100 },
              { title: t('education.topic'), dataIndex: 'topicZh' },
              { title: t('education.presenters'), render: (_, s) => s.presenters.map((p) => p.name).join('、') },
              { title: t('education.citedConsult'), render: (_, s) => <CitationCell session={s} consult={openable(s)} /> },
              { title: t('education.attendance'), render: (_, s) => s.attendance.length, width: 90 },
              ...(canRecord
                ? [
                    {
                      title: '',
                      width: 120,
                      render: (_: unknown, s: EducationSessionDto) => (
                        <Button size="small" onClick={() => setAttendFor(s)} aria-label={`${t('education.recordAttendance')} ${s.topicZh}`}>
                          {t('education.recordAttendance')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </PageState>
      <FormModal<SessionValues>
        open={open}
        title={t('education.record')}
        onClose={() => setOpen(false)}
        onSubmit={submitSession}
        successMessage={t('education.saved')}
        width={640}
        initialValues={{ kind: 'lecture', durationMinutes: 60, hostInstitutionId: operating.find((p) => p.role === 'assisting')?.institutionId, audienceInstitutionIds: operating.filter((p) => p.role === 'assisted').map((p) => p.institutionId) }}
      >
        <Form.Item name="kind" label={t('education.kind')} rules={[{ required: true }]}>
          <Select options={EDUCATION_KINDS.map((k) => ({ value: k, label: t(`education.${k}`) }))} />
        </Form.Item>
        <Form.Item name="topicZh" label={t('education.topic')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Form.Item name="heldAt" label={t('education.heldAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('education.duration')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
        </Space>
        <Form.Item name="hostInstitutionId" label={t('education.host')} rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="presenters" label={t('education.presenters')} help={t('education.presentersHelp')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="audienceInstitutionIds" label={t('education.audience')} rules={[{ required: true }]}>
          <Select mode="multiple" options={options} />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) => (getFieldValue('kind') === 'case_conference' ? <CaseConferenceFields agreementId={agreement.id} canList={clinical} /> : null)}
        </Form.Item>
      </FormModal>
      <FormModal<AttendanceValues>
        open={attendFor !== null}
        title={attendFor ? `${t('education.recordAttendance')} · ${attendFor.topicZh}` : ''}
        onClose={() => setAttendFor(null)}
        onSubmit={(v) => attend.mutateAsync({ id: attendFor?.id ?? '', input: { attendees: v.attendees.map((a) => ({ personName: a.personName, institutionId: a.institutionId, ...(a.minutes === undefined || a.minutes === null ? {} : { minutes: a.minutes }) })) } })}
        successMessage={t('education.attendanceSaved')}
        width={720}
        initialValues={{ attendees: [{ personName: '', institutionId: operating.find((p) => p.role === 'assisted')?.institutionId ?? '' }] }}
      >
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, n) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'personName']} label={`${t('education.person')} ${n + 1}`} rules={[{ required: true }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'institutionId']} label={`${t('education.institution')} ${n + 1}`} rules={[{ required: true }]}>
                    <Select style={{ width: 200 }} options={options} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minutes']} label={`${t('education.minutes')} ${n + 1}`}>
                    <InputNumber min={0} max={1440} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined aria-label={t('education.removeAttendee')} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ personName: '', institutionId: operating.find((p) => p.role === 'assisted')?.institutionId ?? '' })} icon={<PlusOutlined />}>
                {t('education.addAttendee')}
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}

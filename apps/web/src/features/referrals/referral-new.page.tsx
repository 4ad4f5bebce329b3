import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type AttachmentDto, type ReferralUrgency, tierRank } from '@yilian/contracts';
import { App, Button, Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert, fieldErrors } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { useInstitution, useInstitutionTree } from '../network/network.resource';
import { AttachmentUpload } from '../patients/attachment-upload';
import { PatientPicker } from '../patients/patient-picker';
import { ConsentFields } from './referral-consent';
import { type NewPatient, useCreateReferral, useGreenCategories } from './referrals.resource';

interface FormValues extends Partial<NewPatient> {
  patientId?: string;
  consentMethod: 'verbal_witnessed' | 'signed_form';
  consentForm?: AttachmentDto[];
  attachments?: AttachmentDto[];
  toInstitutionId: string;
  toDepartmentId: string;
  consultId?: string;
  reason: string;
  diagnosisCode: string;
  diagnosisName: string;
  summary: string;
  urgency: ReferralUrgency;
  green: boolean;
  greenCategory?: string;
  witness?: string;
  visits?: { dueOn: string; purpose: string }[];
  checks?: string;
  medications?: string;
}

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** The referral form: new patient, destination, clinical content, green channel, consent, and a follow-up plan when going down. */
export function ReferralNewPage() {
  const { t } = useTranslation('referrals');
  const name = useLocalName();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const session = useCurrentSession();
  const [form] = Form.useForm<FormValues>();
  const [key] = useState(newIdempotencyKey);
  const tree = useInstitutionTree();
  const categories = useGreenCategories();
  const create = useCreateReferral();
  const toId = Form.useWatch('toInstitutionId', form);
  const green = Form.useWatch('green', form);
  const pickedPatient = Form.useWatch('patientId', form);
  const target = useInstitution(toId ?? '');
  const own = tree.data?.find((i) => i.id === session.activeInstitutionId);
  const destination = tree.data?.find((i) => i.id === toId);
  const goingDown = !!own && !!destination && tierRank(destination.tier) > tierRank(own.tier);
  const institutions = useMemo(
    () => (tree.data ?? []).filter((i) => i.type !== 'authority' && i.active && i.id !== session.activeInstitutionId),
    [tree.data, session.activeInstitutionId],
  );
  const errors = fieldErrors(create.error);

  async function handleFinish(v: FormValues) {
    const dto = await create.mutateAsync({
      key,
      ...(v.patientId ? {} : { patient: { name: v.name ?? '', sex: v.sex ?? 'unknown', birthDate: v.birthDate ?? '' } }),
      input: {
        ...(v.patientId ? { patientId: v.patientId } : {}),
        toInstitutionId: v.toInstitutionId,
        toDepartmentId: v.toDepartmentId,
        ...(v.consultId ? { consultId: v.consultId.trim() } : {}),
        reason: v.reason,
        diagnoses: [{ code: v.diagnosisCode.trim().toUpperCase(), display: v.diagnosisName }],
        summary: v.summary,
        urgency: v.urgency,
        greenChannel: !!v.green,
        ...(v.green && v.greenCategory ? { greenCategory: v.greenCategory } : {}),
        consent: v.consentMethod === 'signed_form' ? { method: 'signed_form', documentId: v.consentForm?.[0]?.id } : { method: 'verbal_witnessed', witnessName: v.witness },
        attachmentIds: (v.attachments ?? []).map((a) => a.id),
        ...(goingDown
          ? {
              followUpPlan: {
                visits: v.visits ?? [],
                checks: lines(v.checks),
                medications: lines(v.medications).map((l) => {
                  const [n = l, dose = '-', frequency = '-'] = l.split(/[,，]/).map((s) => s.trim());
                  return { name: n, dose, frequency };
                }),
              },
            }
          : {}),
        submit: true,
      },
    });
    message.success(t('form.created'));
    navigate(`/referrals/${dto.id}`);
  }

  return (
    <>
      <PageHeader title={t('newTitle')} crumbs={[{ label: t('nav'), to: '/referrals' }, { label: t('newTitle') }]} />
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void handleFinish(v).catch(() => undefined)}
          initialValues={{ sex: 'female', consentMethod: 'verbal_witnessed', urgency: 'urgent', green: false, consultId: params.get('consult') ?? undefined, visits: [{ dueOn: dayjs().add(7, 'day').format('YYYY-MM-DD'), purpose: '' }] }}
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="patientId" label={t('form.existingPatient')} extra={pickedPatient ? undefined : t('form.orNewPatient')}>
                <PatientPicker />
              </Form.Item>
            </Col>
            {!pickedPatient && (
              <>
                <Col xs={24} md={8}><Form.Item name="name" label={t('form.patientName')} rules={[{ required: true }]}><Input /></Form.Item></Col>
                <Col xs={12} md={8}>
                  <Form.Item name="sex" label={t('form.sex')} rules={[{ required: true }]}>
                    <Select options={(['female', 'male', 'unknown'] as const).map((s) => ({ value: s, label: t(`form.sexes.${s}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}><Form.Item name="birthDate" label={t('form.birthDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input placeholder="YYYY-MM-DD" /></Form.Item></Col>
              </>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="toInstitutionId" label={t('form.toInstitution')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" loading={tree.isLoading} onChange={() => form.setFieldValue('toDepartmentId', undefined)} options={institutions.map((i) => ({ value: i.id, label: name(i) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="toDepartmentId" label={t('form.toDepartment')} rules={[{ required: true }]} validateStatus={errors.toDepartmentId ? 'error' : undefined}>
                <Select showSearch optionFilterProp="label" disabled={!toId} loading={target.isLoading} options={(target.data?.departments ?? []).map((d) => ({ value: d.id, label: name(d) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item name="reason" label={t('form.reason')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="diagnosisCode" label={t('form.diagnosisCode')} rules={[{ required: true }]} help={errors['diagnoses.0.code']}><Input placeholder="I63.9" /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="diagnosisName" label={t('form.diagnosisName')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Col span={24}><Form.Item name="summary" label={t('form.summary')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item></Col>
            <Col xs={12} md={6}>
              <Form.Item name="urgency" label={t('form.urgency')}>
                <Select options={(['routine', 'urgent', 'emergency'] as const).map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}><Form.Item name="green" label={t('form.green')} valuePropName="checked"><Switch aria-label={t('form.green')} /></Form.Item></Col>
            {green && (
              <Col xs={24} md={12}>
                <Form.Item name="greenCategory" label={t('form.greenCategory')} rules={[{ required: true }]}>
                  <Select options={(categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: `${name(c)}（${c.responseMinutes}′）` }))} />
                </Form.Item>
              </Col>
            )}
            <ConsentFields />
            <Col xs={24} md={12}><Form.Item name="consultId" label={t('form.consultId')}><Input /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item name="attachments" label={t('form.attachments')}>
                <AttachmentUpload />
              </Form.Item>
            </Col>
          </Row>
          {goingDown && (
            <Card size="small" title={t('form.plan')} style={{ marginBottom: 16 }}>
              <Form.List name="visits">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Row gutter={8} key={f.key} align="middle">
                        <Col span={7}><Form.Item name={[f.name, 'dueOn']} label={`${t('form.visitDue')} ${i + 1}`} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input placeholder="YYYY-MM-DD" /></Form.Item></Col>
                        <Col span={15}><Form.Item name={[f.name, 'purpose']} label={`${t('form.visitPurpose')} ${i + 1}`} rules={[{ required: true }]}><Input /></Form.Item></Col>
                        <Col span={2}>{fields.length > 1 && <MinusCircleOutlined aria-label="remove" onClick={() => remove(f.name)} />}</Col>
                      </Row>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ dueOn: '', purpose: '' })}>{t('form.addVisit')}</Button>
                  </>
                )}
              </Form.List>
              <Row gutter={16} style={{ marginTop: 16 }}>
                <Col xs={24} md={12}><Form.Item name="checks" label={t('form.checks')}><Input.TextArea rows={3} /></Form.Item></Col>
                <Col xs={24} md={12}><Form.Item name="medications" label={t('form.medications')}><Input.TextArea rows={3} /></Form.Item></Col>
              </Row>
            </Card>
          )}
          <ErrorAlert error={create.error} />
          <Button type="primary" htmlType="submit" loading={create.isPending} style={{ marginTop: 12 }}>
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

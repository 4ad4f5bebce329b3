import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CONSULT_KINDS, CONSULT_MODES, CONSULT_URGENCIES, type AttachmentDto, type ConsultClinicalSummary, type ConsultDetailDto, type InstitutionDetailDto } from '@yilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, type FormInstance, Input, Radio, Row, Select, Space, Tag } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLocalName } from '../../ui/labels';
import { AttachmentUpload, SingleAttachment } from '../patients/attachment-upload';
import { PatientPicker } from '../patients/patient-picker';
import { useRecordConsent } from '../patients/patients.resource';
import { useTargets } from './consults.resource';

export interface ConsultFormValues {
  patientId?: string;
  consentMethod: 'verbal_witnessed' | 'signed_form';
  witnessName?: string;
  consentForm?: AttachmentDto[];
  kind: ConsultDetailDto['kind'];
  mode: ConsultDetailDto['mode'];
  urgency: ConsultDetailDto['urgency'];
  targetInstitutionId?: string;
  targetDepartmentId?: string;
  chiefComplaint?: string;
  history?: string;
  findings?: string;
  diagnoses?: { code?: string; label?: string }[];
  question?: string;
  attachments?: AttachmentDto[];
}

export const NEW_CONSULT_VALUES: Partial<ConsultFormValues> = { consentMethod: 'verbal_witnessed', kind: 'general', mode: 'async', urgency: 'routine', diagnoses: [{}] };

/** A saved draft as form values (the patient is fixed once a draft exists). */
export function draftValues(c: ConsultDetailDto): Partial<ConsultFormValues> {
  return {
    patientId: c.patientId,
    consentMethod: 'verbal_witnessed',
    kind: c.kind,
    mode: c.mode,
    urgency: c.urgency,
    targetInstitutionId: c.target?.institutionId,
    targetDepartmentId: c.targetDepartmentId ?? undefined,
    chiefComplaint: c.summary.chiefComplaint,
    history: c.summary.history,
    findings: c.summary.findings,
    diagnoses: c.summary.diagnoses.length ? c.summary.diagnoses.map((d) => ({ code: d.code, label: d.label })) : [{}],
    question: c.summary.question,
  };
}

export function summaryOf(v: ConsultFormValues): ConsultClinicalSummary {
  return {
    chiefComplaint: v.chiefComplaint ?? '',
    history: v.history ?? '',
    findings: v.findings ?? '',
    diagnoses: (v.diagnoses ?? []).filter((d) => d.code && d.label).map((d) => ({ code: d.code ?? '', label: d.label ?? '' })),
    question: v.question ?? '',
  };
}

/** Maps a 400's field errors (summary.x.y) onto the form. */
export function showFieldErrors(form: FormInstance<ConsultFormValues>, fields: Record<string, string>): void {
  form.setFields(Object.entries(fields).map(([path, msg]) => ({ name: path.replace(/^summary\./, '').split('.') as never, errors: [msg] })));
}

/** Records the consultation consent once per patient and form (a retry reuses it); null when none was given. */
export function useConsentOnce() {
  const consent = useRecordConsent();
  const done = useRef<{ patientId: string; consentId: string } | null>(null);
  async function ensure(patientId: string, v: ConsultFormValues): Promise<string | null> {
    if (done.current?.patientId === patientId) return done.current.consentId;
    const doc = v.consentForm?.[0];
    if (v.consentMethod === 'signed_form' ? !doc : !v.witnessName) return null;
    const c = await consent.mutateAsync({
      patientId,
      input: { scope: 'consultation', method: v.consentMethod, ...(v.consentMethod === 'signed_form' ? { documentId: doc?.id } : { witnessName: v.witnessName }) },
    });
    done.current = { patientId, consentId: c.id };
    return c.id;
  }
  return { ensure, error: consent.error, isPending: consent.isPending };
}

/** The fields of the consult request: patient, consent, request, clinical summary, attachments. */
export function ConsultFormFields({ form, draft }: { form: FormInstance<ConsultFormValues>; draft?: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const name = useLocalName();
  const targets = useTargets();
  const target = Form.useWatch('targetInstitutionId', form);
  const method = Form.useWatch('consentMethod', form);
  const departments = useQuery({
    queryKey: ['institutions', 'one', target],
    enabled: !!target,
    queryFn: ({ signal }) => api.get<InstitutionDetailDto>(`/api/institutions/${target}`, undefined, signal),
  });
  const hasConsent = !!draft?.consentId;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card title={t('section.patient')} size="small">
          {draft ? (
            <Form.Item label={t('field.patient')}>
              <span data-testid="draft-patient">
                {draft.patient.name} · {t(`sex.${draft.patient.sex}`)} · {draft.patient.birthDate}
              </span>
            </Form.Item>
          ) : (
            <Form.Item name="patientId" label={t('field.patient')} rules={[{ required: true, message: t('msg.needPatient') }]}>
              <PatientPicker />
            </Form.Item>
          )}
          {hasConsent ? (
            <Form.Item label={t('field.consentMethod')}>
              <Tag color="green">{t('label.consentRecorded')}</Tag>
            </Form.Item>
          ) : (
            <>
              <Form.Item name="consentMethod" label={t('field.consentMethod')}>
                <Radio.Group options={(['verbal_witnessed', 'signed_form'] as const).map((m) => ({ value: m, label: t(`consent.${m}`) }))} />
              </Form.Item>
              {method === 'signed_form' ? (
                <Form.Item label={t('field.consentForm')}>
                  <Form.Item name="consentForm" noStyle rules={[{ required: true, message: t('msg.needConsent') }]}>
                    <SingleAttachment />
                  </Form.Item>
                </Form.Item>
              ) : (
                <Form.Item name="witnessName" label={t('field.witness')} rules={[{ required: true, message: t('msg.needConsent') }]}>
                  <Input />
                </Form.Item>
              )}
            </>
          )}
        </Card>
        <Card title={t('section.actions')} size="small" style={{ marginTop: 16 }}>
          <Form.Item name="kind" label={t('field.kind')}>
            <Select aria-label={t('field.kind')} options={CONSULT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="mode" label={t('field.mode')}>
            <Radio.Group options={CONSULT_MODES.map((k) => ({ value: k, label: t(`mode.${k}`) }))} />
          </Form.Item>
          <Form.Item name="urgency" label={t('field.urgency')}>
            <Radio.Group options={CONSULT_URGENCIES.map((k) => ({ value: k, label: t(`urgency.${k}`) }))} />
          </Form.Item>
          <Form.Item name="targetInstitutionId" label={t('field.target')} rules={[{ required: true }]}>
            <Select
              aria-label={t('field.target')}
              showSearch
              optionFilterProp="search"
              loading={targets.isLoading}
              onChange={() => form.setFieldValue('targetDepartmentId', undefined)}
              options={(targets.data ?? []).map((x) => ({
                value: x.institutionId,
                search: `${x.institutionNameZh} ${x.institutionNameEn}`,
                label: (
                  <span>
                    {name({ nameZh: x.institutionNameZh, nameEn: x.institutionNameEn })} {x.viaAgreement && <Tag color="green">{t('label.viaAgreement')}</Tag>}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item name="targetDepartmentId" label={t('field.department')}>
            <Select aria-label={t('field.department')} allowClear disabled={!target} options={(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: name(d) }))} />
          </Form.Item>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('section.summary')} size="small">
          <Form.Item name="chiefComplaint" label={t('field.chiefComplaint')} rules={[{ required: true }, { max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="history" label={t('field.history')} rules={[{ max: 8000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="findings" label={t('field.findings')} rules={[{ max: 8000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('field.diagnoses')}>
            <Form.List name="diagnoses">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'code']} rules={[{ pattern: /^[A-TV-Za-tv-z][0-9][0-9ABab](\.[0-9A-Za-z]{1,4})?$/, message: 'ICD-10' }]}>
                        <Input placeholder="I63.9" aria-label={t('field.icd')} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'label']}>
                        <Input placeholder={t('field.diagnosisLabel')} aria-label={t('field.diagnosisLabel')} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="remove" onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('action.addDiagnosis')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="question" label={t('field.question')} rules={[{ required: true }, { max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="attachments" label={t('field.attachments')}>
            <AttachmentUpload fixed={draft?.attachments} />
          </Form.Item>
        </Card>
      </Col>
    </Row>
  );
}

import { App, Button, Form } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../api/client';
import { ErrorAlert, fieldErrors } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ConsultFormFields, type ConsultFormValues, NEW_CONSULT_VALUES, showFieldErrors, summaryOf, useConsentOnce } from './consult-form';
import { useCreateConsult } from './consults.resource';

/** The requester's form: patient, consent, request, clinical summary with ICD-10 codes, attachments; draft or submit. */
export function ConsultNewPage() {
  const { t } = useTranslation('consults');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ConsultFormValues>();
  const consent = useConsentOnce();
  const create = useCreateConsult();
  const key = useRef(newIdempotencyKey());

  async function save(submit: boolean) {
    const values = submit ? await form.validateFields() : await form.validateFields(['patientId']);
    const all = { ...form.getFieldsValue(true), ...values } as ConsultFormValues;
    if (!all.patientId) return void message.error(t('msg.needPatient'));
    try {
      const consentId = await consent.ensure(all.patientId, all);
      const created = await create.mutateAsync({
        key: key.current,
        input: {
          patientId: all.patientId,
          consentId,
          kind: all.kind,
          mode: all.mode,
          urgency: all.urgency,
          targetInstitutionId: all.targetInstitutionId ?? null,
          targetDepartmentId: all.targetDepartmentId ?? null,
          summary: summaryOf(all),
          attachmentIds: (all.attachments ?? []).map((f) => f.id),
          submit,
        },
      });
      key.current = newIdempotencyKey();
      message.success(submit ? t('msg.submitted') : t('msg.saved'));
      navigate(`/consults/${created.id}`);
    } catch (error) {
      showFieldErrors(form, fieldErrors(error));
    }
  }

  return (
    <>
      <PageHeader title={t('newTitle')} crumbs={[{ label: t('nav'), to: '/consults' }, { label: t('new') }]} />
      <Form form={form} layout="vertical" initialValues={NEW_CONSULT_VALUES}>
        <ConsultFormFields form={form} />
        <ErrorAlert error={create.error ?? consent.error} />
        <div className="yl-toolbar" style={{ marginTop: 16 }}>
          <Button onClick={() => void save(false)} loading={create.isPending}>
            {t('action.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={create.isPending}>
            {t('action.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}

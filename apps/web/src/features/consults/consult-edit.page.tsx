import type { ConsultDetailDto } from '@yilian/contracts';
import { Alert, App, Button, Form } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client';
import { ErrorAlert, fieldErrors } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { ConsultFormFields, type ConsultFormValues, draftValues, showFieldErrors, summaryOf, useConsentOnce } from './consult-form';
import { useConsult, useConsultAction } from './consults.resource';

/** Reopen a saved draft (PATCH /api/consults/:id with its version), then save again or submit. */
export function ConsultEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('consults');
  const query = useConsult(id);
  return (
    <>
      <PageHeader title={t('editTitle')} crumbs={[{ label: t('nav'), to: '/consults' }, { label: query.data?.patientName ?? '…', to: `/consults/${id}` }, { label: t('action.editDraft') }]} />
      <PageState query={query} rows={12}>
        {(c) =>
          c.allowedActions.includes('update_draft') ? (
            <DraftForm key={c.id} c={c} />
          ) : (
            <Alert type="info" showIcon message={t('msg.notEditable')} description={<Link to={`/consults/${c.id}`}>{t('action.open')}</Link>} />
          )
        }
      </PageState>
    </>
  );
}

function DraftForm({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ConsultFormValues>();
  const consent = useConsentOnce();
  const act = useConsultAction(c.id);
  const key = useRef(newIdempotencyKey());

  async function save(submit: boolean) {
    const values = submit ? await form.validateFields() : {};
    const all = { ...form.getFieldsValue(true), ...values } as ConsultFormValues;
    try {
      const consentId = c.consentId ?? (await consent.ensure(c.patientId, all));
      const updated = await act.mutateAsync({
        action: '',
        method: 'PATCH',
        body: {
          version: c.version,
          kind: all.kind,
          mode: all.mode,
          urgency: all.urgency,
          targetInstitutionId: all.targetInstitutionId ?? null,
          targetDepartmentId: all.targetDepartmentId ?? null,
          ...(consentId ? { consentId } : {}),
          summary: summaryOf(all),
          attachmentIds: (all.attachments ?? []).map((f) => f.id),
        },
      });
      if (submit) await act.mutateAsync({ action: 'submit', body: { version: updated.version }, key: key.current });
      message.success(submit ? t('msg.submitted') : t('msg.saved'));
      navigate(`/consults/${c.id}`);
    } catch (error) {
      showFieldErrors(form, fieldErrors(error));
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={draftValues(c)}>
      <ConsultFormFields form={form} draft={c} />
      <ErrorAlert error={act.error ?? consent.error} />
      <div className="yl-toolbar" style={{ marginTop: 16 }}>
        <Button onClick={() => void save(false)} loading={act.isPending}>
          {t('action.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void save(true)} loading={act.isPending}>
          {t('action.submit')}
        </Button>
      </div>
    </Form>
  );
}

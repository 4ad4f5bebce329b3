import type { AgreementDto, AttachmentDto } from '@yilian/contracts';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { AreasField, DocumentField, PartiesFields, PhasesFields, TargetsFields } from './agreement-fields';
import { changedLists, documentChange, type ListValues, listValuesOf } from './agreement-values';
import { useAmendAgreement, useEndAgreement } from './agreements.resource';

interface AmendValues extends ListValues {
  titleZh: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  document?: AttachmentDto[];
  reason: string;
}

/**
 * Amend (a new version; the previous state is kept) and end an agreement — for those who may amend it.
 * The amend dialog is mounted only while open, on the agreement as read when it opened (see `AmendDialog`).
 */
export function AgreementActions({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const end = useEndAgreement(agreement.id);
  const [amending, setAmending] = useState<AgreementDto | null>(null);
  const [ending, setEnding] = useState(false);
  if (!agreement.can.amend || agreement.status === 'ended') return null;
  return (
    <Space>
      <Button onClick={() => setAmending(agreement)}>{t('amend.action')}</Button>
      <Button danger onClick={() => setEnding(true)}>
        {t('end.action')}
      </Button>
      {amending && <AmendDialog agreement={amending} onClose={() => setAmending(null)} />}
      <FormModal<{ endedOn: string; reason: string }>
        open={ending}
        title={t('end.title')}
        okText={t('end.action')}
        onClose={() => setEnding(false)}
        onSubmit={(v) => end.mutateAsync({ version: agreement.version, endedOn: v.endedOn, reason: v.reason })}
        successMessage={t('end.saved')}
      >
        <p className="yl-muted">{t('end.warning')}</p>
        <Form.Item name="endedOn" label={t('end.endedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t('end.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/**
 * The amendment form over `agreement` as read when the dialog opened: the initial values, the comparison and the
 * version sent all come from it, so a refetch while the dialog is open cannot turn unedited fields into changes
 * (a concurrent amendment gets the API's 409 instead). Only what changed is sent; lists go whole.
 * Mounted per opening: a kept FormModal would bring back the values of its previous opening on reopen (the form
 * store resets unmounted fields to the initial values of that opening, which win over the new ones).
 */
function AmendDialog({ agreement, onClose }: { agreement: AgreementDto; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const amend = useAmendAgreement(agreement.id);
  const submit = async (v: AmendValues) => {
    const changed = {
      ...(v.titleZh !== agreement.titleZh ? { titleZh: v.titleZh } : {}),
      ...(v.titleEn !== agreement.titleEn ? { titleEn: v.titleEn } : {}),
      ...(v.startsOn !== agreement.startsOn ? { startsOn: v.startsOn } : {}),
      ...(v.endsOn !== agreement.endsOn ? { endsOn: v.endsOn } : {}),
      // A new upload replaces the signed text; removing it sends null (detached; the old text stays in the history).
      ...documentChange(agreement, v.document),
      ...changedLists(agreement, v),
    };
    // A version that changes nothing would only add a row to the history.
    if (Object.keys(changed).length === 0) throw new Error(t('amend.nothingChanged'));
    return amend.mutateAsync({ version: agreement.version, reason: v.reason, ...changed });
  };
  return (
    <FormModal<AmendValues>
      open
      title={t('amend.title')}
      onClose={onClose}
      onSubmit={submit}
      successMessage={t('amend.saved')}
      initialValues={{
        titleZh: agreement.titleZh,
        titleEn: agreement.titleEn,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        document: agreement.document ? [agreement.document] : [],
        ...listValuesOf(agreement),
      }}
      width={900}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="titleZh" label={t('create.titleZh')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="titleEn" label={t('create.titleEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="startsOn" label={t('create.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="endsOn" label={t('create.endsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <AreasField />
        </Col>
      </Row>
      <DocumentField />
      <PartiesFields />
      <PhasesFields />
      <TargetsFields />
      <Form.Item name="reason" label={t('amend.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

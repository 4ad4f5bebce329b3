import { Col, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SingleAttachment } from '../patients/attachment-upload';

/** The patient's consent to the referral: verbal with a witness, or the signed form uploaded. */
export function ConsentFields() {
  const { t } = useTranslation('referrals');
  const method = Form.useWatch('consentMethod');
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="consentMethod" label={t('form.consentMethod')}>
          <Radio.Group options={(['verbal_witnessed', 'signed_form'] as const).map((m) => ({ value: m, label: t(`form.consentMethods.${m}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {method === 'signed_form' ? (
          <Form.Item name="consentForm" label={t('form.consentForm')} rules={[{ required: true, message: t('form.needConsentForm') }]}>
            <SingleAttachment />
          </Form.Item>
        ) : (
          <Form.Item name="witness" label={t('form.witness')} rules={[{ required: true }]} extra={t('form.consentNote')}>
            <Input />
          </Form.Item>
        )}
      </Col>
    </>
  );
}

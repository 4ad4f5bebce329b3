import { AGREEMENT_KINDS, type AttachmentDto, type CreateAgreementInput } from '@yilian/contracts';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { InstitutionSelect } from '../network/institution-select';
import { AreasField, DocumentField, PhasesFields, TargetsFields } from './agreement-fields';
import { type ListValues, toPhaseInputs, toTargetInputs } from './agreement-values';
import { useCreateAgreement } from './agreements.resource';

interface Values extends Pick<ListValues, 'phases' | 'targets'> {
  code: string;
  titleZh: string;
  titleEn: string;
  kind: CreateAgreementInput['kind'];
  signedOn?: string;
  startsOn: string;
  endsOn: string;
  areas?: CreateAgreementInput['areas'];
  assisting: string;
  assisted: string;
  supervising?: string;
  document?: AttachmentDto[];
}

export function AgreementForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation('agreements');
  const create = useCreateAgreement();
  const submit = async (v: Values) => {
    const created = await create.mutateAsync({
      code: v.code,
      titleZh: v.titleZh,
      titleEn: v.titleEn,
      kind: v.kind,
      ...(v.signedOn ? { signedOn: v.signedOn } : {}),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      areas: v.areas ?? [],
      ...(v.document?.[0] ? { documentAttachmentId: v.document[0].id } : {}),
      parties: [
        { institutionId: v.assisting, role: 'assisting' },
        { institutionId: v.assisted, role: 'assisted' },
        ...(v.supervising ? [{ institutionId: v.supervising, role: 'supervising' as const }] : []),
      ],
      phases: toPhaseInputs(v.phases),
      targets: toTargetInputs(v.targets, v.phases),
    });
    onCreated(created.id);
  };
  return (
    <FormModal<Values> open={open} title={t('create.title')} onClose={onClose} onSubmit={submit} successMessage={t('create.saved')} width={900} initialValues={{ kind: 'guided_building' }}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('create.code')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="kind" label={t('create.kind')} rules={[{ required: true }]}>
            <Select options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="titleZh" label={t('create.titleZh')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="titleEn" label={t('create.titleEn')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="signedOn" label={t('create.signedOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startsOn" label={t('create.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="endsOn" label={t('create.endsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <AreasField />
      <DocumentField />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="assisting" label={t('create.assisting')} rules={[{ required: true }]}>
            <InstitutionSelect filter={(i) => i.type !== 'authority'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="assisted" label={t('create.assisted')} rules={[{ required: true }]}>
            <InstitutionSelect filter={(i) => i.type !== 'authority'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="supervising" label={t('create.supervising')}>
            <InstitutionSelect filter={(i) => i.type === 'authority'} />
          </Form.Item>
        </Col>
      </Row>
      <PhasesFields />
      <TargetsFields />
    </FormModal>
  );
}

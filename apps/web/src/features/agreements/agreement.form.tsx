import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AGREEMENT_KINDS, COOPERATION_AREAS, type CreateAgreementInput, METRIC_KEYS, type MetricKey } from '@yilian/contracts';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { InstitutionSelect } from '../network/institution-select';
import { useCreateAgreement } from './agreements.resource';

interface Values {
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
  targets?: { metric: MetricKey; value: number; year?: number }[];
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
      parties: [
        { institutionId: v.assisting, role: 'assisting' },
        { institutionId: v.assisted, role: 'assisted' },
        ...(v.supervising ? [{ institutionId: v.supervising, role: 'supervising' as const }] : []),
      ],
      phases: [],
      targets: (v.targets ?? []).map((x) => ({ metric: x.metric, comparison: 'gte' as const, value: Number(x.value), ...(x.year ? { year: Number(x.year) } : {}) })),
    });
    onCreated(created.id);
  };
  return (
    <FormModal<Values> open={open} title={t('create.title')} onClose={onClose} onSubmit={submit} successMessage={t('create.saved')} width={760} initialValues={{ kind: 'guided_building' }}>
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
      <Form.Item name="areas" label={t('create.areas')}>
        <Select mode="multiple" options={COOPERATION_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))} />
      </Form.Item>
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
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            <div className="yl-muted" style={{ marginBottom: 8 }}>
              {t('create.targets')}
            </div>
            {fields.map((field, n) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'metric']} label={`${t('create.metric')} ${n + 1}`} rules={[{ required: true }]}>
                  <Select style={{ width: 280 }} showSearch={{ optionFilterProp: 'label' }} options={METRIC_KEYS.map((k) => ({ value: k, label: t(`metric.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} label={`${t('create.value')} ${n + 1}`} rules={[{ required: true }]}>
                  <InputNumber min={0} />
                </Form.Item>
                <Form.Item name={[field.name, 'year']} label={`${t('create.year')} ${n + 1}`}>
                  <InputNumber min={2000} max={2100} />
                </Form.Item>
                <MinusCircleOutlined aria-label="remove" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
              {t('create.addTarget')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

import { type CreateDepartmentInput, type InstitutionDetailDto, TITLES } from '@yilian/contracts';
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useEnumLabels, useLocalName } from '../../ui/labels';
import { type NewPractitioner, type NewWard, useCreateDepartment, useCreatePractitioner, useCreateWard } from './admin.resource';

interface Props {
  open: boolean;
  onClose: () => void;
  institution: InstitutionDetailDto;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

function useDepartmentOptions(institution: InstitutionDetailDto) {
  const name = useLocalName();
  return institution.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: name(d) }));
}

export function DepartmentFormModal({ open, onClose, institution }: Props) {
  const { t } = useTranslation('admin');
  const create = useCreateDepartment();
  return (
    <FormModal<CreateDepartmentInput>
      open={open}
      onClose={onClose}
      title={t('department.createTitle')}
      successMessage={t('saved')}
      onSubmit={(input) => create.mutateAsync({ institutionId: institution.id, input })}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('department.nameZh')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('department.nameEn')} rules={[{ required: true, whitespace: true, max: 120 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="code" label={t('department.code')} rules={[{ required: true, pattern: CODE, message: t('codeRule') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="specialty" label={t('department.specialty')} rules={[{ required: true, whitespace: true, max: 60 }]} extra={t('department.specialtyHint')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

export function WardFormModal({ open, onClose, institution }: Props) {
  const { t } = useTranslation('admin');
  const create = useCreateWard();
  const departments = useDepartmentOptions(institution);
  return (
    <FormModal<NewWard>
      open={open}
      onClose={onClose}
      title={t('ward.createTitle')}
      successMessage={t('saved')}
      initialValues={{ bedCount: 10, isReferralWard: false }}
      onSubmit={(input) => create.mutateAsync({ institutionId: institution.id, input })}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('ward.nameZh')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('ward.nameEn')} rules={[{ required: true, whitespace: true, max: 120 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="departmentId" label={t('ward.department')} rules={[{ required: true }]}>
            <Select options={departments} notFoundContent={t('ward.noDepartments')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="code" label={t('ward.code')} rules={[{ required: true, pattern: CODE, message: t('codeRule') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="bedCount" label={t('ward.bedCount')} rules={[{ required: true, type: 'integer', min: 0, max: 200 }]}>
            <InputNumber min={0} max={200} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isReferralWard" label={t('ward.isReferralWard')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

type PractitionerValues = Omit<NewPractitioner, 'specialties'> & { specialties?: string[] };

export function PractitionerFormModal({ open, onClose, institution }: Props) {
  const { t } = useTranslation('admin');
  const labels = useEnumLabels();
  const create = useCreatePractitioner();
  const departments = useDepartmentOptions(institution);
  const specialtyOptions = [...new Set(institution.departments.map((d) => d.specialty))].map((s) => ({ value: s, label: s }));
  return (
    <FormModal<PractitionerValues>
      open={open}
      onClose={onClose}
      title={t('practitioner.createTitle')}
      successMessage={t('saved')}
      onSubmit={(values) =>
        create.mutateAsync({ institutionId: institution.id, input: { ...values, specialties: (values.specialties ?? []).map((s) => s.trim()).filter(Boolean) } })
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('practitioner.nameZh')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('practitioner.nameEn')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t('practitioner.title')} rules={[{ required: true }]}>
            <Select options={TITLES.map((v) => ({ value: v, label: labels.title(v) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="departmentId" label={t('practitioner.department')}>
            <Select allowClear options={departments} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="specialties" label={t('practitioner.specialties')} extra={t('practitioner.specialtiesHint')}>
            <Select mode="tags" options={specialtyOptions} tokenSeparators={[',', '，', ' ']} maxCount={20} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

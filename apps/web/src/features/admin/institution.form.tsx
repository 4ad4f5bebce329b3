import { GRADES, INSTITUTION_TYPES, type InstitutionDto, TIERS } from '@yilian/contracts';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useEnumLabels } from '../../ui/labels';
import { InstitutionSelect } from '../network/institution-select';
import { type NewInstitution, useCreateInstitution, useUpdateInstitution } from './admin.resource';

type Values = NewInstitution & { active?: boolean };

/** Create an institution (under a parent) or edit one (`institution` given). */
export function InstitutionFormModal({
  open,
  onClose,
  institution,
  parentId,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  institution?: InstitutionDto;
  parentId?: string;
  onSaved?: (i: InstitutionDto) => void;
}) {
  const { t } = useTranslation('admin');
  const labels = useEnumLabels();
  const create = useCreateInstitution();
  const update = useUpdateInstitution();
  const editing = !!institution;

  const handleSubmit = async ({ code, active, ...values }: Values) => {
    const clean = { ...values, shortNameZh: values.shortNameZh || undefined, address: values.address || undefined };
    const saved = institution
      ? await update.mutateAsync({ id: institution.id, input: { ...clean, active, version: institution.version } })
      : await create.mutateAsync({ ...clean, code });
    onSaved?.(saved);
  };

  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      width={720}
      title={editing ? t('institution.editTitle') : t('institution.createTitle')}
      successMessage={t('saved')}
      initialValues={
        institution
          ? { ...institution, shortNameZh: institution.shortNameZh ?? undefined, address: institution.address ?? undefined, parentId: institution.parentId ?? undefined }
          : { parentId, grade: 'unrated' }
      }
      onSubmit={handleSubmit}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('institution.nameZh')} rules={[{ required: true, whitespace: true, max: 120 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('institution.nameEn')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t('institution.code')} rules={[{ required: !editing, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, message: t('codeRule') }]}>
            <Input disabled={editing} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortNameZh" label={t('institution.shortNameZh')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="divisionCode" label={t('institution.divisionCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('divisionRule') }]}>
            <Input maxLength={6} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="tier" label={t('institution.tier')} rules={[{ required: true }]}>
            <Select options={TIERS.map((v) => ({ value: v, label: labels.tier(v) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="grade" label={t('institution.grade')} rules={[{ required: true }]}>
            <Select options={GRADES.map((v) => ({ value: v, label: labels.grade(v) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('institution.type')} rules={[{ required: true }]}>
            <Select options={INSTITUTION_TYPES.map((v) => ({ value: v, label: labels.type(v) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionZh" label={t('institution.regionZh')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionEn" label={t('institution.regionEn')} rules={[{ required: true, whitespace: true, max: 120 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parentId" label={t('institution.parent')}>
            <InstitutionSelect allowClear disabled={editing} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t('institution.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        {editing && (
          <Col span={12}>
            <Form.Item name="active" label={t('institution.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}

/**
 * Field groups of an agreement form, used by the create form and the amend dialog: cooperation areas, phases,
 * targets (per year / per phase / whole term) and parties. Values: `agreement-values.ts`.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AGREEMENT_DOCUMENT_MIMES, AGREEMENT_KINDS, COOPERATION_AREAS, METRIC_KEYS, METRICS, PARTY_ROLES, type PartyRole } from '@yilian/contracts';
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../ui/labels';
import { InstitutionSelect } from '../network/institution-select';
import { useInstitutionTree } from '../network/network.resource';
import { SingleAttachment } from '../patients/attachment-upload';
import { type ListValues, NEW_TARGET, newPhaseKey, TARGET_PERIODS, type TargetValues } from './agreement-values';

export function AreasField() {
  const { t } = useTranslation('agreements');
  return (
    <Form.Item name="areas" label={t('create.areas')}>
      <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={COOPERATION_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))} />
    </Form.Item>
  );
}

/**
 * The signed text (PDF or image), field `document` (an `AttachmentDto[]` of at most one): uploaded as soon as it is
 * picked (POST /api/attachments), sent as `documentAttachmentId`; removing it detaches the text on save.
 */
export function DocumentField() {
  const { t } = useTranslation('agreements');
  return (
    <Form.Item name="document" label={t('create.document')} extra={t('create.documentHint')}>
      <SingleAttachment label={t('create.uploadDocument')} accept={AGREEMENT_DOCUMENT_MIMES.join(',')} removable />
    </Form.Item>
  );
}

/** A titled list with an "add" button under its rows. */
function ListSection({ title, addLabel, onAdd, children }: { title: string; addLabel: string; onAdd: () => void; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <div className="yl-muted" style={{ marginBottom: 8 }}>
        {title}
      </div>
      {children}
      <Button type="dashed" onClick={onAdd} icon={<PlusOutlined />}>
        {addLabel}
      </Button>
    </section>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button type="text" icon={<MinusCircleOutlined />} aria-label={label} title={label} onClick={onClick} style={{ marginTop: 30 }} />;
}

const kindOptions = (t: (key: string) => string) => AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));

/** Phases in order (seq = position); removing one clears the phase of the targets that pointed to it. */
export function PhasesFields() {
  const { t } = useTranslation('agreements');
  const form = Form.useFormInstance<ListValues>();
  const handleRemove = (name: number, remove: (name: number) => void) => {
    const key = form.getFieldValue(['phases', name, 'key']) as string | undefined;
    remove(name);
    const targets = (form.getFieldValue('targets') as TargetValues[] | undefined) ?? [];
    if (targets.some((x) => x.phaseKey === key)) form.setFieldValue('targets', targets.map((x) => (x.phaseKey === key ? { ...x, phaseKey: undefined } : x)));
  };
  return (
    <Form.List name="phases">
      {(fields, { add, remove }) => (
        <ListSection title={t('summary.phases')} addLabel={t('amend.addPhase')} onAdd={() => add({ key: newPhaseKey() })}>
          {fields.map((field, n) => (
            <Row key={field.key} gutter={8} wrap={false}>
              <Form.Item name={[field.name, 'key']} hidden>
                <Input />
              </Form.Item>
              <Col span={5}>
                <Form.Item name={[field.name, 'nameZh']} label={`${t('amend.phaseNameZh')} ${n + 1}`} rules={[{ required: true, whitespace: true, max: 80 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'nameEn']} label={`${t('amend.phaseNameEn')} ${n + 1}`} rules={[{ required: true, whitespace: true, max: 120 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'kind']} label={`${t('amend.phaseKind')} ${n + 1}`} rules={[{ required: true }]}>
                  <Select options={kindOptions(t)} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'startsOn']} label={`${t('amend.phaseStartsOn')} ${n + 1}`} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'endsOn']} label={`${t('amend.phaseEndsOn')} ${n + 1}`} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col span={1}>
                <RemoveButton label={t('amend.removePhase', { n: n + 1 })} onClick={() => handleRemove(field.name, remove)} />
              </Col>
            </Row>
          ))}
        </ListSection>
      )}
    </Form.List>
  );
}

function TargetRow({ name, n, onRemove }: { name: number; n: number; onRemove: () => void }) {
  const { t } = useTranslation('agreements');
  const local = useLocalName();
  const row = Form.useWatch((v: ListValues) => v.targets?.[name]);
  const phases = Form.useWatch((v: ListValues) => v.phases) ?? [];
  const ratio = row?.metric !== undefined && METRICS[row.metric] === 'ratio';
  const label = (key: string) => `${t(key)} ${n + 1}`;
  return (
    <Row gutter={8} wrap={false}>
      <Col span={7}>
        <Form.Item name={[name, 'metric']} label={label('create.metric')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={METRIC_KEYS.map((k) => ({ value: k, label: t(`metric.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[name, 'comparison']} label={label('create.comparison')} rules={[{ required: true }]}>
          <Select options={(['gte', 'lte'] as const).map((c) => ({ value: c, label: t(`amend.comparisonKind.${c}`) }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[name, 'value']} label={label('create.value')} rules={[{ required: true }]} tooltip={ratio ? t('amend.ratioHint') : undefined}>
          <InputNumber min={0} max={ratio ? 1 : 1_000_000} step={ratio ? 0.01 : 1} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[name, 'period']} label={label('amend.period')} rules={[{ required: true }]}>
          <Select options={TARGET_PERIODS.map((p) => ({ value: p, label: t(`amend.periodKind.${p}`) }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        {row?.period === 'year' && (
          <Form.Item name={[name, 'year']} label={label('create.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {row?.period === 'phase' && (
          <Form.Item name={[name, 'phaseKey']} label={label('amend.phase')} rules={[{ required: true }]}>
            <Select options={phases.map((p, i) => ({ value: p.key, label: local(p) || t('amend.phaseN', { n: i + 1 }) }))} />
          </Form.Item>
        )}
      </Col>
      <Col span={1}>
        <RemoveButton label={t('amend.removeTarget', { n: n + 1 })} onClick={onRemove} />
      </Col>
    </Row>
  );
}

/** Targets: metric, ≥/≤, value, and the period it applies to (a year, a phase of the list above, or the term). */
export function TargetsFields() {
  const { t } = useTranslation('agreements');
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <ListSection title={t('summary.targets')} addLabel={t('create.addTarget')} onAdd={() => add({ ...NEW_TARGET })}>
          {fields.map((field, n) => (
            <TargetRow key={field.key} name={field.name} n={n} onRemove={() => remove(field.name)} />
          ))}
        </ListSection>
      )}
    </Form.List>
  );
}

/** Supervising parties are health authorities; assisting and assisted parties are not. */
const fitsRole = (type: string, role: PartyRole | undefined) => (role === 'supervising') === (type === 'authority');

function PartyRow({ name, n, onRemove }: { name: number; n: number; onRemove: () => void }) {
  const { t } = useTranslation('agreements');
  const form = Form.useFormInstance<ListValues>();
  const tree = useInstitutionTree();
  const row = Form.useWatch((v: ListValues) => v.parties?.[name]);
  const handleRole = (role: PartyRole) => {
    const id = form.getFieldValue(['parties', name, 'institutionId']) as string | undefined;
    const inst = tree.data?.find((i) => i.id === id);
    if (inst && !fitsRole(inst.type, role)) form.setFieldValue(['parties', name, 'institutionId'], undefined);
  };
  return (
    <Row gutter={8} wrap={false}>
      <Col span={7}>
        <Form.Item name={[name, 'role']} label={`${t('amend.partyRole')} ${n + 1}`} rules={[{ required: true }]}>
          <Select options={PARTY_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={handleRole} />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name={[name, 'institutionId']} label={`${t('amend.party')} ${n + 1}`} rules={[{ required: true }]}>
          <InstitutionSelect filter={(i) => fitsRole(i.type, row?.role) || i.id === row?.institutionId} />
        </Form.Item>
      </Col>
      <Col span={1}>
        <RemoveButton label={t('amend.removeParty', { n: n + 1 })} onClick={onRemove} />
      </Col>
    </Row>
  );
}

/** Parties with their role; the API checks that one assisting and one assisted party remain. */
export function PartiesFields() {
  const { t } = useTranslation('agreements');
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <ListSection title={t('amend.parties')} addLabel={t('amend.addParty')} onAdd={() => add({ role: 'assisted' })}>
          {fields.map((field, n) => (
            <PartyRow key={field.key} name={field.name} n={n} onRemove={() => remove(field.name)} />
          ))}
        </ListSection>
      )}
    </Form.List>
  );
}

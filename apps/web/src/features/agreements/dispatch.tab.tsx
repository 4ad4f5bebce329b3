import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type AgreementDto, DISPATCH_ACTIVITY_KINDS, type DispatchActivityKind, type DispatchBatchDto } from '@yilian/contracts';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../ui/form-modal';
import { useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useBatches, useCreateBatch, useInstitutionDetail } from './agreements.resource';
import { TechniquesCard } from './techniques.card';

interface Values {
  hostInstitutionId: string;
  hostDepartmentId?: string;
  startsOn: string;
  endsOn: string;
  experts: string[];
  activities?: { kind: DispatchActivityKind; onDate: string; quantity?: number }[];
}

function BatchForm({ agreement, open, onClose }: { agreement: AgreementDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const session = useCurrentSession();
  const name = useLocalName();
  const create = useCreateBatch();
  const operating = agreement.parties.filter((p) => p.role !== 'supervising');
  const sendingId = operating.find((p) => p.institutionId === session.activeInstitutionId)?.institutionId ?? operating.find((p) => p.role === 'assisting')?.institutionId;
  const sending = useInstitutionDetail(sendingId);
  const [hostId, setHostId] = useState<string | undefined>(operating.find((p) => p.institutionId !== sendingId)?.institutionId);
  const host = useInstitutionDetail(hostId);
  const submit = (v: Values) =>
    create.mutateAsync({
      agreementId: agreement.id,
      hostInstitutionId: v.hostInstitutionId,
      ...(v.hostDepartmentId ? { hostDepartmentId: v.hostDepartmentId } : {}),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      members: v.experts.map((practitionerId, i) => ({ practitionerId, lead: i === 0 })),
      activities: (v.activities ?? []).map((a) => ({ kind: a.kind, onDate: a.onDate, quantity: Number(a.quantity ?? 0) })),
    });
  return (
    <FormModal<Values> open={open} title={t('dispatch.title')} onClose={onClose} onSubmit={submit} successMessage={t('dispatch.saved')} width={760} initialValues={{ hostInstitutionId: hostId }}>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="hostInstitutionId" label={t('dispatch.host')} rules={[{ required: true }]}>
            <Select onChange={(v: string) => setHostId(v)} options={operating.filter((p) => p.institutionId !== sendingId).map((p) => ({ value: p.institutionId, label: name(p) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="hostDepartmentId" label={t('dispatch.hostDepartment')}>
            <Select allowClear options={(host.data?.departments ?? []).map((d) => ({ value: d.id, label: name(d) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startsOn" label={t('dispatch.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endsOn" label={t('dispatch.endsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="experts" label={t('dispatch.experts')} rules={[{ required: true }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(sending.data?.practitioners ?? []).map((p) => ({ value: p.id, label: name(p) }))} />
      </Form.Item>
      <Form.List name="activities">
        {(fields, { add, remove }) => (
          <>
            <div className="yl-muted" style={{ marginBottom: 8 }}>
              {t('dispatch.activities')}
            </div>
            {fields.map((field, n) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'kind']} label={`${t('dispatch.kind')} ${n + 1}`} rules={[{ required: true }]}>
                  <Select style={{ width: 140 }} options={DISPATCH_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activity.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'onDate']} label={`${t('dispatch.onDate')} ${n + 1}`} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} label={`${t('dispatch.quantity')} ${n + 1}`}>
                  <InputNumber min={0} />
                </Form.Item>
                <MinusCircleOutlined aria-label="remove" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
              {t('dispatch.addActivity')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

export function DispatchTab({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const batches = useBatches(agreement.id);
  const [open, setOpen] = useState(false);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('tab.dispatch')}
        extra={agreement.can.record && agreement.status === 'active' && <Button type="primary" onClick={() => setOpen(true)}>{t('dispatch.record')}</Button>}
      >
        <PageState query={batches} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <Table<DispatchBatchDto>
              rowKey="id"
              size="small"
              aria-label={t('tab.dispatch')}
              dataSource={d.items}
              pagination={false}
              columns={[
                { title: t('dispatch.batch'), render: (_, b) => t('dispatch.batchNo', { n: b.batchNo }), width: 90 },
                { title: t('dispatch.startsOn'), dataIndex: 'startsOn', width: 110 },
                { title: t('dispatch.endsOn'), dataIndex: 'endsOn', width: 110 },
                { title: t('dispatch.host'), render: (_, b) => `${b.hostInstitutionZh}${b.hostDepartmentZh ? ` ${b.hostDepartmentZh}` : ''}` },
                { title: t('dispatch.experts'), render: (_, b) => b.members.map((m) => m.nameZh).join('、') },
                { title: t('dispatch.personTimes'), render: (_, b) => b.members.length, width: 70 },
                {
                  title: t('dispatch.activities'),
                  render: (_, b) =>
                    DISPATCH_ACTIVITY_KINDS.map((k) => [k, b.activities.filter((a) => a.kind === k).length] as const)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${t(`activity.${k}`)} ${n}`)
                      .join('，'),
                },
              ]}
            />
          )}
        </PageState>
      </Card>
      <TechniquesCard agreement={agreement} />
      {open && <BatchForm agreement={agreement} open={open} onClose={() => setOpen(false)} />}
    </Space>
  );
}

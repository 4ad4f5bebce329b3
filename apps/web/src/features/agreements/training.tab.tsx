import type { AgreementDto, TraineeDto } from '@yilian/contracts';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useCreateTrainee, useInstitutionDetail, useTrainees } from './agreements.resource';
import { AssessmentsTable, TraineeActions } from './trainee-actions';

interface Values {
  nameZh: string;
  position?: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  hostDepartmentId?: string;
  supervisorPractitionerId?: string;
  startsOn: string;
  endsOn: string;
  /** Departments rotated through during the stay (轮转安排), each within the period. */
  rotationPlan?: { nameZh: string; startsOn: string; endsOn: string }[];
}

function TraineeForm({ agreement, open, onClose }: { agreement: AgreementDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const name = useLocalName();
  const create = useCreateTrainee();
  const operating = agreement.parties.filter((p) => p.role !== 'supervising');
  const defaultHost = operating.find((p) => p.role === 'assisting')?.institutionId;
  const [hostId, setHostId] = useState<string | undefined>(defaultHost);
  const host = useInstitutionDetail(hostId);
  const submit = (v: Values) =>
    create.mutateAsync({
      agreementId: agreement.id,
      nameZh: v.nameZh,
      ...(v.position?.trim() ? { position: v.position.trim() } : {}),
      homeInstitutionId: v.homeInstitutionId,
      hostInstitutionId: v.hostInstitutionId,
      ...(v.hostDepartmentId ? { hostDepartmentId: v.hostDepartmentId } : {}),
      ...(v.supervisorPractitionerId ? { supervisorPractitionerId: v.supervisorPractitionerId } : {}),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      rotationPlan: (v.rotationPlan ?? []).map((r) => ({ nameZh: r.nameZh.trim(), startsOn: r.startsOn, endsOn: r.endsOn })),
    });
  const options = operating.map((p) => ({ value: p.institutionId, label: name(p) }));
  return (
    <FormModal<Values>
      open={open}
      title={t('training.title')}
      onClose={onClose}
      onSubmit={submit}
      successMessage={t('training.saved')}
      width={680}
      initialValues={{ hostInstitutionId: defaultHost, homeInstitutionId: operating.find((p) => p.role === 'assisted')?.institutionId }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nameZh" label={t('training.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="position" label={t('training.position')}>
            <Input maxLength={80} placeholder={t('training.positionHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="homeInstitutionId" label={t('training.home')} rules={[{ required: true }]}>
            <Select options={options} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="hostInstitutionId" label={t('training.host')} rules={[{ required: true }]}>
            <Select options={options} onChange={(v: string) => setHostId(v)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="hostDepartmentId" label={t('training.hostDepartment')}>
            <Select allowClear options={(host.data?.departments ?? []).map((d) => ({ value: d.id, label: name(d) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="supervisorPractitionerId" label={t('training.supervisor')}>
            <Select allowClear options={(host.data?.practitioners ?? []).map((p) => ({ value: p.id, label: name(p) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startsOn" label={t('training.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endsOn" label={t('training.endsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <RotationPlanFields />
    </FormModal>
  );
}

/** The rotation plan: rows of department and dates (the server checks they lie within the training period). */
function RotationPlanFields() {
  const { t } = useTranslation('agreements');
  return (
    <Form.List name="rotationPlan">
      {(fields, { add, remove }) => (
        <>
          <div className="yl-muted" style={{ marginBottom: 8 }}>
            {t('training.rotationPlan')}
          </div>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top">
              <Col span={10}>
                <Form.Item name={[f.name, 'nameZh']} label={t('training.rotationName', { n: i + 1 })} rules={[{ required: true }]}>
                  <Input maxLength={80} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[f.name, 'startsOn']} label={t('training.rotationFrom', { n: i + 1 })} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[f.name, 'endsOn']} label={t('training.rotationTo', { n: i + 1 })} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col span={2} style={{ paddingTop: 30 }}>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('training.removeRotation', { n: i + 1 })} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ nameZh: '', startsOn: '', endsOn: '' })} disabled={fields.length >= 24}>
            {t('training.addRotation')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** What a trainee rotates through, then the assessments. */
function TraineeDetail({ trainee }: { trainee: TraineeDto }) {
  const { t } = useTranslation('agreements');
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {trainee.rotationPlan.length > 0 && (
        <Table
          rowKey={(r) => `${r.startsOn}-${r.nameZh}`}
          size="small"
          aria-label={`${t('training.rotationPlan')} ${trainee.nameZh}`}
          pagination={false}
          dataSource={trainee.rotationPlan}
          columns={[
            { title: t('training.rotation'), dataIndex: 'nameZh' },
            { title: t('training.startsOn'), dataIndex: 'startsOn', width: 120 },
            { title: t('training.endsOn'), dataIndex: 'endsOn', width: 120 },
          ]}
        />
      )}
      <AssessmentsTable trainee={trainee} />
    </Space>
  );
}

export function TrainingTab({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const trainees = useTrainees(agreement.id);
  const [open, setOpen] = useState(false);
  const canRecord = agreement.can.record && agreement.status === 'active';
  return (
    <Card size="small" title={t('tab.training')} extra={canRecord && <Button type="primary" onClick={() => setOpen(true)}>{t('training.record')}</Button>}>
      <PageState query={trainees} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<TraineeDto>
            rowKey="id"
            size="small"
            aria-label={t('tab.training')}
            dataSource={d.items}
            pagination={{ pageSize: 20 }}
            expandable={{ expandedRowRender: (x) => <TraineeDetail trainee={x} />, rowExpandable: () => true }}
            columns={[
              { title: t('training.name'), render: (_, x) => (x.position ? `${x.nameZh}（${x.position}）` : x.nameZh) },
              { title: t('training.home'), dataIndex: 'homeInstitutionZh' },
              { title: t('training.hostDepartment'), render: (_, x) => `${x.hostInstitutionZh}${x.hostDepartmentZh ? ` ${x.hostDepartmentZh}` : ''}` },
              { title: t('training.supervisor'), render: (_, x) => x.supervisorZh ?? '—' },
              { title: t('training.startsOn'), dataIndex: 'startsOn' },
              { title: t('training.endsOn'), dataIndex: 'endsOn' },
              { title: t('training.status'), render: (_, x) => <Tag color={x.status === 'completed' ? 'green' : x.status === 'withdrawn' ? 'default' : 'blue'}>{t(`traineeStatus.${x.status}`)}</Tag> },
              {
                title: t('training.certificate'),
                render: (_, x) =>
                  x.status === 'completed' ? (
                    <a href={`/api/trainees/${x.id}/certificate.pdf`} download={`${x.certificateNo}.pdf`} aria-label={`${t('training.certificate')} ${x.certificateNo}`}>
                      {x.certificateNo}
                    </a>
                  ) : (
                    '—'
                  ),
              },
              ...(canRecord ? [{ title: t('assessment.actions'), render: (_: unknown, x: TraineeDto) => <TraineeActions trainee={x} /> }] : []),
            ]}
          />
        )}
      </PageState>
      {open && <TraineeForm agreement={agreement} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}

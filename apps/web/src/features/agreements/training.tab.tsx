import type { AgreementDto, TraineeDto } from '@yilian/contracts';
import { Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useCreateTrainee, useInstitutionDetail, useTrainees } from './agreements.resource';
import { AssessmentsTable, TraineeActions } from './trainee-actions';

interface Values {
  nameZh: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  hostDepartmentId?: string;
  supervisorPractitionerId?: string;
  startsOn: string;
  endsOn: string;
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
      homeInstitutionId: v.homeInstitutionId,
      hostInstitutionId: v.hostInstitutionId,
      ...(v.hostDepartmentId ? { hostDepartmentId: v.hostDepartmentId } : {}),
      ...(v.supervisorPractitionerId ? { supervisorPractitionerId: v.supervisorPractitionerId } : {}),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      rotationPlan: [],
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
      <Form.Item name="nameZh" label={t('training.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
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
    </FormModal>
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
            expandable={{ expandedRowRender: (x) => <AssessmentsTable trainee={x} />, rowExpandable: () => true }}
            columns={[
              { title: t('training.name'), dataIndex: 'nameZh' },
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

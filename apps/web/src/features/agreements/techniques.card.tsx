import type { AgreementDto, TechniqueDto } from '@yilian/contracts';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useCreateTechnique, useRecordIndependent, useTechniques } from './agreements.resource';

interface Values {
  nameZh: string;
  nameEn: string;
  hostInstitutionId: string;
  introducedOn: string;
  firstIndependentOn?: string;
}

/** Techniques introduced (新技术新项目), with the date the host first performed each one alone. */
export function TechniquesCard({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const name = useLocalName();
  const techniques = useTechniques(agreement.id);
  const create = useCreateTechnique();
  const independent = useRecordIndependent();
  const [open, setOpen] = useState(false);
  const [alone, setAlone] = useState<TechniqueDto | null>(null);
  const canRecord = agreement.can.record && agreement.status === 'active';
  const hosts = agreement.parties.filter((p) => p.role !== 'supervising');
  return (
    <Card size="small" title={t('dispatch.techniques')} extra={canRecord && <Button onClick={() => setOpen(true)}>{t('technique.record')}</Button>}>
      <PageState query={techniques} isEmpty={(d) => d.length === 0}>
        {(d) => (
          <Table<TechniqueDto>
            rowKey="id"
            size="small"
            aria-label={t('dispatch.techniques')}
            dataSource={d}
            pagination={false}
            columns={[
              { title: t('dispatch.techniques'), render: (_, x) => name(x) },
              { title: t('dispatch.host'), render: (_, x) => name(hosts.find((p) => p.institutionId === x.hostInstitutionId)) },
              { title: t('dispatch.introducedOn'), dataIndex: 'introducedOn' },
              {
                title: t('dispatch.independentOn'),
                render: (_, x) =>
                  x.firstIndependentOn ??
                  (canRecord ? (
                    <Button size="small" onClick={() => setAlone(x)}>
                      {t('technique.recordIndependent')}
                    </Button>
                  ) : (
                    '—'
                  )),
              },
            ]}
          />
        )}
      </PageState>
      <FormModal<Values>
        open={open}
        title={t('technique.title')}
        onClose={() => setOpen(false)}
        onSubmit={(v) => create.mutateAsync({ agreementId: agreement.id, ...v, ...(v.firstIndependentOn ? {} : { firstIndependentOn: undefined }) })}
        successMessage={t('technique.saved')}
        initialValues={{ hostInstitutionId: hosts.find((p) => p.role === 'assisted')?.institutionId }}
      >
        <Form.Item name="nameZh" label={t('technique.nameZh')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('technique.nameEn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hostInstitutionId" label={t('dispatch.host')} rules={[{ required: true }]}>
          <Select options={hosts.map((p) => ({ value: p.institutionId, label: name(p) }))} />
        </Form.Item>
        <Form.Item name="introducedOn" label={t('dispatch.introducedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="firstIndependentOn" label={t('dispatch.independentOn')}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
      <FormModal<{ firstIndependentOn: string }>
        open={alone !== null}
        title={alone ? `${t('technique.recordIndependent')} · ${name(alone)}` : ''}
        onClose={() => setAlone(null)}
        onSubmit={(v) => independent.mutateAsync({ id: alone?.id ?? '', version: alone?.version ?? 1, firstIndependentOn: v.firstIndependentOn })}
        successMessage={t('technique.saved')}
      >
        <Form.Item name="firstIndependentOn" label={t('dispatch.independentOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

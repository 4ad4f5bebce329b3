import { ASSESSMENT_KINDS, ASSESSMENT_RESULTS, type AssessmentDto, type TraineeDto } from '@yilian/contracts';
import { Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { useAddAssessment, useCompleteTrainee } from './agreements.resource';

interface AssessmentValues {
  onDate: string;
  kind: (typeof ASSESSMENT_KINDS)[number];
  score?: number;
  result: (typeof ASSESSMENT_RESULTS)[number];
  assessor: string;
  comment?: string;
}

/** Record an assessment, and complete the training (needs a passed final assessment; issues the certificate). */
export function TraineeActions({ trainee }: { trainee: TraineeDto }) {
  const { t } = useTranslation('agreements');
  const assess = useAddAssessment();
  const complete = useCompleteTrainee();
  const [open, setOpen] = useState<'assess' | 'complete' | null>(null);
  if (trainee.status !== 'in_training') return null;
  return (
    <Space size={4}>
      <Button size="small" onClick={() => setOpen('assess')} aria-label={`${t('assessment.record')} ${trainee.nameZh}`}>
        {t('assessment.record')}
      </Button>
      <Button size="small" type="primary" onClick={() => setOpen('complete')} aria-label={`${t('assessment.complete')} ${trainee.nameZh}`}>
        {t('assessment.complete')}
      </Button>
      <FormModal<AssessmentValues>
        open={open === 'assess'}
        title={`${t('assessment.record')} · ${trainee.nameZh}`}
        onClose={() => setOpen(null)}
        onSubmit={({ comment, score, ...v }) => assess.mutateAsync({ id: trainee.id, input: { ...v, ...(score === undefined || score === null ? {} : { score }), ...(comment ? { comment } : {}) } })}
        successMessage={t('assessment.saved')}
        initialValues={{ kind: 'final', result: 'pass' }}
      >
        <Form.Item name="onDate" label={t('assessment.onDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="kind" label={t('assessment.kind')} rules={[{ required: true }]}>
          <Select options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: t(`assessmentKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="score" label={t('assessment.score')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="result" label={t('assessment.result')} rules={[{ required: true }]}>
          <Select options={ASSESSMENT_RESULTS.map((k) => ({ value: k, label: t(`assessmentResult.${k}`) }))} />
        </Form.Item>
        <Form.Item name="assessor" label={t('assessment.assessor')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="comment" label={t('assessment.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ completedOn: string }>
        open={open === 'complete'}
        title={`${t('assessment.complete')} · ${trainee.nameZh}`}
        onClose={() => setOpen(null)}
        onSubmit={(v) => complete.mutateAsync({ id: trainee.id, version: trainee.version, completedOn: v.completedOn })}
        successMessage={t('assessment.completed')}
      >
        <p className="yl-muted">{t('assessment.completeHint')}</p>
        <Form.Item name="completedOn" label={t('assessment.completedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** A trainee's assessments (the expanded row). */
export function AssessmentsTable({ trainee }: { trainee: TraineeDto }) {
  const { t } = useTranslation('agreements');
  if (trainee.assessments.length === 0) return <span className="yl-muted">{t('assessment.none')}</span>;
  return (
    <Table<AssessmentDto>
      rowKey="id"
      size="small"
      aria-label={`${t('assessment.title')} ${trainee.nameZh}`}
      pagination={false}
      dataSource={trainee.assessments}
      columns={[
        { title: t('assessment.onDate'), dataIndex: 'onDate', width: 110 },
        { title: t('assessment.kind'), render: (_, a) => t(`assessmentKind.${a.kind}`) },
        { title: t('assessment.score'), render: (_, a) => a.score ?? '—' },
        { title: t('assessment.result'), render: (_, a) => t(`assessmentResult.${a.result}`) },
        { title: t('assessment.assessor'), dataIndex: 'assessor' },
      ]}
    />
  );
}

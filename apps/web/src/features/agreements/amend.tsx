import type { AgreementDto, AgreementVersionDto } from '@yilian/contracts';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/form-modal';
import { PageState } from '../../ui/page-state';
import { useAmendAgreement, useEndAgreement, useVersions } from './agreements.resource';

interface AmendValues {
  titleZh: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** Amend (a new version; the previous state is kept) and end an agreement — for those who may amend it. */
export function AgreementActions({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation('agreements');
  const amend = useAmendAgreement(agreement.id);
  const end = useEndAgreement(agreement.id);
  const [open, setOpen] = useState<'amend' | 'end' | null>(null);
  if (!agreement.can.amend || agreement.status === 'ended') return null;
  const submitAmend = (v: AmendValues) => {
    const changed = {
      ...(v.titleZh !== agreement.titleZh ? { titleZh: v.titleZh } : {}),
      ...(v.titleEn !== agreement.titleEn ? { titleEn: v.titleEn } : {}),
      ...(v.startsOn !== agreement.startsOn ? { startsOn: v.startsOn } : {}),
      ...(v.endsOn !== agreement.endsOn ? { endsOn: v.endsOn } : {}),
    };
    return amend.mutateAsync({ version: agreement.version, reason: v.reason, ...changed });
  };
  return (
    <Space>
      <Button onClick={() => setOpen('amend')}>{t('amend.action')}</Button>
      <Button danger onClick={() => setOpen('end')}>
        {t('end.action')}
      </Button>
      <FormModal<AmendValues>
        open={open === 'amend'}
        title={t('amend.title')}
        onClose={() => setOpen(null)}
        onSubmit={submitAmend}
        successMessage={t('amend.saved')}
        initialValues={{ titleZh: agreement.titleZh, titleEn: agreement.titleEn, startsOn: agreement.startsOn, endsOn: agreement.endsOn }}
      >
        <Form.Item name="titleZh" label={t('create.titleZh')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="titleEn" label={t('create.titleEn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="startsOn" label={t('create.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('create.endsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('amend.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal<{ endedOn: string; reason: string }>
        open={open === 'end'}
        title={t('end.title')}
        okText={t('end.action')}
        onClose={() => setOpen(null)}
        onSubmit={(v) => end.mutateAsync({ version: agreement.version, endedOn: v.endedOn, reason: v.reason })}
        successMessage={t('end.saved')}
      >
        <p className="yl-muted">{t('end.warning')}</p>
        <Form.Item name="endedOn" label={t('end.endedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t('end.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

const snapshotText = (s: Record<string, unknown>, key: string): string => {
  const v = s[key];
  return typeof v === 'string' ? v : '';
};

/** The amendment history: each row is the state before that change, with its reason. */
export function VersionsCard({ agreementId }: { agreementId: string }) {
  const { t, i18n } = useTranslation('agreements');
  const versions = useVersions(agreementId);
  return (
    <Card size="small" title={t('amend.history')}>
      <PageState query={versions} isEmpty={(d) => d.length === 0} empty={t('amend.noHistory')}>
        {(d) => (
          <Table<AgreementVersionDto>
            rowKey="version"
            size="small"
            aria-label={t('amend.history')}
            pagination={false}
            dataSource={d}
            columns={[
              { title: t('amend.version'), dataIndex: 'version', width: 80 },
              { title: t('amend.changedAt'), render: (_, v) => dayjs(v.changedAt).format('YYYY-MM-DD HH:mm'), width: 150 },
              { title: t('amend.reason'), render: (_, v) => v.reason ?? '—' },
              { title: t('amend.before'), render: (_, v) => `${snapshotText(v.snapshot, i18n.language === 'en' ? 'titleEn' : 'titleZh')} · ${snapshotText(v.snapshot, 'startsOn')} — ${snapshotText(v.snapshot, 'endsOn')}` },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}

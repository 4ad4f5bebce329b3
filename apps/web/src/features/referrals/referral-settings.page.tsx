import type { GreenCategoryDto } from '@yilian/contracts';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { useInstitutionTree } from '../network/network.resource';
import { useGreenCategories, useReferralSettings, useUpdateGreenCategory, useUpdateReferralSettings } from './referrals.resource';

/** Admin panel: the institution's bed-hold / open-loop / follow-up grace settings and (network admins) the green-channel categories. */
export function ReferralSettingsPage() {
  const { t } = useTranslation('referrals');
  return (
    <>
      <PageHeader title={t('settings.title')} crumbs={[{ label: t('nav'), to: '/referrals' }, { label: t('settings.title') }]} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <InstitutionSettings />
        </Col>
        <Col xs={24} lg={14}>
          <GreenCategories />
        </Col>
      </Row>
    </>
  );
}

interface SettingsForm {
  bedHoldHours: number;
  openLoopDays: number;
  followUpGraceDays: number;
}

function InstitutionSettings() {
  const { t } = useTranslation('referrals');
  const { message } = App.useApp();
  const query = useReferralSettings();
  const save = useUpdateReferralSettings();
  return (
    <Card size="small" title={t('settings.institution')}>
      <PageState query={query} rows={4}>
        {(s) => (
          <Form<SettingsForm>
            layout="vertical"
            name="referral-settings"
            key={`${s.institutionId ?? 'default'}:${s.bedHoldMinutes}:${s.openLoopDays}:${s.followUpGraceDays}`}
            initialValues={{ bedHoldHours: s.bedHoldMinutes / 60, openLoopDays: s.openLoopDays, followUpGraceDays: s.followUpGraceDays }}
            onFinish={(v) =>
              void save
                .mutateAsync({ bedHoldMinutes: Math.round(v.bedHoldHours * 60), openLoopDays: v.openLoopDays, followUpGraceDays: v.followUpGraceDays })
                .then(() => message.success(t('settings.saved')), () => undefined)
            }
          >
            {s.institutionId === null && <Tag style={{ marginBottom: 12 }}>{t('settings.inherited')}</Tag>}
            <Form.Item name="bedHoldHours" label={t('settings.bedHoldHours')} rules={[{ required: true }]} extra={t('settings.bedHoldHelp')}>
              <InputNumber min={0.25} max={168} step={1} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="openLoopDays" label={t('settings.openLoopDays')} rules={[{ required: true }]} extra={t('settings.openLoopHelp')}>
              <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="followUpGraceDays" label={t('settings.followUpGraceDays')} rules={[{ required: true }]}>
              <InputNumber min={0} max={60} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <ErrorAlert error={save.error} />
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Form>
        )}
      </PageState>
    </Card>
  );
}

function GreenCategories() {
  const { t } = useTranslation('referrals');
  const name = useLocalName();
  const session = useCurrentSession();
  const tree = useInstitutionTree();
  const query = useGreenCategories();
  const own = tree.data?.find((i) => i.id === session.activeInstitutionId);
  const canEdit = !!own && own.parentId === null;
  return (
    <Card size="small" title={t('settings.green')}>
      {own && !canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('settings.greenReadOnly')} />}
      <PageState query={query} isEmpty={(d) => d.length === 0} rows={6}>
        {(d) => (
          <Table<GreenCategoryDto>
            rowKey="code"
            size="small"
            pagination={false}
            aria-label={t('settings.green')}
            dataSource={d}
            columns={[
              { title: t('settings.category'), key: 'name', render: (_, c) => name(c) },
              { title: t('settings.responseMinutes'), key: 'minutes', render: (_, c) => <CategoryRow c={c} canEdit={canEdit} /> },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}

/** One category: its response target in minutes and whether it is offered; saved per row. */
function CategoryRow({ c, canEdit }: { c: GreenCategoryDto; canEdit: boolean }) {
  const { t } = useTranslation('referrals');
  const { message } = App.useApp();
  const update = useUpdateGreenCategory();
  const [minutes, setMinutes] = useState<number>(c.responseMinutes);
  const [active, setActive] = useState<boolean>(c.active);
  const dirty = minutes !== c.responseMinutes || active !== c.active;
  return (
    <div className="yl-toolbar" style={{ marginBottom: 0 }}>
      <InputNumber aria-label={`${t('settings.responseMinutes')} ${c.code}`} min={5} max={1440} precision={0} value={minutes} disabled={!canEdit} onChange={(v) => setMinutes(v ?? c.responseMinutes)} style={{ width: 100 }} />
      <Switch aria-label={`${t('settings.active')} ${c.code}`} checked={active} disabled={!canEdit} onChange={setActive} checkedChildren={t('settings.active')} unCheckedChildren={t('settings.inactive')} />
      {canEdit && (
        <Button
          size="small"
          disabled={!dirty}
          loading={update.isPending}
          onClick={() => void update.mutateAsync({ code: c.code, input: { responseMinutes: minutes, active } }).then(() => message.success(t('settings.saved')), () => undefined)}
        >
          {t('settings.save')}
        </Button>
      )}
      {update.error ? <ErrorAlert error={update.error} /> : null}
    </div>
  );
}

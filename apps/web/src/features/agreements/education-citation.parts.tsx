import type { EducationSessionDto } from '@yilian/contracts';
import { Descriptions, type DescriptionsProps, Form, Input, Select, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CitableConsult, consultRef } from './education-citation';
import { useCitableConsults, useCitedConsult } from './education.resource';

/**
 * The case-conference fields of the "record tele-education" dialog: a closed consult of this agreement that the
 * actor's institution can open (optional), and the de-identified case summary. Patients are never named here.
 */
export function CaseConferenceFields({ agreementId, canList }: { agreementId: string; canList: boolean }) {
  const { t } = useTranslation('agreements');
  const citable = useCitableConsults(agreementId, canList);
  const options = (citable.data ?? []).map((c) => ({ value: c.id, label: citableLabel(c, t) }));
  const help = !canList
    ? t('education.citedConsultNoRole')
    : citable.isError
      ? citable.error.message
      : citable.isSuccess && options.length === 0
        ? t('education.citedConsultNone')
        : t('education.citedConsultHelp');
  return (
    <>
      <Form.Item name="citedConsultId" label={t('education.citedConsult')} extra={help}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!canList}
          loading={citable.isFetching}
          placeholder={t('education.citedConsultPlaceholder')}
          options={options}
          notFoundContent={citable.isFetching ? <Spin size="small" /> : undefined}
        />
      </Form.Item>
      <Form.Item name="caseSummary" label={t('education.caseSummary')} extra={t('education.caseSummaryHelp')}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </>
  );
}

/** "#3F2A9C1D · 普通会诊 · 脑梗死后吞咽困难 · 2025-06-01" — what the coordinator picks from. */
function citableLabel(c: CitableConsult, t: TFunction<'agreements'>): string {
  return [t('education.consultRef', { ref: c.ref }), t(`consults:kind.${c.kind}`), c.chiefComplaint, c.submittedAt ? dayjs(c.submittedAt).format('YYYY-MM-DD') : '']
    .filter(Boolean)
    .join(' · ');
}

/**
 * The "cited consult" cell: the short reference for everyone who sees the session; with the consult's kind and a
 * link only when the actor's institution can open it (`consult` given).
 */
export function CitationCell({ session, consult }: { session: EducationSessionDto; consult: CitableConsult | undefined }) {
  const { t } = useTranslation('agreements');
  if (!session.citedConsultId) return <>—</>;
  const ref = t('education.consultRef', { ref: consultRef(session.citedConsultId) });
  if (!consult) return <span>{ref}</span>;
  return <Link to={`/consults/${consult.id}`}>{`${ref} · ${t(`consults:kind.${consult.kind}`)}`}</Link>;
}

/** A session's detail (the expanded row): the citation, the de-identified case summary and the attendance. */
export function SessionDetail({ session, consult, attendance }: { session: EducationSessionDto; consult: CitableConsult | undefined; attendance: ReactNode }) {
  const { t } = useTranslation('agreements');
  const cited = session.citedConsultId;
  const items: DescriptionsProps['items'] = [];
  if (cited) {
    items.push({
      key: 'cited',
      label: t('education.citedConsult'),
      children: consult ? (
        <Link to={`/consults/${consult.id}`}>{t('education.openConsult', { ref: consult.ref })}</Link>
      ) : (
        <>
          {t('education.consultRef', { ref: consultRef(cited) })} <span className="yl-muted">{t('education.notOpenable')}</span>
        </>
      ),
    });
  }
  if (consult) {
    items.push({ key: 'kind', label: t('education.consultKind'), children: t(`consults:kind.${consult.kind}`) });
    items.push({ key: 'diagnosis', label: t('education.diagnosis'), children: <Diagnoses consultId={consult.id} /> });
  }
  if (session.caseSummary) items.push({ key: 'summary', label: t('education.caseSummary'), children: session.caseSummary });
  return (
    <section aria-label={t('education.detail', { topic: session.topicZh })}>
      {items.length > 0 && <Descriptions size="small" bordered column={1} items={items} style={{ marginBottom: session.attendance.length ? 12 : 0 }} />}
      {session.attendance.length > 0 && attendance}
    </section>
  );
}

/** The cited consult's coded diagnoses, read only on demand (an audited read of a consult the actor may open). */
function Diagnoses({ consultId }: { consultId: string }) {
  const detail = useCitedConsult(consultId, true);
  if (detail.isPending) return <Spin size="small" />;
  if (detail.isError) return <span className="yl-muted">{detail.error.message}</span>;
  const diagnoses = detail.data.summary.diagnoses;
  if (diagnoses.length === 0) return <>—</>;
  return (
    <>
      {diagnoses.map((d) => (
        <Tag key={d.code}>
          {d.code} {d.label}
        </Tag>
      ))}
    </>
  );
}

import { FileOutlined } from '@ant-design/icons';
import { CLINICAL_ROLES, type AttachmentDto } from '@yilian/contracts';
import { Card, Image, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentSession } from '../../app/session';
import { PageState } from '../../ui/page-state';
import { useAttachmentsById } from './patients.resource';

const url = (a: AttachmentDto) => `/api/attachments/${a.id}/content`;

/** PDF and images inline; DICOM (and text) as a file list until the viewer issue. */
export function AttachmentPreview({ items }: { items: AttachmentDto[] }) {
  const { t } = useTranslation('patients');
  const images = items.filter((a) => a.mime === 'image/png' || a.mime === 'image/jpeg');
  const pdfs = items.filter((a) => a.mime === 'application/pdf');
  const others = items.filter((a) => !images.includes(a) && !pdfs.includes(a));
  return (
    <>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {images.map((a) => (
              <Image key={a.id} src={url(a)} alt={a.fileName} width={120} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {pdfs.map((a) => (
        <div key={a.id} style={{ marginTop: 8 }}>
          <a href={url(a)} target="_blank" rel="noreferrer">
            {a.fileName}
          </a>
          <iframe title={a.fileName} src={url(a)} style={{ width: '100%', height: 420, border: '1px solid #eee', marginTop: 4 }} />
        </div>
      ))}
      {others.length > 0 && (
        <List
          size="small"
          header={others.some((a) => a.mime === 'application/dicom') ? t('attachments.dicom') : undefined}
          dataSource={others}
          renderItem={(a) => (
            <List.Item>
              <a href={url(a)} target="_blank" rel="noreferrer">
                <FileOutlined /> {a.fileName}
              </a>
              <span className="yl-muted">{(a.size / 1024).toFixed(1)} KB</span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** The attachments card of a record: nothing when there are none. */
export function AttachmentsCard({ items }: { items: AttachmentDto[] }) {
  const { t } = useTranslation('patients');
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('attachments.title')} style={{ marginTop: 16 }}>
      <AttachmentPreview items={items} />
    </Card>
  );
}

/** The same card for a record that lists only attachment ids (loads each one's metadata). */
/** Attachments are clinical records: leaders, admins and auditors see how many there are, not the files (the API refuses them). */
export function AttachmentsByIdCard({ ids }: { ids: string[] }) {
  const { t } = useTranslation('patients');
  const clinical = hasAnyRole(useCurrentSession(), CLINICAL_ROLES);
  const query = useAttachmentsById(ids, clinical);
  if (ids.length === 0) return null;
  return (
    <Card size="small" title={t('attachments.title')} style={{ marginBottom: 16 }}>
      {clinical ? (
        <PageState query={query} rows={2}>
          {(items) => <AttachmentPreview items={items} />}
        </PageState>
      ) : (
        <p className="yl-muted">{t('attachments.clinicalOnly', { count: ids.length })}</p>
      )}
    </Card>
  );
}


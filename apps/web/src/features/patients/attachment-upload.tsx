import { UploadOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@yilian/contracts';
import { App, Button, Space, Tag, Upload } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpload } from './patients.resource';

/**
 * One upload button: raw-body POST /api/attachments; calls `onDone` with the stored attachment. `accept` narrows the
 * file picker (the server still decides the type from the bytes); `multiple` = several files at once (default).
 */
export function UploadButton({ onDone, label, accept, multiple = true }: { onDone: (a: AttachmentDto) => void; label?: string; accept?: string; multiple?: boolean }) {
  const { t } = useTranslation('patients');
  const { message } = App.useApp();
  const upload = useUpload();
  return (
    <Upload
      showUploadList={false}
      multiple={multiple}
      accept={accept}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutateAsync(file as File).then(
          (a) => {
            onDone(a);
            onSuccess?.(a);
          },
          (e: Error) => {
            message.error(`${t('attachments.uploadFailed')}: ${e.message}`);
            onError?.(e);
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />} loading={upload.isPending}>
        {label ?? t('attachments.upload')}
      </Button>
    </Upload>
  );
}

/**
 * A form control for attachments: upload button plus the files so far (removable before saving).
 * `fixed` are already linked to the record (shown, not removable). Value = the uploaded attachments.
 */
export function AttachmentUpload({ value = [], onChange, fixed = [] }: { value?: AttachmentDto[]; onChange?: (v: AttachmentDto[]) => void; fixed?: AttachmentDto[] }) {
  const { t } = useTranslation('patients');
  // Several files upload at once: each completion must add to the latest list, not to the one it started with.
  const latest = useRef(value);
  latest.current = value;
  const add = (a: AttachmentDto) => {
    latest.current = [...latest.current.filter((x) => x.id !== a.id), a];
    onChange?.(latest.current);
  };
  return (
    <Space wrap aria-label={t('attachments.title')}>
      <UploadButton onDone={add} />
      {fixed.map((f) => (
        <Tag key={f.id} color="blue">
          {f.fileName}
        </Tag>
      ))}
      {value.map((f) => (
        <Tag key={f.id} closable onClose={() => onChange?.(value.filter((x) => x.id !== f.id))} data-testid="uploaded-attachment">
          {f.fileName}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * A form control holding one file (e.g. the signed consent form, an agreement's signed text); a new upload replaces
 * it. `removable` lets the user clear it (value becomes []); `label` and `accept` go to the upload button.
 */
export function SingleAttachment({
  value = [],
  onChange,
  label,
  accept,
  removable = false,
}: {
  value?: AttachmentDto[];
  onChange?: (v: AttachmentDto[]) => void;
  label?: string;
  accept?: string;
  removable?: boolean;
}) {
  return (
    <Space>
      <UploadButton onDone={(a) => onChange?.([a])} multiple={false} label={label} accept={accept} />
      {value[0] && (
        <Tag closable={removable} onClose={() => onChange?.([])} data-testid="uploaded-attachment">
          {value[0].fileName}
        </Tag>
      )}
    </Space>
  );
}

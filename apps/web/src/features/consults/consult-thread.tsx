import { PaperClipOutlined } from '@ant-design/icons';
import type { AttachmentDto, ConsultDetailDto } from '@yilian/contracts';
import { Button, Card, Empty, Form, Input, List, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { AttachmentUpload } from '../patients/attachment-upload';
import { useConsultAction } from './consults.resource';

/** The thread between requester and target, with attachments; a requester reply answers a pending information request. */
export function ConsultThread({ c }: { c: ConsultDetailDto }) {
  const { t } = useTranslation('consults');
  const act = useConsultAction(c.id);
  const [form] = Form.useForm<{ body: string }>();
  const [files, setFiles] = useState<AttachmentDto[]>([]);
  const canPost = c.allowedActions.includes('message');

  async function handleSend() {
    const { body } = await form.validateFields();
    await act.mutateAsync({ action: 'messages', body: { body, attachmentIds: files.map((f) => f.id) } }).then(
      () => {
        form.resetFields();
        setFiles([]);
      },
      () => undefined,
    );
  }

  return (
    <Card title={t('section.thread')} size="small" style={{ marginTop: 16 }}>
      {c.messages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          aria-label={t('section.thread')}
          dataSource={c.messages}
          renderItem={(m) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Space size={4}>
                  <strong>{m.authorName}</strong>
                  <span className="yl-muted">{dayjs(m.createdAt).format('YYYY-MM-DD HH:mm')}</span>
                  {m.kind === 'info_request' && <Tag color="gold">{t('label.infoRequest')}</Tag>}
                  {m.kind === 'info_response' && <Tag color="green">{t('label.infoResponse')}</Tag>}
                </Space>
                <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                {m.attachments.map((a) => (
                  <a key={a.id} href={`/api/attachments/${a.id}/content`} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>
                    <PaperClipOutlined /> {a.fileName}
                  </a>
                ))}
              </div>
            </List.Item>
          )}
        />
      )}
      {canPost && (
        <Form form={form} name="consult-thread" layout="vertical" style={{ marginTop: 8 }}>
          <Form.Item name="body" label={t('field.message')} rules={[{ required: true }, { max: 8000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            <AttachmentUpload value={files} onChange={setFiles} />
            <Button type="primary" loading={act.isPending} onClick={() => void handleSend()}>
              {t('action.send')}
            </Button>
          </Space>
          <ErrorAlert error={act.error} />
        </Form>
      )}
    </Card>
  );
}

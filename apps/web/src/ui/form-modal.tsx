import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrors } from './error-alert';

/**
 * A form in a modal: submit runs `onSubmit(values)`; on success the modal closes with a message, on failure
 * the server message shows above the fields and 400 field issues are attached to their fields.
 */
export function FormModal<T extends object>({
  open,
  title,
  okText,
  initialValues,
  onClose,
  onSubmit,
  successMessage,
  width = 560,
  children,
}: {
  open: boolean;
  title: ReactNode;
  okText?: ReactNode;
  initialValues?: Partial<T>;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  successMessage?: string;
  width?: number;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}) {
  const { t } = useTranslation('common');
  const [form] = Form.useForm<T>();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const handleFinish = async (values: T) => {
    setError(null);
    setSubmitting(true);
    try {
      await onSubmit(values);
      if (successMessage) void message.success(successMessage);
      onClose();
    } catch (e) {
      setError(e);
      const fields = fieldErrors(e);
      const known = Object.entries(fields).filter(([path]) => form.getFieldInstance(path.split('.') as never) !== undefined);
      form.setFields(known.map(([path, msg]) => ({ name: path.split('.') as never, errors: [msg] })));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('action.save')}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
      maskClosable={false}
    >
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void handleFinish(v)} preserve={false}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}


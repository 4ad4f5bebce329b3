import { LockOutlined, MedicineBoxFilled, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch';
import { HOME_PATH } from '../../app/routes';
import { useLogin, useSession } from '../../app/session';
import { ErrorAlert } from '../../ui/error-alert';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : HOME_PATH;
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { session, isLoading } = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:app.name')}`;
  }, [t]);

  if (!isLoading && session && !login.isPending) return <Navigate to={next} replace />;

  const handleFinish = (values: LoginForm) =>
    login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });

  return (
    <main className="yl-login">
      <div className="yl-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="yl-login-card">
        <div className="yl-login-brand">
          <MedicineBoxFilled aria-hidden />
          <div>
            <h1>{t('common:app.name')}</h1>
            <Typography.Text type="secondary">{t('common:app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('title')}
        </Typography.Title>
        <Form<LoginForm> layout="vertical" onFinish={handleFinish} requiredMark={false} disabled={login.isPending} aria-label={t('title')}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={login.error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
      <div className="yl-login-foot">{t('footer')}</div>
    </main>
  );
}

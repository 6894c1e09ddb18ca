/** 登录: username and password; afterwards back to where the user was going, or the dashboard. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, ApiError, unwrap } from '../api.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useSessionQuery, useStoreSession } from '../session.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Only paths inside the app, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const [form] = Form.useForm<Credentials>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const storeSession = useStoreSession();
  // Already signed in (a second tab, the back button): go straight on. This also picks up the
  // session's CSRF token, without which the server would refuse a login over a live session.
  const session = useSessionQuery();
  useEffect(() => {
    if (session.data) void navigate(safeNext(params.get('next')), { replace: true });
  }, [session.data, navigate, params]);
  const login = useMutation({
    mutationFn: (values: Credentials) => unwrap(api.POST('/api/auth/login', { body: values })),
    onSuccess: (me) => {
      storeSession(me);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.field as keyof Credentials, errors: [f.message] })));
      }
    },
  });
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg, #1e3a8a 0%, #1d4ed8 55%, #e0e7ff 100%)' }}>
      <Card style={{ width: 380, maxWidth: 'calc(100vw - 24px)' }} variant="borderless" extra={<LanguageSwitch />}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {ui.app.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
          {ui.login.subtitle}
        </Typography.Paragraph>
        {login.error && (
          <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} aria-label={ui.login.title}>
          <Form.Item name="username" label={ui.login.username} rules={[{ required: true, whitespace: true, message: ui.common.required(ui.login.username) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={ui.login.password} rules={[{ required: true, message: ui.common.required(ui.login.password) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {ui.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

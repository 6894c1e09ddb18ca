/** 我的账户: one's own API tokens (create — shown once —, list, revoke) and "log out everywhere". */
import { LogoutOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { formatDateTime } from '../components/dates.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { rules } from '../components/rules.ts';
import { useStoreSession } from '../session.tsx';
import type { ApiToken } from '../types.ts';

const a = ui.account;
const TOKENS_KEY = ['auth', 'tokens'];

function tokenStatus(token: ApiToken) {
  if (token.revokedAt) return <Tag>{a.revoked}</Tag>;
  if (new Date(token.expiresAt) <= new Date()) return <Tag color="orange">{a.expired}</Tag>;
  return <Tag color="green">{a.active}</Tag>;
}

function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; expiresInDays?: number }>();
  const failure = useFailure();
  const client = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: { name: string; expiresInDays?: number }) => unwrap(api.POST('/api/auth/tokens', { body: v })),
    onSuccess: (created) => {
      setSecret(created.token);
      void client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) => failure(error, form),
  });
  if (secret) {
    return (
      <Modal open title={a.newTokenTitle} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
        <Alert type="warning" showIcon title={a.newTokenHelp} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: secret }} code data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal open title={a.createToken} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ name: v.name.trim(), ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) })}>
        <Form.Item name="name" label={a.tokenName} rules={[rules.required(a.tokenName), rules.max(100)]}>
          <Input placeholder={a.tokenNamePlaceholder} data-testid="token-name" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={a.expiresInDays} extra={a.expiresInDaysHelp}>
          <InputNumber min={1} max={365} precision={0} placeholder="90" style={{ width: 160 }} data-testid="token-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AccountPage() {
  const { modal } = App.useApp();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useQuery({ queryKey: TOKENS_KEY, queryFn: () => unwrap(api.GET('/api/auth/tokens')) });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      toast.success(a.revokedDone);
      void client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (e) => failure(e),
  });
  const logoutAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout-all')),
    onSuccess: () => {
      client.clear();
      storeSession(null);
      toast.success(ui.layout.loggedOut);
      void navigate('/login', { replace: true });
    },
    onError: (e) => failure(e),
  });
  return (
    <>
      <PageHeader title={a.title} />
      <Card
        title={a.tokens}
        style={{ marginBottom: 16 }}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {a.createToken}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{a.tokensHelp}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: a.noTokens }}
          columns={[
            { title: a.tokenName, dataIndex: 'name' },
            { title: a.created, dataIndex: 'createdAt', render: formatDateTime },
            { title: a.expires, dataIndex: 'expiresAt', render: formatDateTime },
            { title: a.lastUsed, dataIndex: 'lastUsedAt', render: formatDateTime },
            { title: a.status, key: 'status', render: (_, t) => tokenStatus(t) },
            {
              title: ui.common.actions,
              key: 'actions',
              render: (_, t) =>
                t.revokedAt ? null : (
                  <Button
                    type="link"
                    danger
                    onClick={() => modal.confirm({ title: a.revokeConfirm(t.name), okButtonProps: { danger: true }, onOk: () => revoke.mutateAsync(t.id) })}
                    data-testid={`token-revoke-${t.id}`}
                  >
                    {a.revoke}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title={a.sessions}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{a.sessionsHelp}</Typography.Text>
          <Button
            danger
            icon={<LogoutOutlined />}
            loading={logoutAll.isPending}
            onClick={() => modal.confirm({ title: a.logoutAllConfirm, okButtonProps: { danger: true }, onOk: () => logoutAll.mutateAsync() })}
            data-testid="logout-all"
          >
            {a.logoutAll}
          </Button>
        </Space>
      </Card>
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
    </>
  );
}

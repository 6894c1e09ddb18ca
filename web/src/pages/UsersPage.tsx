/** 用户管理: accounts in scope — create, change roles and name, reset the password, disable, unlock. */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { formatDateTime } from '../components/dates.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import { rules } from '../components/rules.ts';
import { useMe } from '../session.tsx';
import { ROLES, type Role, type User } from '../types.ts';

const u = ui.users;
const PAGE_SIZE = 50;
const roleOptions = ROLES.map((r) => ({ value: r, label: ui.labels.role[r] }));

interface Values {
  username: string;
  displayName: string;
  password?: string;
  agencyId?: string | null;
  roles: Role[];
  scopeRegionCode?: string | null;
}

function UserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const roles = Form.useWatch('roles', form) ?? user?.roles ?? [];
  const save = useMutation({
    mutationFn: (v: Values) =>
      user
        ? unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { displayName: v.displayName, roles: v.roles, password: v.password || undefined } }))
        : unwrap(
            api.POST('/api/users', {
              body: {
                username: v.username.trim(),
                displayName: v.displayName,
                password: v.password!, // required when creating
                agencyId: v.agencyId ?? null,
                roles: v.roles,
                scopeRegionCode: v.roles.includes('supervisor') ? (v.scopeRegionCode ?? null) : null,
              },
            }),
          ),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open width={600} title={user ? u.editTitle : u.create} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={user ?? { roles: ['officer'], agencyId: me.user.agencyId }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="username" label={u.username} rules={user ? [] : [rules.required(u.username), rules.username]}>
          <Input disabled={!!user} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={u.displayName} rules={[rules.required(u.displayName), rules.max(100)]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? u.newPassword : u.password}
          extra={user ? u.newPasswordHelp : undefined}
          tooltip={ui.validation.password}
          rules={user ? [rules.password] : [rules.required(u.password), rules.password]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        {!user && (
          <Form.Item name="agencyId" label={u.agency} extra={u.agencyHelp}>
            <AgencySelect allowClear data-testid="user-agency" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={u.roles} rules={[{ required: true, type: 'array', min: 1, message: ui.common.choose(u.roles) }]}>
          <Select mode="multiple" options={roleOptions.filter((o) => me.grantableRoles.includes(o.value))} data-testid="user-roles" />
        </Form.Item>
        {!user && roles.includes('supervisor') && (
          <Form.Item name="scopeRegionCode" label={u.scopeRegion} extra={u.scopeRegionHelp}>
            <RegionSelect allowClear />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { modal } = App.useApp();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const [agencyId, setAgencyId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['users', agencyId, page],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { agencyId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { disabled?: boolean; unlock?: boolean } }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: body })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => failure(e),
  });
  return (
    <>
      <PageHeader
        title={u.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {u.create}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <AgencySelect
            allowClear
            placeholder={u.agency}
            value={agencyId}
            onChange={(id) => {
              setAgencyId(id);
              setPage(1);
            }}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<User>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, showTotal: ui.common.total, showSizeChanger: false }}
          columns={[
            { title: u.username, dataIndex: 'username' },
            { title: u.displayName, dataIndex: 'displayName' },
            { title: u.agency, dataIndex: 'agencyName', render: (n: string | null) => n ?? '—' },
            {
              title: u.roles,
              dataIndex: 'roles',
              render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ui.labels.role[r]}</Tag>),
              filters: roleOptions.map((o) => ({ text: o.label, value: o.value })),
              onFilter: (value, r) => r.roles.includes(value as Role),
            },
            {
              title: u.status,
              key: 'status',
              render: (_: unknown, r) => (
                <>
                  {r.disabled ? <Tag color="red">{u.disabled}</Tag> : <Tag color="green">{u.active}</Tag>}
                  {r.locked && <Tag color="orange">{u.locked}</Tag>}
                </>
              ),
            },
            { title: u.lastLogin, dataIndex: 'lastLoginAt', render: formatDateTime },
            {
              title: ui.common.actions,
              key: 'actions',
              render: (_: unknown, r) =>
                r.editable && (
                  <Space size={0}>
                    <Button type="link" onClick={() => setEditing(r)}>
                      {ui.common.edit}
                    </Button>
                    {r.locked && (
                      <Button type="link" onClick={() => patch.mutate({ id: r.id, body: { unlock: true } })}>
                        {u.unlock}
                      </Button>
                    )}
                    {r.disabled ? (
                      <Button type="link" onClick={() => patch.mutate({ id: r.id, body: { disabled: false } })}>
                        {u.enable}
                      </Button>
                    ) : (
                      <Button
                        type="link"
                        danger
                        onClick={() => modal.confirm({ title: u.disableConfirm(r.username), onOk: () => patch.mutateAsync({ id: r.id, body: { disabled: true } }) })}
                      >
                        {u.disable}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/**
 * 执法装备 (R14): the recording devices in the user's scope — who holds each one, lending,
 * taking back and retiring (the API lists the actions each device allows), and each device's loan
 * history (expand a row).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { allOf, type RequestOf, type ResponseOf } from '../api/schema.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { formatDateTime } from '../components/dates.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PersonSelect } from '../components/PersonSelect.tsx';
import { useCan, useMe } from '../session.tsx';

const d = ui.devices;

/** src/recording/devices/presenter.ts deviceOut (GET /api/devices/{id} adds the loans). */
export type Device = ResponseOf<'/api/devices', 'get'>['items'][number];
export type DeviceLoan = ResponseOf<'/api/devices/{id}', 'get'>['loans'][number];
export type DeviceKind = Device['kind'];
export type DeviceStatus = Device['status'];
export const DEVICE_KINDS = allOf<DeviceKind>()(['body_camera', 'camera', 'video_camera', 'audio_recorder', 'storage_drive', 'other']);

const statusColours: Record<DeviceStatus, string> = { available: 'success', on_loan: 'processing', retired: 'default' };
const DEVICES_KEY = ['devices'] as const;

function LoanHistory({ deviceId }: { deviceId: string }) {
  const { data, error, isFetching } = useQuery({
    queryKey: ['devices', deviceId],
    queryFn: () => unwrap(api.GET('/api/devices/{id}', { params: { path: { id: deviceId } } })),
  });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  return (
    <Table<DeviceLoan>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.loans}
      pagination={false}
      locale={{ emptyText: d.noLoans }}
      title={() => <Typography.Text strong>{d.loans}</Typography.Text>}
      data-testid={`device-loans-${deviceId}`}
      columns={[
        { title: d.borrower, dataIndex: 'personName' },
        { title: d.lentAt, dataIndex: 'lentAt', render: formatDateTime },
        { title: d.returnedAt, dataIndex: 'returnedAt', render: (v: string | null) => (v ? formatDateTime(v) : <Tag color="processing">{d.notReturned}</Tag>) },
      ]}
    />
  );
}

function RegisterDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ kind: DeviceKind; serialNumber: string; model: string; agencyId?: string }>();
  const me = useMe();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const register = useMutation({
    mutationFn: (body: RequestOf<'/api/devices', 'post'>) => unwrap(api.POST('/api/devices', { body })),
    onSuccess: async () => {
      toast.success(d.registered);
      await client.invalidateQueries({ queryKey: DEVICES_KEY });
      onClose();
    },
    onError: (e) => failure(e, form),
  });
  const required = (label: string) => ({ required: true, whitespace: true, message: ui.common.required(label) });
  return (
    <Modal open title={d.register} okText={ui.common.save} okButtonProps={{ 'data-testid': 'device-save' }} confirmLoading={register.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'body_camera' }} onFinish={(v) => register.mutate({ ...v, agencyId: v.agencyId ?? undefined })}>
        {!me.user.agencyId && (
          <Form.Item name="agencyId" label={d.agency} rules={[{ required: true, message: ui.common.choose(d.agency) }]}>
            <AgencySelect />
          </Form.Item>
        )}
        <Form.Item name="kind" label={d.kind} rules={[{ required: true, message: ui.common.choose(d.kind) }]}>
          <Select options={DEVICE_KINDS.map((k) => ({ value: k, label: d.kindLabel[k] }))} data-testid="device-kind" />
        </Form.Item>
        <Form.Item name="serialNumber" label={d.serialNumber} rules={[required(d.serialNumber), { max: 64, message: ui.common.maxLength(64) }]}>
          <Input data-testid="device-serial" />
        </Form.Item>
        <Form.Item name="model" label={d.model} rules={[required(d.model), { max: 100, message: ui.common.maxLength(100) }]}>
          <Input data-testid="device-model" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LendDialog({ device, onClose }: { device: Device; onClose: () => void }) {
  const [form] = Form.useForm<{ personId: string }>();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const lend = useMutation({
    mutationFn: (body: { personId: string }) => unwrap(api.POST('/api/devices/{id}/loans', { params: { path: { id: device.id } }, body: body })),
    onSuccess: async () => {
      toast.success(d.lent);
      await client.invalidateQueries({ queryKey: DEVICES_KEY });
      onClose();
    },
    onError: (e) => failure(e, form),
  });
  return (
    <Modal
      open
      title={`${d.lend} · ${d.kindLabel[device.kind]} ${device.serialNumber}`}
      okText={d.lend}
      okButtonProps={{ 'data-testid': 'device-lend-ok' }}
      confirmLoading={lend.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => lend.mutate(v)}>
        <Form.Item name="personId" label={d.lendTo} rules={[{ required: true, message: ui.common.choose(d.lendTo) }]}>
          <PersonSelect agencyId={device.agencyId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DevicesPage() {
  const canManage = useCan('manageDevices');
  const { modal } = App.useApp();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const [status, setStatus] = useState<DeviceStatus | undefined>();
  const [registering, setRegistering] = useState(false);
  const [lending, setLending] = useState<Device | null>(null);
  const { data, error, isFetching } = useQuery({
    queryKey: [...DEVICES_KEY, { status }],
    queryFn: async () => (await unwrap(api.GET('/api/devices', { params: { query: { status } } }))).items,
  });
  const act = useMutation({
    mutationFn: ({ device, action }: { device: Device; action: 'return' | 'retire' }) => 
      unwrap(api.POST(action === 'return' ? '/api/devices/{id}/return' : '/api/devices/{id}/retire', { params: { path: { id: device.id } } })),
    onSuccess: async (_, { action }) => {
      toast.success(action === 'return' ? d.returned : d.retiredDone);
      await client.invalidateQueries({ queryKey: DEVICES_KEY });
    },
    onError: (e) => failure(e),
  });
  const confirm = (device: Device, action: 'return' | 'retire') =>
    modal.confirm({
      title: `${action === 'return' ? d.return : d.retire} · ${device.serialNumber}`,
      content: action === 'return' ? d.returnConfirm : d.retireConfirm,
      okButtonProps: { danger: action === 'retire', 'data-testid': `device-${action}-ok` },
      onOk: () => act.mutateAsync({ device, action }).catch(() => undefined),
    });
  return (
    <>
      <PageHeader
        title={d.title}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="device-register">
              {d.register}
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">{d.hint}</Typography.Text>
      </PageHeader>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<DeviceStatus>
            allowClear
            placeholder={d.status}
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={(['available', 'on_loan', 'retired'] as const).map((s) => ({ value: s, label: d.statusLabel[s] }))}
            data-testid="devices-status"
          />
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<Device>
          rowKey="id"
          loading={isFetching}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: ui.common.total }}
          locale={{ emptyText: d.empty }}
          expandable={{ expandedRowRender: (device) => <LoanHistory deviceId={device.id} /> }}
          data-testid="devices-table"
          onRow={(device) => ({ 'data-testid': `device-${device.serialNumber}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: d.kind, dataIndex: 'kind', render: (k: DeviceKind) => d.kindLabel[k] },
            { title: d.serialNumber, dataIndex: 'serialNumber' },
            { title: d.model, dataIndex: 'model' },
            {
              title: d.status,
              dataIndex: 'status',
              render: (s: DeviceStatus) => (
                <Tag color={statusColours[s]} data-testid="device-status">
                  {d.statusLabel[s]}
                </Tag>
              ),
            },
            {
              title: d.holder,
              key: 'holder',
              render: (_, device) =>
                device.currentLoan ? (
                  <Space orientation="vertical" size={0}>
                    <span data-testid="device-holder">{device.currentLoan.personName}</span>
                    <Typography.Text type="secondary">{d.since(formatDateTime(device.currentLoan.lentAt))}</Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: ui.common.actions,
              key: 'actions',
              render: (_, device) => (
                <Space size={4}>
                  {device.actions.includes('lend') && (
                    <Button size="small" type="primary" onClick={() => setLending(device)} data-testid="device-lend">
                      {d.lend}
                    </Button>
                  )}
                  {device.actions.includes('return') && (
                    <Button size="small" onClick={() => confirm(device, 'return')} data-testid="device-return">
                      {d.return}
                    </Button>
                  )}
                  {device.actions.includes('retire') && (
                    <Button size="small" danger onClick={() => confirm(device, 'retire')} data-testid="device-retire">
                      {d.retire}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {registering && <RegisterDialog onClose={() => setRegistering(false)} />}
      {lending && <LendDialog device={lending} onClose={() => setLending(null)} />}
    </>
  );
}

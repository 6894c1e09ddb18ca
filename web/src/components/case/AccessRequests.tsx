/**
 * 查阅申请 (R9): requests to read or copy a case file, and their approval — a licensing file
 * needs only the division head's agreement; other files the division head's opinion and then a
 * leader's approval with a validity window. Every use within the window is recorded on the case.
 * The server decides who may act; the buttons follow what it says each user may do with each request.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { useCan } from '../../session.tsx';
import { formatDateTime } from '../dates.ts';
import { useFailure, useToast } from '../feedback.ts';
import { caseChanged } from './queries.ts';
import type { CaseDetail } from './types.ts';
import { allOf, type RequestOf, type ResponseOf } from '../../api/schema.ts';

const r = ui.access;

/** src/recording/archive/presenter.ts accessRequestWithCanOut; `can` is what the current user may do next (never with their own request). */
export type AccessRequest = ResponseOf<'/api/cases/{id}/access-requests', 'get'>['items'][number];
export type AccessStatus = AccessRequest['status'];

/** What the four dialogs ask for (each sends its own part). */
type AccessValues = RequestOf<'/api/cases/{id}/access-requests', 'post'> &
  RequestOf<'/api/access-requests/{id}/opinion', 'post'> &
  Omit<RequestOf<'/api/access-requests/{id}/decision', 'post'>, 'note'> &
  Omit<RequestOf<'/api/access-requests/{id}/use', 'post'>, 'note'> & { note?: string };

const statusColours: Record<AccessStatus, string> = { pending: 'processing', opinion_given: 'gold', approved: 'success', rejected: 'error' };

export const accessKey = (caseId: string) => ['case', caseId, 'access-requests'] as const;

type Dialog = { kind: 'register' } | { kind: 'opinion' | 'decision' | 'use'; request: AccessRequest };

const inWindow = (q: AccessRequest, now = Date.now()) =>
  q.status === 'approved' && !!q.validFrom && !!q.validUntil && now >= Date.parse(q.validFrom) && now < Date.parse(q.validUntil);

function AccessDialog({ caseId, dialog, onClose }: { caseId: string; dialog: Dialog; onClose: () => void }) {
  const [form] = Form.useForm<AccessValues>();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const submit = useMutation({
    mutationFn: (values: AccessValues): Promise<unknown> => {
      if (dialog.kind === 'register') {
        const { requesterKind, requesterName, purpose, mode } = values;
        return unwrap(api.POST('/api/cases/{id}/access-requests', { params: { path: { id: caseId } }, body: { requesterKind, requesterName, purpose, mode } }));
      }
      const note = values.note?.trim() || undefined;
      if (dialog.kind === 'opinion') return unwrap(api.POST('/api/access-requests/{id}/opinion', { params: { path: { id: dialog.request.id } }, body: { agree: values.agree, opinion: values.opinion } }));
      if (dialog.kind === 'decision') return unwrap(api.POST('/api/access-requests/{id}/decision', { params: { path: { id: dialog.request.id } }, body: { approve: values.approve, note, validDays: values.validDays } }));
      return unwrap(api.POST('/api/access-requests/{id}/use', { params: { path: { id: dialog.request.id } }, body: { action: values.action, note } }));
    },
    onSuccess: async () => {
      toast.success(dialog.kind === 'register' ? r.registered : dialog.kind === 'use' ? r.used : r.done);
      await caseChanged(client, caseId);
      onClose();
    },
    onError: (e) => failure(e, form),
  });
  const title = { register: r.register, opinion: r.opinion, decision: r.decision, use: r.use }[dialog.kind];
  const required = (label: string) => ({ required: true, message: ui.common.required(label) });
  return (
    <Modal
      open
      title={title}
      okText={ui.common.submit}
      okButtonProps={{ 'data-testid': 'access-submit' }}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {dialog.kind !== 'register' && (
        <Typography.Paragraph type="secondary">
          {dialog.request.requesterName}（{r.requesterKindLabel[dialog.request.requesterKind]}）· {r.modeLabel[dialog.request.mode]} · {dialog.request.purpose}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => submit.mutate(v)}
        initialValues={{ requesterKind: 'party', mode: 'read', agree: true, approve: true, validDays: 7, action: 'read' }}
      >
        {dialog.kind === 'register' && (
          <>
            <Form.Item name="requesterKind" label={r.requesterKind} rules={[required(r.requesterKind)]}>
              <Radio.Group options={allOf<AccessRequest['requesterKind']>()(['party', 'staff']).map((k) => ({ value: k, label: r.requesterKindLabel[k] }))} data-testid="access-requester-kind" />
            </Form.Item>
            <Form.Item name="requesterName" label={r.requesterName} rules={[required(r.requesterName), { max: 100, message: ui.common.maxLength(100) }]}>
              <Input data-testid="access-requester-name" />
            </Form.Item>
            <Form.Item name="purpose" label={r.purpose} rules={[required(r.purpose), { min: 2, message: ui.common.minLength(2) }, { max: 1000, message: ui.common.maxLength(1000) }]}>
              <Input.TextArea rows={2} data-testid="access-purpose" />
            </Form.Item>
            <Form.Item name="mode" label={r.mode} rules={[required(r.mode)]}>
              <Radio.Group options={allOf<AccessRequest['mode']>()(['read', 'copy']).map((k) => ({ value: k, label: r.modeLabel[k] }))} data-testid="access-mode" />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'opinion' && (
          <>
            <Form.Item name="agree" label={r.opinion}>
              <Radio.Group options={[{ value: true, label: r.agree }, { value: false, label: r.disagree }]} data-testid="access-agree" />
            </Form.Item>
            <Form.Item name="opinion" label={r.opinionText} rules={[required(r.opinionText), { max: 1000, message: ui.common.maxLength(1000) }]}>
              <Input.TextArea rows={2} data-testid="access-opinion" />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'decision' && (
          <>
            <Form.Item name="approve" label={r.decision}>
              <Radio.Group options={[{ value: true, label: r.approve }, { value: false, label: r.reject }]} data-testid="access-approve" />
            </Form.Item>
            <Form.Item name="validDays" label={r.validDays} rules={[required(r.validDays)]}>
              <InputNumber min={1} max={30} precision={0} data-testid="access-valid-days" />
            </Form.Item>
            <Form.Item name="note" label={r.decisionNote} rules={[{ max: 1000, message: ui.common.maxLength(1000) }]}>
              <Input.TextArea rows={2} data-testid="access-note" />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'use' && (
          <>
            <Form.Item name="action" label={r.useAction}>
              <Radio.Group
                options={allOf<AccessRequest['mode']>()(['read', 'copy']).map((k) => ({ value: k, label: r.modeLabel[k], disabled: k === 'copy' && dialog.request.mode !== 'copy' }))}
                data-testid="access-action"
              />
            </Form.Item>
            <Form.Item name="note" label={r.useNote} rules={[{ max: 1000, message: ui.common.maxLength(1000) }]}>
              <Input.TextArea rows={2} data-testid="access-note" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function AccessRequests({ kase }: { kase: CaseDetail }) {
  const canRequest = useCan('requestAccess');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { data, error, isFetching } = useQuery({
    queryKey: accessKey(kase.id),
    queryFn: async () => (await unwrap(api.GET('/api/cases/{id}/access-requests', { params: { path: { id: kase.id } } }))).items,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={r.rule} />
      {canRequest && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'register' })} data-testid="access-register" style={{ alignSelf: 'flex-start' }}>
          {r.register}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<AccessRequest>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: r.none }}
        data-testid="access-requests"
        columns={[
          { title: r.requesterName, key: 'requester', render: (_, q) => `${q.requesterName}（${r.requesterKindLabel[q.requesterKind]}）` },
          { title: r.purpose, dataIndex: 'purpose' },
          { title: r.mode, dataIndex: 'mode', width: 70, render: (m: AccessRequest['mode']) => r.modeLabel[m] },
          {
            title: r.status,
            key: 'status',
            render: (_, q) => (
              <Space orientation="vertical" size={0}>
                <Tag color={statusColours[q.status]} data-testid="access-status">
                  {r.statusLabel[q.status]}
                </Tag>
                {q.divisionOpinion && (
                  <Typography.Text type="secondary">
                    {r.opinionLabel}：{q.divisionOpinion}
                  </Typography.Text>
                )}
                {q.decisionNote && (
                  <Typography.Text type="secondary">
                    {r.decisionLabel}：{q.decisionNote}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: r.requestedAt, dataIndex: 'requestedAt', render: formatDateTime },
          {
            title: r.validity,
            key: 'validity',
            render: (_, q) =>
              q.validFrom && q.validUntil ? (
                <Space size={4} wrap>
                  <span data-testid="access-validity">{r.validRange(formatDateTime(q.validFrom), formatDateTime(q.validUntil))}</span>
                  {q.status === 'approved' && Date.now() >= Date.parse(q.validUntil) && <Tag>{r.expired}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: ui.common.actions,
            key: 'actions',
            render: (_, q) => (
              <Space size={4} wrap>
                {q.can.giveOpinion && (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'opinion', request: q })} data-testid="access-opinion-open">
                    {r.opinion}
                  </Button>
                )}
                {q.can.decide && (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decision', request: q })} data-testid="access-decision-open">
                    {r.decision}
                  </Button>
                )}
                {inWindow(q) && q.can.use && (
                  <Button size="small" onClick={() => setDialog({ kind: 'use', request: q })} data-testid="access-use-open">
                    {r.use}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog && <AccessDialog caseId={kase.id} dialog={dialog} onClose={() => setDialog(null)} />}
    </Space>
  );
}

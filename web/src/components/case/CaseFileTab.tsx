/**
 * 卷宗归档 (R8): the case file of a closed case — deadlines to compile (30 working days after
 * closing) and to transfer to the archive office, 立卷 and 移交归档 when the user may, the
 * catalogue (卷内目录), and for an archived (read-only) case the only write left: 补充材料.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import type { ResponseOf } from '../../api/schema.ts';
import { useCan } from '../../session.tsx';
import { formatDate, formatDateTime } from '../dates.ts';
import { useFailure, useToast } from '../feedback.ts';
import { caseChanged } from './queries.ts';
import type { CaseDetail } from './types.ts';

const a = ui.archive;

/** GET /api/cases/{id}/file (src/recording/archive/routes.ts presentFile). */
export type CaseFile = ResponseOf<'/api/cases/{id}/file', 'get'>;
export type CatalogueEntry = CaseFile['catalogue'][number];

export const caseFileKey = (caseId: string) => ['case', caseId, 'file'] as const;

export function useCaseFile(caseId: string) {
  return useQuery({ queryKey: caseFileKey(caseId), queryFn: () => unwrap(api.GET('/api/cases/{id}/file', { params: { path: { id: caseId } } })) });
}

function FileState({ file }: { file: CaseFile }) {
  if (file.status === 'open') return <Tag data-testid="case-file-state">{a.notClosed}</Tag>;
  if (file.transferredAt) return <Tag color="default" data-testid="case-file-state">{a.transferred}</Tag>;
  if (file.compiledAt) return <Tag color="processing" data-testid="case-file-state">{a.compiledNotTransferred}</Tag>;
  return <Tag color="warning" data-testid="case-file-state">{a.notCompiled}</Tag>;
}

function SupplementForm({ caseId }: { caseId: string }) {
  const [form] = Form.useForm<{ note: string }>();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const add = useMutation({
    mutationFn: (body: { note: string }) => unwrap(api.POST('/api/cases/{id}/supplements', { params: { path: { id: caseId } }, body: body })),
    onSuccess: () => {
      toast.success(a.supplementAdded);
      form.resetFields();
      void caseChanged(client, caseId);
    },
    onError: (e) => failure(e, form),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} style={{ maxWidth: 640 }}>
      <Form.Item name="note" label={a.supplementNote} rules={[{ required: true, whitespace: true, message: ui.common.required(a.supplementNote) }, { min: 2, message: ui.common.minLength(2) }, { max: 4000, message: ui.common.maxLength(4000) }]}>
        <Input.TextArea rows={3} data-testid="supplement-note" />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending} data-testid="supplement-submit">
        {a.supplement}
      </Button>
    </Form>
  );
}

export function CaseFileTab({ kase }: { kase: CaseDetail }) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const toast = useToast();
  const failure = useFailure();
  const canManage = useCan('manageArchive');
  const canWork = useCan('workCases');
  const { data: file, error, isFetching } = useCaseFile(kase.id);
  const refresh = () => caseChanged(client, kase.id);
  const compile = useMutation({
    mutationFn: () => unwrap(api.POST('/api/cases/{id}/file', { params: { path: { id: kase.id } } })),
    onSuccess: async (f) => {
      client.setQueryData(caseFileKey(kase.id), f);
      toast.success(a.compiled);
      await refresh();
    },
    onError: (e) => failure(e),
  });
  const transfer = useMutation({
    mutationFn: () => unwrap(api.POST('/api/cases/{id}/file/transfer', { params: { path: { id: kase.id } } })),
    onSuccess: async (f) => {
      client.setQueryData(caseFileKey(kase.id), f);
      toast.success(a.transferDone);
      await refresh();
    },
    onError: (e) => failure(e),
  });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!file) return null;
  const mayCompile = canManage && file.status === 'closed' && !file.compiledAt;
  const mayTransfer = canManage && file.status === 'closed' && !!file.compiledAt && !file.transferredAt;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-file">
      {file.status === 'archived' && <Alert type="info" showIcon title={a.readOnly} data-testid="case-file-read-only" />}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'state', label: a.fileStatus, children: <FileState file={file} />, span: 'filled' },
          { key: 'closedOn', label: a.closedOn, children: formatDate(file.closedOn) },
          { key: 'compileBy', label: a.compileBy, children: <span data-testid="case-file-compile-by">{formatDate(file.compileBy)}</span> },
          { key: 'compiledAt', label: a.compiledAt, children: formatDateTime(file.compiledAt) },
          { key: 'transferBy', label: a.transferBy, children: <span data-testid="case-file-transfer-by">{formatDate(file.transferBy)}</span> },
          { key: 'transferredAt', label: a.transferredAt, children: formatDateTime(file.transferredAt) },
        ]}
      />
      {(mayCompile || mayTransfer) && (
        <Space>
          {mayCompile && (
            <Button
              type="primary"
              loading={compile.isPending}
              data-testid="case-file-compile"
              onClick={() => modal.confirm({ title: a.compile, content: a.compileConfirm, okButtonProps: { 'data-testid': 'case-file-compile-ok' }, onOk: () => compile.mutateAsync().catch(() => undefined) })}
            >
              {a.compile}
            </Button>
          )}
          {mayTransfer && (
            <Button
              type="primary"
              loading={transfer.isPending}
              data-testid="case-file-transfer"
              onClick={() => modal.confirm({ title: a.transfer, content: a.transferConfirm, okButtonProps: { 'data-testid': 'case-file-transfer-ok' }, onOk: () => transfer.mutateAsync().catch(() => undefined) })}
            >
              {a.transfer}
            </Button>
          )}
        </Space>
      )}
      {file.compiledAt && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {a.catalogue}
          </Typography.Title>
          <Table<CatalogueEntry>
            rowKey="no"
            size="small"
            loading={isFetching}
            dataSource={file.catalogue}
            pagination={false}
            locale={{ emptyText: a.emptyCatalogue }}
            data-testid="case-file-catalogue"
            columns={[
              { title: a.no, dataIndex: 'no', width: 64 },
              { title: a.entryTitle, dataIndex: 'title' },
              { title: a.entryKind, dataIndex: 'kind', width: 90, render: (k: CatalogueEntry['kind']) => <Tag color={k === 'document' ? 'blue' : 'green'}>{a.kindLabel[k]}</Tag> },
              { title: a.entryNumber, dataIndex: 'number', render: (n: string | null) => n ?? '—' },
              { title: a.entryDate, dataIndex: 'date', width: 120 },
            ]}
          />
        </>
      )}
      {file.status === 'archived' && canWork && <SupplementForm caseId={kase.id} />}
    </Space>
  );
}

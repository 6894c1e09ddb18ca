/** 法律顾问: the pool of legal advisers and public-sector lawyers an agency can consult (L15). */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { allOf } from '../../api/schema.ts';
import { useFailure, useToast } from '../feedback.ts';
import { blankToNull, rules } from '../rules.ts';
import { useCanKeepRegistry } from '../../session.tsx';
import type { Counsel, CounselKind } from '../../types.ts';

const co = ui.counsel;
const kinds = allOf<CounselKind>()(['legal_adviser', 'public_sector_lawyer', 'outside_lawyer']).map((k) => ({ value: k, label: ui.labels.counselKind[k] }));
type Values = Pick<Counsel, 'name' | 'kind' | 'organisation' | 'phone' | 'specialties'>;

function CounselDialog({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => unwrap(api.POST('/api/agencies/{id}/counsel', { params: { path: { id: agencyId } }, body: blankToNull(v) })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['agency', agencyId, 'counsel'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={co.create} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'legal_adviser' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={co.name} rules={[rules.required(co.name), rules.max(50)]}>
          <Input data-testid="counsel-name" />
        </Form.Item>
        <Form.Item name="kind" label={co.kind} rules={[rules.chosen(co.kind)]}>
          <Select options={kinds} />
        </Form.Item>
        <Form.Item name="organisation" label={co.organisation} rules={[rules.max(100)]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={co.phone} rules={[rules.phone]}>
          <Input />
        </Form.Item>
        <Form.Item name="specialties" label={co.specialties} rules={[rules.max(500)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CounselTab({ agencyId }: { agencyId: string }) {
  const canEdit = useCanKeepRegistry();
  const [adding, setAdding] = useState(false);
  const { data, isFetching, error } = useQuery({
    queryKey: ['agency', agencyId, 'counsel'],
    queryFn: () => unwrap(api.GET('/api/agencies/{id}/counsel', { params: { path: { id: agencyId } } })).then((r) => r.items),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{co.hint}</Typography.Paragraph>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setAdding(true)} data-testid="counsel-create">
          {co.create}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Counsel>
        rowKey="id"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        columns={[
          { title: co.name, dataIndex: 'name' },
          { title: co.kind, dataIndex: 'kind', render: (k: CounselKind) => ui.labels.counselKind[k] },
          { title: co.organisation, dataIndex: 'organisation', render: (v: string | null) => v ?? '—' },
          { title: co.phone, dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: co.specialties, dataIndex: 'specialties', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {adding && <CounselDialog agencyId={agencyId} onClose={() => setAdding(false)} />}
    </>
  );
}

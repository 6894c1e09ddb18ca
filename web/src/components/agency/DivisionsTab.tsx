/** 内设机构: an agency's divisions; one is marked as its legal-affairs division (法制审核机构, L1/L12). */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { useFailure, useToast } from '../feedback.ts';
import { blankToNull, rules } from '../rules.ts';
import { useCanKeepRegistry } from '../../session.tsx';
import type { Division } from '../../types.ts';

const d = ui.divisions;
type Values = Pick<Division, 'name' | 'duties' | 'area' | 'isLegalAffairs' | 'sortOrder'>;

export const divisionsKey = (agencyId: string) => ['agency', agencyId, 'divisions'];

export function useDivisions(agencyId: string | undefined) {
  return useQuery({
    queryKey: divisionsKey(agencyId ?? ''),
    queryFn: () => unwrap(api.GET('/api/agencies/{id}/divisions', { params: { path: { id: agencyId! } } })).then((r) => r.items),
    enabled: !!agencyId,
  });
}

function DivisionDialog({ agencyId, division, onClose }: { agencyId: string; division: Division | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...blankToNull(values), sortOrder: values.sortOrder ?? undefined }; // the server takes a number or nothing
      return division ? unwrap(api.PATCH('/api/divisions/{id}', { params: { path: { id: division.id } }, body: body })) : unwrap(api.POST('/api/agencies/{id}/divisions', { params: { path: { id: agencyId } }, body: body }));
    },
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: divisionsKey(agencyId) });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={division ? d.editTitle : d.create} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={division ?? { isLegalAffairs: false, sortOrder: 0 }} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="name" label={d.name} rules={[rules.required(d.name), rules.max(100)]}>
          <Input data-testid="division-name" />
        </Form.Item>
        <Form.Item name="duties" label={d.duties} rules={[rules.max(4000)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="area" label={d.area} rules={[rules.max(500)]}>
          <Input />
        </Form.Item>
        <Form.Item name="isLegalAffairs" label={d.legalAffairs} extra={d.legalAffairsHelp} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sortOrder" label={d.sortOrder}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DivisionsTab({ agencyId }: { agencyId: string }) {
  const canEdit = useCanKeepRegistry();
  const { data, isFetching } = useDivisions(agencyId);
  const [editing, setEditing] = useState<Division | 'new' | null>(null);
  return (
    <>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setEditing('new')} data-testid="division-create">
          {d.create}
        </Button>
      )}
      <Table<Division>
        rowKey="id"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        columns={[
          {
            title: d.name,
            dataIndex: 'name',
            render: (name: string, r) => (
              <>
                {name} {r.isLegalAffairs && <Tag color="purple">{d.legalAffairs}</Tag>}
              </>
            ),
          },
          { title: d.duties, dataIndex: 'duties', ellipsis: true },
          { title: d.area, dataIndex: 'area' },
          { title: d.sortOrder, dataIndex: 'sortOrder', width: 80 },
          ...(canEdit
            ? [
                {
                  title: ui.common.actions,
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: Division) => (
                    <Button type="link" onClick={() => setEditing(r)}>
                      {ui.common.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <DivisionDialog agencyId={agencyId} division={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** 培训记录: pre-job and on-the-job training of an officer (O2). */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { allOf } from '../../api/schema.ts';
import { toIsoDate } from '../dates.ts';
import { useFailure, useToast } from '../feedback.ts';
import { rules } from '../rules.ts';
import type { Training } from '../../types.ts';

const tr = ui.trainings;
const kinds = allOf<Training['kind']>()(['pre_job', 'on_job']).map((k) => ({ value: k, label: ui.labels.trainingKind[k] }));

interface Values {
  kind: Training['kind'];
  title: string;
  provider?: string;
  hours: number;
  completedOn: Dayjs;
}

function TrainingDialog({ personId, onClose }: { personId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(api.POST('/api/people/{id}/trainings', { params: { path: { id: personId } }, body: { kind: v.kind, title: v.title.trim(), provider: v.provider?.trim() || null, hours: v.hours, completedOn: toIsoDate(v.completedOn) } })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['person', personId, 'trainings'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={tr.create} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'on_job' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={tr.kind} rules={[rules.chosen(tr.kind)]}>
          <Select options={kinds} />
        </Form.Item>
        <Form.Item name="title" label={tr.courseTitle} rules={[rules.required(tr.courseTitle), rules.max(200)]}>
          <Input data-testid="training-title" />
        </Form.Item>
        <Form.Item name="provider" label={tr.provider} rules={[rules.max(200)]}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={tr.hours} rules={[{ required: true, message: ui.common.required(tr.hours) }]}>
          <InputNumber min={0.5} max={2000} step={0.5} />
        </Form.Item>
        <Form.Item name="completedOn" label={tr.completedOn} rules={[{ required: true, message: ui.common.choose(tr.completedOn) }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TrainingsCard({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const { data, isFetching } = useQuery({
    queryKey: ['person', personId, 'trainings'],
    queryFn: () => unwrap(api.GET('/api/people/{id}/trainings', { params: { path: { id: personId } } })).then((r) => r.items),
  });
  const total = (data ?? []).reduce((sum, t) => sum + Number(t.hours), 0);
  return (
    <Card
      size="small"
      title={tr.title}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="training-create">
            {tr.create}
          </Button>
        )
      }
    >
      <Table<Training>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        columns={[
          { title: tr.completedOn, dataIndex: 'completedOn' },
          { title: tr.kind, dataIndex: 'kind', render: (k: Training['kind']) => ui.labels.trainingKind[k] },
          { title: tr.courseTitle, dataIndex: 'title' },
          { title: tr.provider, dataIndex: 'provider', render: (v: string | null) => v ?? '—' },
          { title: tr.hours, dataIndex: 'hours', align: 'right' },
        ]}
        footer={data?.length ? () => <Typography.Text type="secondary">{tr.totalHours(total)}</Typography.Text> : undefined}
      />
      {adding && <TrainingDialog personId={personId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

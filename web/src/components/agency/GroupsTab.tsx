/**
 * 领导小组 (O4): positions and who held them when, and leading groups whose members are positions —
 * so a new holder joins every group of the position without a new document. A date picker shows a
 * group as it stood on any day.
 */
import { PlusOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { allOf, type ResponseOf } from '../../api/schema.ts';
import { toIsoDate } from '../dates.ts';
import { useFailure, useToast } from '../feedback.ts';
import { PersonSelect } from '../PersonSelect.tsx';
import { rules } from '../rules.ts';
import { useDivisions } from './DivisionsTab.tsx';

const g = ui.groups;

/** src/organisation/groups/presenter.ts — only names leave, never ID numbers or phones. */
type Position = ResponseOf<'/api/agencies/{id}/positions', 'get'>['items'][number];
type Holder = ResponseOf<'/api/positions/{id}/holders', 'get'>['items'][number];
type LeadingGroup = ResponseOf<'/api/agencies/{id}/leading-groups', 'get'>['items'][number];
type GroupMember = ResponseOf<'/api/leading-groups/{id}', 'get'>['members'][number];
type GroupRole = GroupMember['role'];

const roleOptions = allOf<GroupRole>()(['leader', 'deputy_leader', 'member']).map((r) => ({ value: r, label: ui.labels.groupRole[r] }));
const positionsKey = (agencyId: string) => ['agency', agencyId, 'positions'];
const groupsKey = (agencyId: string) => ['agency', agencyId, 'leading-groups'];

function PositionDialog({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; divisionId?: string; sortOrder?: number }>();
  const divisions = useDivisions(agencyId);
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { title: string; divisionId?: string; sortOrder?: number }) =>
      unwrap(api.POST('/api/agencies/{id}/positions', { params: { path: { id: agencyId } }, body: { title: v.title.trim(), divisionId: v.divisionId ?? null, sortOrder: v.sortOrder ?? undefined } })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: positionsKey(agencyId) });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={g.createPosition} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={g.positionTitle} rules={[rules.required(g.positionTitle), rules.max(50)]}>
          <Input data-testid="position-title" />
        </Form.Item>
        <Form.Item name="divisionId" label={g.division}>
          <Select allowClear options={(divisions.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={ui.divisions.sortOrder}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AppointDialog({ agencyId, position, onClose }: { agencyId: string; position: Position; onClose: () => void }) {
  const [form] = Form.useForm<{ personId: string; fromDate: Dayjs }>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { personId: string; fromDate: Dayjs }) => unwrap(api.POST('/api/positions/{id}/holders', { params: { path: { id: position.id } }, body: { personId: v.personId, fromDate: toIsoDate(v.fromDate) } })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: positionsKey(agencyId) });
      void client.invalidateQueries({ queryKey: ['position', position.id, 'holders'] });
      void client.invalidateQueries({ queryKey: ['leading-group'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={`${g.appointTitle}：${position.title}`} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{g.appointHelp}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ fromDate: dayjs() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="personId" label={g.person} rules={[rules.chosen(g.person)]}>
          <PersonSelect agencyId={agencyId} />
        </Form.Item>
        <Form.Item name="fromDate" label={g.fromDate} rules={[{ required: true, message: ui.common.choose(g.fromDate) }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 任职记录: who held the position when, oldest first (GET /api/positions/:id/holders). */
function HolderHistory({ positionId }: { positionId: string }) {
  const { data, isFetching } = useQuery({
    queryKey: ['position', positionId, 'holders'],
    queryFn: () => unwrap(api.GET('/api/positions/{id}/holders', { params: { path: { id: positionId } } })).then((r) => r.items),
  });
  return (
    <Table<Holder>
      rowKey={(h) => `${h.personId}-${h.from}`}
      size="small"
      loading={isFetching}
      dataSource={data}
      pagination={false}
      columns={[
        { title: g.person, dataIndex: 'name' },
        { title: g.fromDate, dataIndex: 'from' },
        { title: g.toDate, dataIndex: 'to', render: (to: string | null) => to ?? g.inPost },
      ]}
    />
  );
}

/** O4: a group needs a 组长 and names each position once (as the server checks). */
const membersRule = {
  validator: async (_r: unknown, members: { role?: GroupRole; positionId?: string }[] | undefined) => {
    if (!members?.length || !members.some((m) => m?.role === 'leader')) throw new Error(g.leaderRequired);
    const ids = members.map((m) => m?.positionId).filter(Boolean);
    if (new Set(ids).size !== ids.length) throw new Error(g.duplicatePosition);
  },
};

interface GroupValues {
  name: string;
  purpose?: string;
  officeDivisionId?: string;
  establishedOn?: Dayjs;
  members: { role: GroupRole; positionId: string }[];
}

function GroupDialog({ agencyId, positions, onClose }: { agencyId: string; positions: Position[]; onClose: () => void }) {
  const [form] = Form.useForm<GroupValues>();
  const divisions = useDivisions(agencyId);
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: GroupValues) =>
      unwrap(
        api.POST('/api/agencies/{id}/leading-groups', {
          params: { path: { id: agencyId } },
          body: {
            name: v.name.trim(),
            purpose: v.purpose?.trim() || null,
            officeDivisionId: v.officeDivisionId ?? null,
            establishedOn: toIsoDate(v.establishedOn),
            members: v.members,
          },
        }),
      ),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: groupsKey(agencyId) });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open width={680} title={g.createGroup} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ members: [{ role: 'leader' }] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={g.groupName} rules={[rules.required(g.groupName), rules.min(2), rules.max(100)]}>
          <Input data-testid="group-name" />
        </Form.Item>
        <Form.Item name="purpose" label={g.purpose} rules={[rules.max(2000)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="officeDivisionId" label={g.officeDivision}>
              <Select allowClear options={(divisions.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="establishedOn" label={g.establishedOn}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{g.members}</Typography.Text>
        <Form.List name="members" rules={[membersRule]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'role']} rules={[rules.chosen(g.memberRole)]}>
                    <Select options={roleOptions} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'positionId']} rules={[rules.chosen(g.position)]}>
                    <Select placeholder={g.position} options={positions.map((p) => ({ value: p.id, label: p.title }))} style={{ width: 320 }} data-testid={`group-member-position-${field.name}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={ui.common.cancel} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })} style={{ marginTop: 8 }}>
                {g.addMember}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function GroupView({ group }: { group: LeadingGroup }) {
  const [date, setDate] = useState<Dayjs>(dayjs());
  const iso = toIsoDate(date)!;
  const { data, isFetching, error } = useQuery({
    queryKey: ['leading-group', group.id, iso],
    queryFn: () => unwrap(api.GET('/api/leading-groups/{id}', { params: { path: { id: group.id }, query: { date: iso } } })),
  });
  return (
    <Card
      size="small"
      title={group.name}
      extra={
        <Space>
          <span>{g.asOf}</span>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} data-testid="group-as-of" />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{g.asOfHelp}</Typography.Paragraph>
      {group.purpose && <Typography.Paragraph>{group.purpose}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<GroupMember>
        rowKey={(m) => `${m.role}-${m.positionId}`}
        size="small"
        loading={isFetching}
        dataSource={data?.members}
        pagination={false}
        columns={[
          { title: g.memberRole, dataIndex: 'role', render: (r: GroupRole) => <Tag color={r === 'leader' ? 'red' : r === 'deputy_leader' ? 'orange' : 'default'}>{ui.labels.groupRole[r]}</Tag> },
          { title: g.position, dataIndex: 'positionTitle' },
          { title: g.holder, key: 'holder', render: (_: unknown, m) => m.holder?.name ?? <Typography.Text type="secondary">{g.vacant}</Typography.Text> },
          { title: g.fromDate, key: 'from', render: (_: unknown, m) => m.holder?.from ?? '—' },
        ]}
      />
    </Card>
  );
}

export function GroupsTab({ agencyId }: { agencyId: string }) {
  const [dialog, setDialog] = useState<'position' | 'group' | { appoint: Position } | null>(null);
  const [selected, setSelected] = useState<LeadingGroup | null>(null);
  const positions = useQuery({
    queryKey: positionsKey(agencyId),
    queryFn: () => unwrap(api.GET('/api/agencies/{id}/positions', { params: { path: { id: agencyId } } })),
  });
  const groups = useQuery({
    queryKey: groupsKey(agencyId),
    queryFn: () => unwrap(api.GET('/api/agencies/{id}/leading-groups', { params: { path: { id: agencyId } } })),
  });
  // The API says whether this user may change this agency's positions and groups.
  const canEdit = positions.data?.canManage ?? groups.data?.canManage ?? false;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={g.positions}
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('position')} data-testid="position-create">
                {g.createPosition}
              </Button>
            )
          }
        >
          {positions.error && <Alert type="error" showIcon title={positions.error.message} />}
          <Table<Position>
            rowKey="id"
            size="small"
            loading={positions.isFetching}
            dataSource={positions.data?.items}
            pagination={false}
            expandable={{ expandedRowRender: (p) => <HolderHistory positionId={p.id} /> }}
            columns={[
              { title: g.positionTitle, dataIndex: 'title' },
              { title: g.division, dataIndex: 'divisionName', render: (n: string | null) => n ?? '—' },
              {
                title: g.holder,
                key: 'holder',
                render: (_: unknown, p) => (p.currentHolder ? `${p.currentHolder.name}（${p.currentHolder.from} 起）` : <Typography.Text type="secondary">{g.vacant}</Typography.Text>),
              },
              ...(canEdit
                ? [
                    {
                      title: ui.common.actions,
                      key: 'actions',
                      render: (_: unknown, p: Position) => (
                        <Button type="link" size="small" onClick={() => setDialog({ appoint: p })}>
                          {g.appoint}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={g.groups}
          style={{ marginBottom: 16 }}
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('group')} data-testid="group-create">
                {g.createGroup}
              </Button>
            )
          }
        >
          {groups.error && <Alert type="error" showIcon title={groups.error.message} />}
          <List<LeadingGroup>
            loading={groups.isFetching}
            dataSource={groups.data?.items ?? []}
            locale={{ emptyText: <Empty description={false} /> }}
            renderItem={(group) => (
              <List.Item
                onClick={() => setSelected(group)}
                style={{ cursor: 'pointer', background: selected?.id === group.id ? '#e6f4ff' : undefined, paddingInline: 8 }}
              >
                <List.Item.Meta
                  title={group.name}
                  description={[group.establishedOn && `${g.establishedOn}：${group.establishedOn}`, group.officeDivisionName && `${g.officeDivision}：${group.officeDivisionName}`, g.seats(group.seats)]
                    .filter(Boolean)
                    .join('　')}
                />
              </List.Item>
            )}
          />
        </Card>
        {selected ? <GroupView key={selected.id} group={selected} /> : <Typography.Text type="secondary">{g.chooseGroup}</Typography.Text>}
      </Col>
      {dialog === 'position' && <PositionDialog agencyId={agencyId} onClose={() => setDialog(null)} />}
      {dialog === 'group' && <GroupDialog agencyId={agencyId} positions={positions.data?.items ?? []} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && <AppointDialog agencyId={agencyId} position={dialog.appoint} onClose={() => setDialog(null)} />}
    </Row>
  );
}

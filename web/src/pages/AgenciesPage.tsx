/** 执法主体: the agencies in the user's scope, searchable, and registering a new one (O1, P13). */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { AgencyForm, type AgencyValues } from '../components/agency/AgencyForm.tsx';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import { blankToNull } from '../components/rules.ts';
import { CategoryTags, ConfirmationTag, RatioFlagTag } from '../components/StatusTags.tsx';
import { useCan } from '../session.tsx';
import type { Agency, AgencyKind } from '../types.ts';

const PAGE_SIZE = 20;
const a = ui.agencies;

function CreateAgencyDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<AgencyValues>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: AgencyValues) => unwrap(api.POST('/api/agencies', { body: blankToNull(values) })),
    onSuccess: (agency) => {
      toast.success(ui.common.created);
      void client.invalidateQueries({ queryKey: ['agencies'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] }); // an agency awaiting confirmation is a warning there
      void navigate(`/agencies/${agency.id}`);
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open width={720} title={a.create} okText={ui.common.save} okButtonProps={{ 'data-testid': 'agency-save' }} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <AgencyForm form={form} mode="create" onSubmit={(values) => create.mutate(values)} />
    </Modal>
  );
}

export default function AgenciesPage() {
  const canCreate = useCan('createAgencies');
  const [filters, setFilters] = useState<{ q?: string; regionCode?: string; kind?: AgencyKind }>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useQuery({
    queryKey: ['agencies', 'list', filters, page],
    queryFn: () => unwrap(api.GET('/api/agencies', { params: { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title={a.title}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agency-create">
              {a.create}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder={a.searchPlaceholder} allowClear onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 280 }} data-testid="agency-search" />
          <RegionSelect allowClear placeholder={a.region} value={filters.regionCode} onChange={(regionCode) => filter({ regionCode })} />
          <Select<AgencyKind>
            allowClear
            placeholder={a.kind}
            value={filters.kind}
            onChange={(kind) => filter({ kind })}
            style={{ width: 160 }}
            options={(['enforcement', 'justice_bureau'] as const).map((k) => ({ value: k, label: ui.labels.agencyKind[k] }))}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<Agency>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, showTotal: ui.common.total, showSizeChanger: false }}
          columns={[
            { title: a.name, dataIndex: 'name', render: (name: string, r) => <Link to={`/agencies/${r.id}`}>{name}</Link> },
            { title: a.kind, dataIndex: 'kind', render: (k: AgencyKind) => ui.labels.agencyKind[k] },
            { title: a.region, dataIndex: 'regionName' },
            { title: a.level, dataIndex: 'level', render: (l: Agency['level']) => ui.labels.level[l] },
            { title: a.categories, dataIndex: 'categories', render: (c: Agency['categories']) => <CategoryTags categories={c} /> },
            { title: a.confirmation, dataIndex: 'confirmation', render: (c: Agency['confirmation']) => <ConfirmationTag confirmation={c} /> },
            {
              title: a.reviewerRatio,
              dataIndex: 'reviewerRatio',
              render: (r: Agency['reviewerRatio']) =>
                r ? (
                  <Space size={4}>
                    <span>
                      {r.reviewers}/{r.activeOfficers}
                    </span>
                    <RatioFlagTag flag={r.flag} />
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      {creating && <CreateAgencyDialog onClose={() => setCreating(false)} />}
    </>
  );
}

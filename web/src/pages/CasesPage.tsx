/** 执法案件: the cases in the user's scope, with filters; at-risk statutory clocks stand out. */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { CaseStatusTag, ClockTags } from '../components/case/CaseTags.tsx';
import { useProcedures } from '../components/case/queries.ts';
import type { CaseStatus, CaseSummary, ProcedureId } from '../components/case/types.ts';
import { formatDateTime } from '../components/dates.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useCan } from '../session.tsx';

const c = ui.cases;
const PAGE_SIZE = 20;

interface Filters {
  status?: CaseStatus;
  procedure?: ProcedureId;
  mine?: boolean;
  q?: string;
}

export default function CasesPage() {
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const [page, setPage] = useState(1);
  const procedures = useProcedures();
  const canWork = useCan('workCases');
  const { data, isFetching, error } = useQuery({
    queryKey: ['cases', filters, page],
    queryFn: () =>
      unwrap(api.GET('/api/cases', { params: { query: { status: filters.status, procedure: filters.procedure, q: filters.q, mine: filters.mine ? 'true' : undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          // Only those who work cases register them (the API refuses the others anyway).
          canWork && (
            <Link to="/cases/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="case-create">
                {c.create}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder={c.searchPlaceholder} allowClear onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 260 }} data-testid="cases-search" />
          <Select<CaseStatus>
            allowClear
            placeholder={c.status}
            value={filters.status}
            onChange={(status) => filter({ status })}
            style={{ width: 120 }}
            options={(['open', 'closed', 'archived'] as const).map((s) => ({ value: s, label: c.statusLabel[s] }))}
            data-testid="cases-status"
          />
          <Select<ProcedureId>
            allowClear
            placeholder={c.procedure}
            value={filters.procedure}
            onChange={(procedure) => filter({ procedure })}
            style={{ width: 220 }}
            options={(procedures.data ?? []).map((p) => ({ value: p.id, label: p.zh }))}
          />
          <Checkbox checked={filters.mine === true} onChange={(e) => filter({ mine: e.target.checked || undefined })} data-testid="cases-mine">
            {c.mine}
          </Checkbox>
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<CaseSummary>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, showTotal: ui.common.total, showSizeChanger: false }}
          data-testid="cases-table"
          columns={[
            { title: c.registerNumber, dataIndex: 'registerNumber', width: 120, render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link> },
            { title: c.caseTitle, dataIndex: 'title', render: (t: string, r) => <Link to={`/cases/${r.id}`}>{t}</Link> },
            { title: c.procedure, dataIndex: 'procedureName' },
            { title: c.step, dataIndex: 'stepName' },
            { title: c.status, dataIndex: 'status', render: (s: CaseStatus) => <CaseStatusTag status={s} /> },
            { title: c.clocks, key: 'clocks', render: (_, r) => <ClockTags clocks={r.clocks} compact /> },
            { title: c.agency, dataIndex: 'agencyName', responsive: ['xl'] },
            { title: c.openedAt, dataIndex: 'openedAt', render: formatDateTime },
          ]}
        />
      </Card>
    </>
  );
}

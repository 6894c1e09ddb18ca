/** The officers list with its filters (GET /api/people); used on its own page and in an agency's tab. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { allOf } from '../api/schema.ts';
import type { EffectiveStatus, Person } from '../types.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { CertificateTag, ReviewerTag } from './StatusTags.tsx';

const p = ui.people;
const PAGE_SIZE = 20;

interface Filters {
  agencyId?: string;
  q?: string;
  status?: EffectiveStatus;
  reviewer?: 'true' | 'false';
}

/** `agencyId` fixes the agency (the agency page's tab); otherwise the user may filter by agency. */
export function PeopleTable({ agencyId }: { agencyId?: string }) {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query = { ...filters, agencyId: agencyId ?? filters.agencyId };
  const { data, isFetching, error } = useQuery({
    queryKey: ['people', query, page],
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder={p.searchPlaceholder} allowClear onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 240 }} data-testid="people-search" />
        {!agencyId && <AgencySelect allowClear placeholder={p.agency} value={filters.agencyId} onChange={(id) => filter({ agencyId: id })} />}
        <Select<EffectiveStatus>
          allowClear
          placeholder={p.certificateStatus}
          value={filters.status}
          onChange={(status) => filter({ status })}
          style={{ width: 140 }}
          options={allOf<EffectiveStatus>()(['active', 'suspended', 'revoked', 'expired']).map((s) => ({ value: s, label: ui.labels.certificateStatus[s] }))}
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={p.legalReviewer}
          value={filters.reviewer}
          onChange={(reviewer) => filter({ reviewer })}
          style={{ width: 160 }}
          options={[
            { value: 'true', label: p.reviewerOnly },
            { value: 'false', label: p.notReviewer },
          ]}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Person>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, showTotal: ui.common.total, showSizeChanger: false }}
        columns={[
          {
            title: p.name,
            dataIndex: 'name',
            render: (name: string, r) => (
              <Space size={4}>
                <Link to={`/people/${r.id}`}>{name}</Link>
                <ReviewerTag isLegalReviewer={r.isLegalReviewer} />
              </Space>
            ),
          },
          ...(agencyId ? [] : [{ title: p.agency, dataIndex: 'agencyName', render: (n: string | null | undefined) => n ?? '—' }]),
          { title: p.division, dataIndex: 'divisionName', render: (n: string | null | undefined) => n ?? '—' },
          { title: p.positionTitle, dataIndex: 'positionTitle', render: (n: string | null) => n ?? '—' },
          { title: p.certificateNumber, key: 'certificate', render: (_: unknown, r) => r.certificate?.number ?? '—' },
          { title: p.expiresOn, key: 'expiresOn', render: (_: unknown, r) => r.certificate?.expiresOn ?? '—' },
          { title: p.certificateStatus, key: 'status', render: (_: unknown, r) => <CertificateTag status={r.certificate?.effectiveStatus} /> },
        ]}
      />
    </>
  );
}

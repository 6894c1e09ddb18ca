/** 审计日志: who did what, newest first — every change and every read of personal data. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api } from '../api.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { formatDateTime } from '../components/dates.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import type { AuditEvent } from '../types.ts';

const au = ui.audit;
const PAGE_SIZE = 50;
const actionLabels: Record<string, string> = ui.labels.auditAction;

export default function AuditPage() {
  const [filters, setFilters] = useState<{ action?: string; subjectId?: string; agencyId?: string }>({});
  const [offset, setOffset] = useState(0);
  const { data, isFetching, error } = useQuery({
    queryKey: ['audit', filters, offset],
    queryFn: () => api.get<{ items: AuditEvent[] }>('/api/audit', { ...filters, limit: PAGE_SIZE, offset }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const items = data ?? [];
  return (
    <>
      <PageHeader title={au.title} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={au.actionPlaceholder} onSearch={(v) => filter({ action: v.trim() || undefined })} style={{ width: 260 }} />
          <Input.Search allowClear placeholder={au.subjectPlaceholder} onSearch={(v) => filter({ subjectId: v.trim() || undefined })} style={{ width: 300 }} />
          <AgencySelect allowClear value={filters.agencyId} onChange={(agencyId) => filter({ agencyId })} />
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={items}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.detail, null, 2)}</pre>,
            rowExpandable: (r) => Object.keys(r.detail ?? {}).length > 0,
          }}
          columns={[
            { title: au.at, dataIndex: 'at', render: formatDateTime, width: 150 },
            { title: au.actor, dataIndex: 'actorLabel' },
            {
              title: au.action,
              dataIndex: 'action',
              render: (a: string) => (
                <Space size={4}>
                  <span>{actionLabels[a] ?? a}</span>
                  <Typography.Text code type="secondary" style={{ fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: au.subjectType, dataIndex: 'subjectType' },
            { title: au.subjectId, dataIndex: 'subjectId', render: (s: string | null) => <Typography.Text copyable={!!s}>{s ?? '—'}</Typography.Text>, ellipsis: true },
            { title: au.ip, dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {au.prev}
          </Button>
          <Button disabled={items.length < PAGE_SIZE} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {au.next}
          </Button>
        </Space>
      </Card>
    </>
  );
}

/**
 * 审计日志: who did what, newest first — every change and every read of personal data. Filters by
 * person, action, object and date; the object is shown by its name and links to its page.
 */
import { FilterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { formatDateTime, toIsoDate } from '../components/dates.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import type { AuditEvent, AuditLinkType } from '../types.ts';

const au = ui.audit;
const PAGE_SIZE = 50;

const lookup = (table: object, key: string): string | undefined => (Object.hasOwn(table, key) ? (table as Record<string, string>)[key] : undefined);
const actionLabel = (action: string) => lookup(ui.labels.auditAction, action) ?? action;
const subjectTypeLabel = (type: string) => lookup(ui.labels.auditSubject, type) ?? type;
/** A recorded actor label: a user's "name (username)", or who acted without logging in. */
const actorLabel = (label: string) => lookup(au.actorKind, label) ?? label;

/** The page of the staff app that shows a subject. */
const hrefOf: Record<AuditLinkType, (id: string) => string> = {
  user: () => '/users',
  agency: (id) => `/agencies/${id}`,
  person: (id) => `/people/${id}`,
  case: (id) => `/cases/${id}`,
  device: () => '/devices',
  region: () => '/regions',
};

interface Filters {
  agencyId?: string;
  actorUserId?: string;
  action?: string;
  subjectType?: string;
  subject?: { id: string; name: string };
  from?: string;
  to?: string;
}

export default function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [pageNo, setPageNo] = useState(1);
  const { subject, ...query } = filters;
  const { data, isFetching, error } = useQuery({
    queryKey: ['audit', filters, pageNo],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { ...query, subjectId: subject?.id, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const people = useQuery({ queryKey: ['users', 'options'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 500 } } })) });
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPageNo(1);
  };
  const onDates = (range: [Dayjs | null, Dayjs | null] | null) => filter({ from: toIsoDate(range?.[0]) ?? undefined, to: toIsoDate(range?.[1]) ?? undefined });

  return (
    <>
      <PageHeader title={au.title} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={au.person}
            value={filters.actorUserId}
            onChange={(actorUserId) => filter({ actorUserId })}
            options={(people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            style={{ width: 220 }}
            data-testid="audit-filter-person"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={au.actionFilter}
            value={filters.action}
            onChange={(action) => filter({ action })}
            options={Object.entries(ui.labels.auditAction).map(([value, label]) => ({ value, label }))}
            style={{ width: 220 }}
            data-testid="audit-filter-action"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={au.subjectTypeFilter}
            value={filters.subjectType}
            onChange={(subjectType) => filter({ subjectType })}
            options={Object.entries(ui.labels.auditSubject).map(([value, label]) => ({ value, label }))}
            style={{ width: 180 }}
            data-testid="audit-filter-subject-type"
          />
          <DatePicker.RangePicker allowEmpty={[true, true]} onChange={onDates} placeholder={[au.dateRange, au.dateRange]} data-testid="audit-filter-dates" />
          <AgencySelect allowClear value={filters.agencyId} onChange={(agencyId) => filter({ agencyId })} />
          {subject && (
            <Tag closable onClose={() => filter({ subject: undefined })} data-testid="audit-filter-subject">
              {au.subjectFilter(subject.name)}
            </Tag>
          )}
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: pageNo, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: ui.common.total, onChange: setPageNo }}
          expandable={{
            expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.detail, null, 2)}</pre>,
            rowExpandable: (r) => Object.keys(r.detail ?? {}).length > 0,
          }}
          columns={[
            { title: au.at, dataIndex: 'at', render: formatDateTime, width: 150 },
            {
              title: au.actor,
              key: 'actor',
              render: (_, r) => (
                <Space size={4}>
                  <span>{actorLabel(r.actor.label)}</span>
                  {r.actor.userId && r.actor.userId !== filters.actorUserId && (
                    <Tooltip title={au.onlyThisPerson}>
                      <Button type="text" size="small" icon={<FilterOutlined />} aria-label={au.onlyThisPerson} onClick={() => filter({ actorUserId: r.actor.userId! })} />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            { title: au.action, dataIndex: 'action', render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
            { title: au.subject, key: 'subject', render: (_, r) => <SubjectCell row={r} onFilter={(s) => filter({ subject: s })} /> },
            { title: au.agency, key: 'agency', render: (_, r) => (r.agency ? <Link to={`/agencies/${r.agency.id}`}>{r.agency.name}</Link> : '—') },
            { title: au.ip, dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}

/** The subject: its kind, then its name linked to its page (an unnamed one shows its id, quietly). */
function SubjectCell({ row, onFilter }: { row: AuditEvent; onFilter: (subject: { id: string; name: string }) => void }) {
  const { type, id, name, link } = row.subject;
  const text = name ?? id;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{subjectTypeLabel(type)}</Typography.Text>
      {text &&
        (link ? (
          <Link to={hrefOf[link.type](link.id)} data-testid="audit-subject-link">
            {text}
          </Link>
        ) : (
          <Typography.Text type={name ? undefined : 'secondary'} style={name ? undefined : { fontFamily: 'monospace', fontSize: 12 }}>
            {text}
          </Typography.Text>
        ))}
      {id && (
        <Tooltip title={au.onlyThisSubject}>
          <Button type="text" size="small" icon={<FilterOutlined />} aria-label={au.onlyThisSubject} onClick={() => onFilter({ id, name: text ?? id })} />
        </Tooltip>
      )}
    </Space>
  );
}

/** 工作台: the warnings that need attention and the L12 reviewer ratios in the user's scope. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { RatioFlagTag } from '../components/StatusTags.tsx';
import { TodoList } from '../components/TodoList.tsx';
import { useCan } from '../session.tsx';
import type { Dashboard } from '../types.ts';

type RatioRow = Dashboard['reviewerRatios'][number];

const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);

export default function DashboardPage() {
  const { data, error } = useQuery({ queryKey: ['dashboard'], queryFn: () => unwrap(api.GET('/api/dashboard')) });
  const readCases = useCan('readCases');
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <PageLoading />;
  const counts = [
    { title: ui.dashboard.agencies, value: data.counts.agencies },
    { title: ui.dashboard.unconfirmedAgencies, value: data.counts.unconfirmedAgencies },
    { title: ui.dashboard.activeOfficers, value: data.counts.activeOfficers },
    { title: ui.dashboard.expiringCertificates, value: data.counts.certificatesExpiringIn30Days },
    { title: ui.dashboard.openCases, value: data.counts.openCases },
    { title: ui.dashboard.overdueCases, value: data.counts.overdueCases },
    { title: ui.dashboard.archiveOverdue, value: data.counts.archiveOverdue },
  ];
  return (
    <>
      <PageHeader title={ui.dashboard.title}>
        <Typography.Text type="secondary">{ui.dashboard.today(data.today)}</Typography.Text>
      </PageHeader>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {data.warnings.length === 0 ? (
          <Alert type="success" showIcon title={ui.dashboard.noWarnings} />
        ) : (
          data.warnings.map((w) => <Alert key={w.code} type={w.level} showIcon title={w.message} data-testid={`warning-${w.code}`} />)
        )}
        <Row gutter={16}>
          {counts.map((c) => (
            <Col key={c.title} xs={12} lg={6}>
              <Card>
                <Statistic title={c.title} value={c.value} />
              </Card>
            </Col>
          ))}
        </Row>
        {readCases && <TodoList />}
        <Card title={ui.dashboard.reviewerRatios}>
          <Table<RatioRow>
            rowKey="agencyId"
            size="middle"
            dataSource={data.reviewerRatios}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={false} /> }}
            columns={[
              { title: ui.dashboard.agency, dataIndex: 'agencyName', render: (name: string, r) => <Link to={`/agencies/${r.agencyId}`}>{name}</Link> },
              { title: ui.dashboard.reviewers, dataIndex: 'reviewers', align: 'right', sorter: (a, b) => a.reviewers - b.reviewers },
              { title: ui.dashboard.officers, dataIndex: 'activeOfficers', align: 'right', sorter: (a, b) => a.activeOfficers - b.activeOfficers },
              { title: ui.dashboard.ratio, dataIndex: 'ratio', align: 'right', render: percent, sorter: (a, b) => (a.ratio ?? -1) - (b.ratio ?? -1) },
              {
                title: ui.dashboard.status,
                dataIndex: 'flag',
                render: (flag: RatioRow['flag']) => <RatioFlagTag flag={flag} />,
                filters: (['ok', 'below_minimum', 'no_reviewer'] as const).map((f) => ({ text: ui.labels.ratioFlag[f], value: f })),
                onFilter: (value, r) => r.flag === value,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}

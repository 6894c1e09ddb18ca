/**
 * 我的待办 (GET /api/todo): the user's open cases, most urgent first (overdue, then due soon), and
 * the case files to compile or transfer with their deadlines; each row opens the case.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import type { ResponseOf } from '../api/schema.ts';
import { ClockTags } from './case/CaseTags.tsx';

const t = ui.todo;

/** GET /api/todo. */
export type Todo = ResponseOf<'/api/todo', 'get'>;
export type TodoCase = Todo['cases'][number];
export type TodoArchive = Todo['archive'][number];

const archiveColours: Record<TodoArchive['status'], string> = { due: 'blue', due_soon: 'orange', overdue: 'red' };

/** The earliest deadline still running (or overdue) of a case, for the list's 期限 column. */
const nextDeadline = (c: TodoCase) =>
  c.clocks
    .filter((k) => k.status === 'running' || k.status === 'due_soon' || k.status === 'overdue')
    .map((k) => k.deadline)
    .sort()[0];

export function TodoList() {
  const { data, error, isFetching } = useQuery({ queryKey: ['todo'], queryFn: () => unwrap(api.GET('/api/todo')) });
  return (
    <Card title={t.title} data-testid="todo">
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {data && !data.cases.length && !data.archive.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {(!data || data.cases.length > 0) && (
          <Table<TodoCase>
            rowKey="id"
            size="small"
            loading={isFetching}
            dataSource={data?.cases}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: ui.common.total }}
            locale={{ emptyText: t.empty }}
            title={() => <Typography.Text strong>{`${t.cases}（${data?.cases.length ?? 0}）`}</Typography.Text>}
            data-testid="todo-cases"
            columns={[
              { title: ui.cases.registerNumber, dataIndex: 'registerNumber', width: 130, render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link> },
              { title: ui.cases.caseTitle, dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
              { title: t.step, dataIndex: 'stepName' },
              { title: t.deadline, key: 'deadline', width: 110, render: (_, r) => nextDeadline(r) ?? '—' },
              { title: ui.cases.clocks, key: 'clocks', render: (_, r) => <ClockTags clocks={r.clocks} compact /> },
            ]}
          />
        )}
        {(data?.archive.length ?? 0) > 0 && (
          <Table<TodoArchive>
            rowKey={(r) => `${r.caseId}-${r.task}`}
            size="small"
            dataSource={data?.archive}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: ui.common.total }}
            title={() => <Typography.Text strong>{`${t.archive}（${data?.archive.length ?? 0}）`}</Typography.Text>}
            data-testid="todo-archive"
            columns={[
              { title: ui.cases.registerNumber, dataIndex: 'registerNumber', width: 130, render: (n: string, r) => <Link to={`/cases/${r.caseId}`}>{n}</Link> },
              { title: ui.cases.caseTitle, dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: t.task, dataIndex: 'task', width: 100, render: (k: TodoArchive['task']) => t.taskLabel[k] },
              { title: t.deadline, dataIndex: 'deadline', width: 130, render: (v: string, r) => `${v}${r.provisional ? ui.cases.provisional : ''}` },
              {
                title: ui.cases.status,
                dataIndex: 'status',
                width: 100,
                render: (s: TodoArchive['status']) => (
                  <Tag color={archiveColours[s]} data-testid="todo-archive-status">
                    {t.statusLabel[s]}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

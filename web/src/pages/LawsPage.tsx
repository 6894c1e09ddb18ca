/**
 * 法律法规库: search by title, citation or words; without a query, every law with its versions.
 * The query lives in the address (?q=), so a search can be linked and the back button returns to it.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { LawKindTag, LawStatusTag } from '../components/law/law-parts.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import type { Law, LawSearch } from '../types.ts';

const l = ui.laws;

/** The newest version: where a law opens. */
const newest = (law: Law) => law.versions.at(-1)!;

function LawTable({ laws, loading, testId }: { laws: Law[]; loading?: boolean; testId: string }) {
  return (
    <Table<Law>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={laws}
      pagination={false}
      data-testid={testId}
      columns={[
        { title: l.lawTitle, key: 'title', render: (_: unknown, law: Law) => <Link to={`/laws/versions/${newest(law).id}`}>{law.title}</Link> },
        { title: l.kind, key: 'kind', render: (_: unknown, law: Law) => <LawKindTag kind={law.kind} /> },
        {
          title: l.versions,
          key: 'versions',
          render: (_: unknown, law: Law) => (
            <Space wrap size={4}>
              {law.versions.map((v) => (
                <Link key={v.id} to={`/laws/versions/${v.id}`}>
                  {v.versionDate} <LawStatusTag status={v.status} />
                </Link>
              ))}
            </Space>
          ),
        },
        { title: l.articleCount, key: 'articles', align: 'right', responsive: ['md'], render: (_: unknown, law: Law) => newest(law).articleCount },
      ]}
    />
  );
}

function Hits({ result }: { result: LawSearch }) {
  return (
    <Card
      title={l.articles}
      extra={
        <Typography.Text type="secondary">
          {result.total > result.articles.length ? l.shownOf(result.articles.length, result.total) : l.found(result.total)}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary">{result.mode === 'citation' ? l.byCitation : l.byWords(result.words.join(' '))}</Typography.Paragraph>
      <div data-testid="law-hits">
        {result.articles.map((hit) => (
          <div key={`${hit.versionId}-${hit.number}`} style={{ padding: '8px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <Link to={`/laws/versions/${hit.versionId}/articles/${hit.number}`} data-testid={`law-hit-${hit.number}`}>
              {hit.citation}
            </Link>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              <Highlighted text={hit.snippet} words={result.words} />
            </Typography.Paragraph>
          </div>
        ))}
      </div>
    </Card>
  );
}

/** The snippet with the searched words marked. */
function Highlighted({ text, words }: { text: string; words: string[] }) {
  if (!words.length) return <>{text}</>;
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return (
    <>
      {text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </>
  );
}

export default function LawsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const all = useQuery({ queryKey: ['laws'], queryFn: () => unwrap(api.GET('/api/laws')).then((r) => r.items), enabled: !q });
  const found = useQuery({ queryKey: ['laws', 'search', q], queryFn: () => unwrap(api.GET('/api/laws/search', { params: { query: { q, limit: 50 } } })), enabled: !!q });
  const error = all.error ?? found.error;
  return (
    <>
      <PageHeader title={l.title}>
        <Input.Search
          key={q}
          defaultValue={q}
          placeholder={l.searchPlaceholder}
          enterButton={ui.common.search}
          allowClear
          maxLength={100}
          loading={found.isFetching}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
          style={{ marginTop: 16, maxWidth: 720 }}
          data-testid="law-search"
        />
      </PageHeader>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {!q && (
        <Card title={l.allLaws}>
          <LawTable laws={all.data ?? []} loading={all.isFetching} testId="law-list" />
        </Card>
      )}
      {q && found.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {!found.data.laws.length && !found.data.articles.length && <Empty description={l.nothingFound} />}
          {found.data.laws.length > 0 && (
            <Card title={l.matchingLaws}>
              <LawTable laws={found.data.laws} testId="law-title-hits" />
            </Card>
          )}
          {found.data.articles.length > 0 && <Hits result={found.data} />}
        </Space>
      )}
    </>
  );
}

/** A law version's table of contents: its parts, chapters and sections with their articles, and its history. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { Link, useNavigate, useParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { LawKindTag, LawStatusTag, versionLine } from '../components/law/law-parts.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import type { LawVersionToc } from '../types.ts';

const l = ui.laws;

/** Divisions nested by level (part > chapter > section), each article under the innermost division holding it. */
function contentsTree(toc: LawVersionToc): DataNode[] {
  const articleNode = (a: LawVersionToc['articles'][number]): DataNode => ({ key: `a${a.number}`, title: a.label, isLeaf: true });
  const depth = { part: 0, chapter: 1, section: 2 } as const;
  const roots: DataNode[] = [];
  const stack: { level: number; node: DataNode }[] = [];
  const placed = new Set<number>();
  toc.divisions.forEach((d, i) => {
    const node: DataNode = { key: `d${i}`, title: `${d.label} ${d.name}${d.firstArticle ? `（${l.articlesIn(d.firstArticle, d.lastArticle!)}）` : ''}`, children: [] };
    while (stack.length && stack.at(-1)!.level >= depth[d.level]) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ level: depth[d.level], node });
  });
  // The innermost division whose range holds an article: sections before chapters before parts.
  const holders = toc.divisions.map((d, i) => ({ d, i })).sort((a, b) => depth[b.d.level] - depth[a.d.level]);
  const byKey = new Map<string, DataNode>();
  const walk = (nodes: DataNode[]) => nodes.forEach((n) => (byKey.set(String(n.key), n), walk(n.children ?? [])));
  walk(roots);
  for (const a of toc.articles) {
    const holder = holders.find(({ d }) => d.firstArticle !== null && d.firstArticle <= a.number && a.number <= d.lastArticle!);
    if (holder) {
      // A chapter with sections lists its articles inside them; one before its first section stays on the chapter.
      const node = byKey.get(`d${holder.i}`)!;
      node.children = [...(node.children ?? []), articleNode(a)];
      placed.add(a.number);
    }
  }
  const loose = toc.articles.filter((a) => !placed.has(a.number)).map(articleNode);
  return [...roots, ...loose];
}

export default function LawVersionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toc = useQuery({ queryKey: ['laws', 'version', id], queryFn: () => unwrap(api.GET('/api/law-versions/{id}', { params: { path: { id } } })) });
  if (toc.error) return <Alert type="error" showIcon title={toc.error.message} />;
  if (!toc.data) return null;
  const { law, version } = toc.data;
  return (
    <>
      <PageHeader title={law.title} extra={<Link to="/laws">{l.backToSearch}</Link>}>
        <Space wrap style={{ marginTop: 8 }}>
          <LawKindTag kind={law.kind} />
          <LawStatusTag status={version.status} />
          <Typography.Text type="secondary">{versionLine(version)}</Typography.Text>
          <Typography.Text type="secondary">{l.articleCountOf(version.articleCount)}</Typography.Text>
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={l.contents}>
            <Tree
              data-testid="law-contents"
              treeData={contentsTree(toc.data)}
              defaultExpandAll
              selectable
              onSelect={(keys) => {
                const key = String(keys[0] ?? '');
                if (key.startsWith('a')) void navigate(`/laws/versions/${version.id}/articles/${key.slice(1)}`);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={l.history} style={{ marginBottom: 16 }}>
            {version.history.map((line) => (
              <Typography.Paragraph key={line} type="secondary" style={{ fontSize: 13 }}>
                {line}
              </Typography.Paragraph>
            ))}
          </Card>
          {law.versions.length > 1 && (
            <Card title={l.versions}>
              {law.versions.map((v) => (
                <div key={v.id}>
                  <Link to={`/laws/versions/${v.id}`}>{v.versionDate}</Link> <LawStatusTag status={v.status} />
                </div>
              ))}
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

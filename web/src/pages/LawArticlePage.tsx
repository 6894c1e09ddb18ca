/** One article: its paragraphs and items, its citation, and the same article in the law's other versions side by side. */
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { useToast } from '../components/feedback.ts';
import { LawStatusTag, Paragraphs, versionLine } from '../components/law/law-parts.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

const l = ui.laws;

export default function LawArticlePage() {
  const { id = '', number = '' } = useParams();
  const toast = useToast();
  const found = useQuery({
    queryKey: ['laws', 'article', id, number],
    queryFn: () => unwrap(api.GET('/api/law-versions/{id}/articles/{number}', { params: { path: { id, number: Number(number) } } })),
  });
  if (found.error) return <Alert type="error" showIcon title={found.error.message} />;
  if (!found.data) return null;
  const { law, version, article, otherVersions } = found.data;
  const at = (n: number) => `/laws/versions/${version.id}/articles/${n}`;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/laws">{l.title}</Link> }, { title: <Link to={`/laws/versions/${version.id}`}>{law.title}</Link> }, { title: article.label }]}
      />
      <PageHeader
        title={`${law.title} ${article.label}`}
        extra={
          <Space>
            {article.number > 1 && <Link to={at(article.number - 1)}>{l.previous}</Link>}
            {article.number < version.articleCount && <Link to={at(article.number + 1)}>{l.next}</Link>}
          </Space>
        }
      >
        <Space wrap style={{ marginTop: 8 }}>
          <LawStatusTag status={version.status} />
          <Typography.Text type="secondary">{versionLine(version)}</Typography.Text>
          {article.divisions.map((d) => (
            <Tag key={d}>{d}</Tag>
          ))}
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} lg={otherVersions.length ? 12 : 24}>
          <Card
            title={
              <Typography.Text data-testid="law-citation" copyable={false}>
                {article.citation}
              </Typography.Text>
            }
            extra={
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => void navigator.clipboard?.writeText(article.citation).then(() => toast.success(l.copied))}
                aria-label={l.copyCitation}
              >
                {l.copyCitation}
              </Button>
            }
          >
            <Paragraphs paragraphs={article.paragraphs} testId="law-article" />
          </Card>
        </Col>
        {otherVersions.length > 0 && (
          <Col xs={24} lg={12}>
            <Card title={l.otherVersions}>
              {otherVersions.map((o) => (
                <div key={o.version.id} style={{ marginBottom: 16 }}>
                  <Space wrap>
                    <Link to={`/laws/versions/${o.version.id}/articles/${article.number}`}>{o.version.versionDate}</Link>
                    <LawStatusTag status={o.version.status} />
                    {o.paragraphs && <Tag color={o.sameText ? 'default' : 'orange'}>{o.sameText ? l.sameText : l.changedText}</Tag>}
                  </Space>
                  {o.paragraphs ? <Paragraphs paragraphs={o.paragraphs} /> : <Typography.Paragraph type="secondary">{l.noSuchArticle}</Typography.Paragraph>}
                </div>
              ))}
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}

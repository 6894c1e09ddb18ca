/**
 * The case page: where the case stands (state, statutory clocks), what may be done next and why
 * not (the API decides; the page never guesses), and the record — timeline, documents, evidence.
 */
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { AccessRequests } from '../components/case/AccessRequests.tsx';
import { CaseDocuments } from '../components/case/CaseDocuments.tsx';
import { CaseEvidence } from '../components/case/CaseEvidence.tsx';
import { CaseFileTab } from '../components/case/CaseFileTab.tsx';
import { CaseStatusTag, ClockTags } from '../components/case/CaseTags.tsx';
import { CaseTimeline } from '../components/case/CaseTimeline.tsx';
import { blockedLabel } from '../components/case/labels.ts';
import { useCase, useProcedures } from '../components/case/queries.ts';
import { StepDialog } from '../components/case/StepDialog.tsx';
import type { CaseDetail, NextStep, Procedure } from '../components/case/types.ts';
import { formatDate, formatDateTime } from '../components/dates.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

const c = ui.cases;

/**
 * The next steps the user's role does, each with its 办理 button; the others only as one line per
 * role that does them ("由机关负责人办理：…"), so nobody is offered what they may not do.
 */
function NextSteps({ kase, onHandle }: { kase: CaseDetail; onHandle: (step: NextStep) => void }) {
  if (!kase.nextSteps.length) return <Typography.Text type="secondary">{c.noNextSteps}</Typography.Text>;
  const mine = kase.nextSteps.filter((s) => s.forYou);
  const others = (['officers', 'leader'] as const)
    .map((doneBy) => ({ doneBy, steps: kase.nextSteps.filter((s) => !s.forYou && s.doneBy === doneBy) }))
    .filter((g) => g.steps.length);
  return (
    <Flex vertical data-testid="next-steps">
      {mine.map((s, i) => (
        <Flex key={s.id} justify="space-between" align="center" gap={12} style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid={`next-step-${s.id}`}>
          <Space orientation="vertical" size={2}>
            <Space size={4} wrap>
              <Typography.Text strong>{s.zh}</Typography.Text>
              {s.av && <Tag color="red">{c.avRequired}</Tag>}
            </Space>
            {s.documents.length > 0 && (
              <Typography.Text type="secondary">
                {c.requiredDocuments}：{s.documents.map((d) => `${d.zh}${d.conditional ? c.conditional : ''}`).join('、')}
              </Typography.Text>
            )}
            {s.blocked && (
              <Typography.Text type="warning" data-testid={`blocked-${s.id}`}>
                {blockedLabel(s.blocked)}
              </Typography.Text>
            )}
          </Space>
          <Button type={s.permitted && !s.blocked ? 'primary' : 'default'} disabled={!s.permitted || !!s.blocked} onClick={() => onHandle(s)} data-testid={`handle-${s.id}`}>
            {c.handle}
          </Button>
        </Flex>
      ))}
      {others.map((g, i) => (
        <Typography.Text key={g.doneBy} type="secondary" style={{ padding: '8px 0', borderTop: mine.length || i ? '1px solid #f0f0f0' : undefined }} data-testid={`next-steps-${g.doneBy}`}>
          {c.doneBy[g.doneBy]}：{g.steps.map((s) => s.zh).join('、')}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function Overview({ kase }: { kase: CaseDetail }) {
  const text = (v: string | null | undefined) => v ?? '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, lg: 2 }}
      items={[
        { key: 'agency', label: c.agency, children: kase.agencyName },
        { key: 'procedure', label: c.procedure, children: kase.procedureName },
        { key: 'powerItem', label: c.powerItem, children: kase.powerItem ? `${kase.powerItem.code} ${kase.powerItem.name}` : '—', span: 'filled' },
        { key: 'source', label: c.source, children: kase.source ? c.sourceKind[kase.source] : '—' },
        { key: 'openedAt', label: c.openedAt, children: formatDateTime(kase.openedAt) },
        { key: 'provider', label: c.sourceProvider, children: text(kase.sourceDetail?.provider) },
        { key: 'receivedOn', label: c.sourceReceivedOn, children: kase.sourceDetail?.receivedOn ? formatDate(kase.sourceDetail.receivedOn) : '—' },
        { key: 'content', label: c.sourceContent, children: text(kase.sourceDetail?.content), span: 'filled' },
        {
          key: 'parties',
          label: c.parties,
          span: 'filled',
          children: (
            <Space orientation="vertical" size={0} data-testid="case-parties">
              {kase.parties.map((p) => (
                <span key={p.id}>
                  {p.name}（{c.partyKindLabel[p.kind]}）{p.creditCode ?? p.idNumberMasked ?? ''}
                  {p.legalRepresentative ? ` ${c.legalRepresentative}：${p.legalRepresentative}` : ''}
                </span>
              ))}
            </Space>
          ),
        },
        {
          key: 'officers',
          label: c.officers,
          span: 'filled',
          children: kase.officers.length ? (
            <Space wrap data-testid="case-officers">
              {kase.officers.map((o) => (
                <Tag key={o.personId} color={o.role === 'leader' ? 'blue' : undefined}>
                  <Link to={`/people/${o.personId}`}>{o.name}</Link>（{o.role === 'leader' ? c.leader : c.member}）{o.certificateNumber ?? ''}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { data: kase, error } = useCase(id);
  const procedures = useProcedures();
  const [handling, setHandling] = useState<NextStep | null>(null);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!kase) return <PageLoading />;
  const procedure: Procedure | undefined = procedures.data?.find((p) => p.id === kase.procedure);
  const definition = handling ? procedure?.steps.find((s) => s.id === handling.id) : undefined;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="case-register-number">{kase.registerNumber}</span>
            <span data-testid="case-title">{kase.title}</span>
          </Space>
        }
      >
        <Space wrap style={{ marginTop: 8 }}>
          <CaseStatusTag status={kase.status} />
          <Tag color="geekblue" data-testid="case-step">
            {kase.stepName}
          </Tag>
          <ClockTags clocks={kase.clocks} />
        </Space>
      </PageHeader>
      {kase.status === 'archived' && <Alert type="info" showIcon title={ui.archive.readOnly} style={{ marginBottom: 16 }} data-testid="case-read-only" />}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title={c.nextSteps} style={{ marginBottom: 16 }}>
            <NextSteps kase={kase} onHandle={setHandling} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Overview kase={kase} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            { key: 'timeline', label: c.timeline, children: <CaseTimeline kase={kase} procedure={procedure} /> },
            { key: 'documents', label: `${c.documents}（${kase.documents.length}）`, children: <CaseDocuments documents={kase.documents} procedure={procedure} /> },
            { key: 'evidence', label: c.evidence, children: <CaseEvidence kase={kase} procedure={procedure} /> },
            { key: 'file', label: <span data-testid="case-tab-file">{ui.archive.tab}</span>, children: <CaseFileTab kase={kase} /> },
            { key: 'access', label: <span data-testid="case-tab-access">{ui.access.tab}</span>, children: <AccessRequests kase={kase} /> },
          ]}
          data-testid="case-tabs"
        />
      </Card>
      {handling && definition && <StepDialog kase={kase} step={handling} definition={definition} onClose={() => setHandling(null)} />}
    </>
  );
}

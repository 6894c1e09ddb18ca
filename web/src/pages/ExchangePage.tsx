/**
 * 导入导出: all-or-nothing .xlsx imports of officers and agencies with the row-by-row rejection
 * report (src/exchange/routes.ts), and exports for reading.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Radio, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { ApiError, download, upload } from '../api.ts';
import type { ResponseOf } from '../api/schema.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { useFailure } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useCan, useMe } from '../session.tsx';

const x = ui.exchange;
type Kind = 'officers' | 'agencies';

/** What an import answers (the same for officers and agencies). */
type Summary = ResponseOf<'/api/exchange/officers', 'post'>;

interface RowProblem {
  row: number;
  column: string;
  header: string;
  field: string;
  code: string;
  message: string;
}

type Outcome = { ok: Summary } | { rejected: { totalRows: number; rejectedRows: number; rows: RowProblem[] } } | { failed: string };

function Report({ outcome }: { outcome: Outcome }) {
  if ('failed' in outcome) return <Alert type="error" showIcon title={outcome.failed} data-testid="import-failed" />;
  if ('ok' in outcome) {
    const s = outcome.ok;
    return <Alert type="success" showIcon title={s.dryRun ? x.checked(s.totalRows) : x.imported(s.imported, s.totalRows)} data-testid="import-ok" />;
  }
  const r = outcome.rejected;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="error" showIcon title={x.rejected(r.rejectedRows, r.totalRows)} data-testid="import-rejected" />
      <Table<RowProblem>
        rowKey={(p) => `${p.row}-${p.column}-${p.field}-${p.code}`}
        size="small"
        dataSource={r.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="import-report"
        columns={[
          { title: x.row, dataIndex: 'row', width: 80 },
          { title: x.column, dataIndex: 'column', width: 70 },
          { title: x.header, dataIndex: 'header', width: 180 },
          { title: x.problem, dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}

/** The outcome of a failed import: the rejection report, or the server's message. */
function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === 'IMPORT_REJECTED') {
    const d = error.details as { totalRows?: number; rejectedRows?: number; rows?: RowProblem[] };
    return { rejected: { totalRows: d.totalRows ?? 0, rejectedRows: d.rejectedRows ?? 0, rows: d.rows ?? [] } };
  }
  if (error instanceof ApiError) {
    const specific = typeof error.details.message === 'string' ? error.details.message : null;
    const fields = error.fields.map((f) => f.message).join('；');
    return { failed: [error.message, specific ?? fields].filter(Boolean).join('：') };
  }
  return { failed: error instanceof Error ? error.message : String(error) };
}

function ImportCard() {
  const me = useMe();
  const canCreateAgencies = useCan('createAgencies');
  const client = useQueryClient();
  const failure = useFailure();
  const [kind, setKind] = useState<Kind>('officers');
  const [agencyId, setAgencyId] = useState<string | undefined>(me.user.agencyId ?? undefined);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ready = kind === 'agencies' || !!agencyId;
  const templateName = `${kind}-template.xlsx`;
  return (
    <Card title={x.importTitle}>
      <Typography.Paragraph type="secondary">{x.hint}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={x.what}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setOutcome(null);
            }}
            options={[
              { value: 'officers', label: x.officers },
              { value: 'agencies', label: x.agencies, disabled: !canCreateAgencies },
            ]}
            data-testid="import-kind"
          />
        </Form.Item>
        {kind === 'officers' && (
          <Form.Item label={x.agency} required>
            <AgencySelect value={agencyId} onChange={setAgencyId} style={{ width: 360 }} data-testid="import-agency" />
          </Form.Item>
        )}
        <Form.Item>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
            {x.dryRun}
          </Checkbox>
        </Form.Item>
        <Space wrap>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={!ready || busy}
            customRequest={async ({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('file', file as Blob);
              setBusy(true);
              setOutcome(null);
              try {
                const path = kind === 'officers' ? '/api/exchange/officers' : '/api/exchange/agencies';
                const query = new URLSearchParams({ dryRun: String(dryRun), ...(kind === 'officers' ? { agencyId: agencyId! } : {}) });
                const summary = await upload<Summary>('POST', `${path}?${query}`, form);
                onSuccess?.(summary);
                setOutcome({ ok: summary });
                if (!summary.dryRun) void client.invalidateQueries({ queryKey: [kind === 'officers' ? 'people' : 'agencies'] });
              } catch (error) {
                onError?.(error as Error);
                setOutcome(outcomeOf(error));
              } finally {
                setBusy(false);
              }
            }}
            data-testid="import-file"
            aria-label={x.chooseFile}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={!ready}>
              {x.chooseFile}
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/api/exchange/templates/${kind}.xlsx`, undefined, templateName).catch(failure)}>
            {x.template}
          </Button>
        </Space>
      </Form>
      {outcome && (
        <div style={{ marginTop: 16 }}>
          <Report outcome={outcome} />
        </div>
      )}
    </Card>
  );
}

function ExportCard() {
  const me = useMe();
  const failure = useFailure();
  const [agencyId, setAgencyId] = useState<string | undefined>(me.user.agencyId ?? undefined);
  const [busy, setBusy] = useState<Kind | null>(null);
  const run = (kind: Kind, path: string, query: Record<string, string> | undefined) => {
    setBusy(kind);
    download(path, query, `${kind}.xlsx`)
      .catch(failure)
      .finally(() => setBusy(null));
  };
  return (
    <Card title={x.exportTitle}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={5}>{x.exportOfficers}</Typography.Title>
          <Typography.Paragraph type="secondary">{x.exportOfficersHelp}</Typography.Paragraph>
          <Space wrap>
            <AgencySelect value={agencyId} onChange={setAgencyId} style={{ width: 300 }} />
            <Button icon={<DownloadOutlined />} disabled={!agencyId} loading={busy === 'officers'} onClick={() => run('officers', '/api/exchange/officers.xlsx', { agencyId: agencyId! })} data-testid="export-officers">
              {x.download}
            </Button>
          </Space>
        </div>
        <div>
          <Typography.Title level={5}>{x.exportAgencies}</Typography.Title>
          <Typography.Paragraph type="secondary">{x.exportAgenciesHelp}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} loading={busy === 'agencies'} onClick={() => run('agencies', '/api/exchange/agencies.xlsx', undefined)} data-testid="export-agencies">
            {x.download}
          </Button>
        </div>
      </Space>
    </Card>
  );
}

export default function ExchangePage() {
  return (
    <>
      <PageHeader title={x.title} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ImportCard />
        </Col>
        <Col xs={24} xl={10}>
          <ExportCard />
        </Col>
      </Row>
    </>
  );
}

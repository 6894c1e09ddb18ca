/** 证据 — a case's evidence items (thumbnails, players, digests) and an upload for a chosen step. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Image, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { formatDateTime } from '../dates.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import { caseChanged, useEvidence } from './queries.ts';
import type { CaseDetail, EvidenceItem, Procedure } from './types.ts';

const c = ui.cases;

const formatSize = (n: number | null) => (n === null ? '—' : n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

function Preview({ item }: { item: EvidenceItem }) {
  if (item.restricted) return <Tag color="red">{c.restricted}</Tag>;
  const src = `/api/evidence/${item.id}/content`;
  if (item.kind === 'photo' || item.contentType?.startsWith('image/')) return <Image src={src} width={96} alt={item.title ?? ''} loading="lazy" data-testid="evidence-thumb" />;
  if (item.kind === 'video') return <video src={src} controls preload="none" width={200} data-testid="evidence-video" />;
  if (item.kind === 'audio') return <audio src={src} controls preload="none" />;
  return (
    <a href={src} target="_blank" rel="noreferrer">
      {c.download}
    </a>
  );
}

export function CaseEvidence({ kase, procedure }: { kase: CaseDetail; procedure: Procedure | undefined }) {
  const client = useQueryClient();
  const { data, error, isFetching } = useEvidence(kase.id);
  const steps = procedure?.steps ?? [];
  const [step, setStep] = useState<string | undefined>(kase.nextSteps[0]?.id);
  const stepName = (id: string) => steps.find((s) => s.id === id)?.zh ?? id;
  return (
    <>
      {kase.status === 'open' && (
        <Space orientation="vertical" style={{ marginBottom: 16, width: '100%' }}>
          <Space>
            <Typography.Text>{c.uploadFor}</Typography.Text>
            <Select style={{ width: 240 }} value={step} onChange={setStep} options={steps.map((s) => ({ value: s.id, label: s.zh }))} data-testid="evidence-step" />
          </Space>
          {step && <EvidenceUpload caseId={kase.id} step={step} onUploaded={() => void caseChanged(client, kase.id)} />}
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<EvidenceItem>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: c.noEvidence }}
        data-testid="case-evidence"
        columns={[
          { title: '', key: 'preview', width: 120, render: (_, e) => <Preview item={e} /> },
          {
            title: c.evidenceTitle,
            key: 'title',
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <span data-testid="evidence-title">{e.title ?? c.restricted}</span>
                {e.sha256 && (
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 11 }} copyable={{ text: e.sha256 }}>
                    SHA-256 {e.sha256.slice(0, 16)}…
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: c.evidenceKind, dataIndex: 'kind', render: (k: EvidenceItem['kind']) => c.evidenceKindLabel[k] },
          { title: c.forStep, dataIndex: 'step', render: stepName },
          { title: c.capturedAt, dataIndex: 'capturedAt', render: formatDateTime },
          { title: c.uploadedAt, key: 'uploadedAt', render: (_, e) => <Space size={4}>{formatDateTime(e.uploadedAt)}{e.late && <Tag color="red">{c.late}</Tag>}</Space> },
          { title: c.confidentiality, dataIndex: 'confidentiality', render: (l: EvidenceItem['confidentiality']) => c.confidentialityLabel[l] },
          { title: c.fileSize, dataIndex: 'size', render: formatSize },
        ]}
      />
    </>
  );
}

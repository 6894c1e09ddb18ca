/**
 * 时间轴 — the case's hash-chained record (R11) as people read it: who did what and when, the
 * documents with their numbers, the evidence with a thumbnail. Reads of the case and its evidence
 * (also recorded) are folded away unless asked for.
 */
import { FileTextOutlined, PlayCircleOutlined, SoundOutlined } from '@ant-design/icons';
import { Image, Modal, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { formatDateTime } from '../dates.ts';
import { eventLabel } from './labels.ts';
import { useDocumentTypes } from './queries.ts';
import type { CaseDetail, CaseEvent, Procedure } from './types.ts';

const c = ui.cases;
/** Reads, not changes: folded away unless the user asks for them. */
const ACCESS_EVENTS = new Set(['case.viewed', 'evidence.viewed', 'evidence.downloaded', 'document.viewed']);
const colours: Record<string, string> = { 'case.opened': 'blue', 'step.completed': 'green', 'document.issued': 'purple', 'evidence.added': 'cyan' };

const contentUrl = (id: string) => `/api/evidence/${id}/content`;

/** A recording opens in a player; a photo shows as a thumbnail that enlarges. */
function EvidenceThumb({ id, kind, title }: { id: string; kind: string; title: string }) {
  const [playing, setPlaying] = useState(false);
  if (kind === 'photo' || kind === 'scan') {
    return <Image src={contentUrl(id)} alt={title} width={72} height={54} style={{ objectFit: 'cover', borderRadius: 4 }} loading="lazy" data-testid="timeline-evidence-thumb" />;
  }
  if (kind !== 'video' && kind !== 'audio') return null;
  return (
    <>
      <Tag icon={kind === 'video' ? <PlayCircleOutlined /> : <SoundOutlined />} color="cyan" style={{ cursor: 'pointer' }} onClick={() => setPlaying(true)} data-testid="timeline-evidence-play">
        {c.evidenceKindLabel[kind]}
      </Tag>
      {playing && (
        <Modal open title={title} footer={null} onCancel={() => setPlaying(false)} destroyOnHidden width={720}>
          {kind === 'video' ? <video src={contentUrl(id)} controls autoPlay style={{ width: '100%' }} /> : <audio src={contentUrl(id)} controls autoPlay style={{ width: '100%' }} />}
        </Modal>
      )}
    </>
  );
}

function describe(e: CaseEvent, kase: CaseDetail, procedure: Procedure | undefined, docName: (docType: string) => string): ReactNode {
  const p = e.payload;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (e.type) {
    case 'case.opened':
      return (
        <span>
          {str(p.registerNumber)} {str(p.title)}
          {typeof p.source === 'string' && Object.hasOwn(c.sourceKind, p.source) && <Tag style={{ marginLeft: 8 }}>{c.sourceKind[p.source as keyof typeof c.sourceKind]}</Tag>}
        </span>
      );
    case 'step.completed': {
      const step = procedure?.steps.find((s) => s.id === p.step);
      const to = kase.states.find((s) => s.id === p.to);
      const docs = (p.documents as { number: string | null }[] | undefined) ?? [];
      const waivers = (p.waivers as Record<string, string> | undefined) ?? {};
      return (
        <Space size={4} wrap>
          <Typography.Text strong data-testid="timeline-step">
            {step?.zh ?? str(p.step)}
          </Typography.Text>
          {to && <Typography.Text type="secondary">→ {to.zh}</Typography.Text>}
          {docs.filter((d) => d.number).map((d) => (
            <Tag key={d.number} color="purple">
              {d.number}
            </Tag>
          ))}
          {Object.entries(waivers).map(([key, reason]) => (
            <Tag key={key} color="orange" style={{ whiteSpace: 'normal' }} data-testid="timeline-waiver">
              {key === 'av' ? c.avWaiver : `${docName(key)} · ${c.waiver}`}：{reason}
            </Tag>
          ))}
        </Space>
      );
    }
    case 'document.issued':
      return (
        <Space size={4} wrap>
          <FileTextOutlined />
          <span>{str(p.title)}</span>
          {p.number ? (
            <Tag color="purple" data-testid="timeline-doc-number">
              {str(p.number)}
            </Tag>
          ) : null}
          {p.signatureSha256 ? <Tag color="green">{c.signed}</Tag> : null}
          {p.refusalReason ? <Tag color="orange">{c.refused(str(p.refusalReason))}</Tag> : null}
        </Space>
      );
    case 'document.viewed': {
      const doc = kase.documents.find((d) => d.id === p.documentId);
      return (
        <Space size={4} wrap>
          <FileTextOutlined />
          <span>{doc ? (doc.number ? `${doc.zh} ${doc.number}` : doc.zh) : null}</span>
          {typeof p.format === 'string' && <Tag>{p.format.toUpperCase()}</Tag>}
        </Space>
      );
    }
    case 'evidence.added':
      // A confidential item the user may not open comes without title, place or digest (R10).
      if (p.restricted)
        return (
          <Space size={8} wrap>
            <span data-testid="timeline-evidence">{Object.hasOwn(c.evidenceKindLabel, str(p.kind)) ? c.evidenceKindLabel[str(p.kind) as keyof typeof c.evidenceKindLabel] : str(p.kind)}</span>
            <Tag color="red">{c.restricted}</Tag>
          </Space>
        );
      return (
        <Space size={8} wrap align="center">
          <span data-testid="timeline-evidence">
            {Object.hasOwn(c.evidenceKindLabel, str(p.kind)) ? c.evidenceKindLabel[str(p.kind) as keyof typeof c.evidenceKindLabel] : str(p.kind)}：{str(p.title)}
          </span>
          {p.late ? <Tag color="red">{c.late}</Tag> : null}
          <EvidenceThumb id={str(p.evidenceId)} kind={str(p.kind)} title={str(p.title)} />
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            SHA-256 {str(p.sha256).slice(0, 12)}…
          </Typography.Text>
        </Space>
      );
    default:
      return null;
  }
}

export function CaseTimeline({ kase, procedure }: { kase: CaseDetail; procedure: Procedure | undefined }) {
  const [showAccess, setShowAccess] = useState(false);
  const docTypes = useDocumentTypes();
  const docName = (docType: string) => docTypes.data?.find((d) => d.id === docType)?.zh ?? docType;
  const events = kase.timeline.filter((e) => showAccess || !ACCESS_EVENTS.has(e.type));
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Switch size="small" checked={showAccess} onChange={setShowAccess} data-testid="timeline-show-reads" />
        <Typography.Text type="secondary">{c.showAccess}</Typography.Text>
      </Space>
      <Timeline
        data-testid="case-timeline"
        items={events.map((e) => ({
          key: e.seq,
          color: colours[e.type] ?? 'gray',
          title: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorLabel ?? '—'}
            </Typography.Text>
          ),
          content: (
            <div data-testid={`timeline-${e.type}`}>
              <Typography.Text style={{ marginRight: 8 }}>{eventLabel(e.type)}</Typography.Text>
              {describe(e, kase, procedure, docName)}
            </div>
          ),
        }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }} data-testid="case-chain">
        {c.chain(kase.chain.headSeq, kase.chain.headHash.slice(0, 16))}
      </Typography.Text>
    </>
  );
}

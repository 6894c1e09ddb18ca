/**
 * 办理 — completes one next step of a case (POST /api/cases/:id/steps): the step's own details, each
 * document it issues (fields from the document library's schema, the party's signature or refusal
 * where the document needs one, or the reason it could not be made), and the step's recordings,
 * uploaded here before the step is completed (R3) or else the reason there are none.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Divider, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, ApiError, unwrap } from '../../api.ts';
import { useFailure, useToast } from '../feedback.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import { enumLabel } from './labels.ts';
import { caseChanged, useDocumentTypes, useEvidence, usePowerItems } from './queries.ts';
import { initialValues, SchemaFields, toPayload } from './SchemaFields.tsx';
import { SignaturePad, type SignatureValue } from './SignaturePad.tsx';
import type { CaseDetail, DocumentType, NextStep, ProcedureStep } from './types.ts';

const c = ui.cases;

/** Per document: made now, not made (with the reason, R3), or not applicable (a conditional one). */
type DocMode = 'make' | 'waive' | 'skip';

interface FormValues {
  data: Record<string, unknown>;
  documents: Record<string, Record<string, unknown>>;
  waivers: Record<string, string>;
}

/** The server names document fields by their index in the request; the form by document type. */
function remapFields(error: unknown, docTypes: string[]): unknown {
  if (!(error instanceof ApiError) || !error.fields.length) return error;
  const fields = error.fields.map((f) => {
    const m = /^documents\.(\d+)\.fields\.(.+)$/.exec(f.field);
    return m ? { ...f, field: `documents.${docTypes[Number(m[1])]}.${m[2]}` } : f;
  });
  return new ApiError(error.status, error.code, error.message, error.messageEn, fields, error.details);
}

export function StepDialog({ kase, step, definition, onClose }: { kase: CaseDetail; step: NextStep; definition: ProcedureStep; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const client = useQueryClient();
  const failure = useFailure();
  const toast = useToast();
  const docTypes = useDocumentTypes();
  const powerItems = usePowerItems(definition.data.properties?.powerItemId ? 'penalty' : undefined);
  const [modes, setModes] = useState<Record<string, DocMode>>(() => Object.fromEntries(step.documents.map((d) => [d.docType, d.conditional ? 'skip' : 'make'])));
  const [signatures, setSignatures] = useState<Record<string, SignatureValue>>({});
  const evidence = useEvidence(kase.id);
  // Recordings of this step not yet taken up by an earlier completion of it: this completion's.
  const consumed = new Set(kase.timeline.filter((e) => e.type === 'step.completed').flatMap((e) => (e.payload.evidence as string[] | undefined) ?? []));
  const pending = (evidence.data ?? []).filter((e) => e.step === step.id && !consumed.has(e.id));
  const hasRecording = pending.some((e) => e.kind === 'video' || e.kind === 'audio');
  const [problem, setProblem] = useState<string | null>(null);
  const [avWaiver, setAvWaiver] = useState('');

  const typeOf = (id: string): DocumentType | undefined => docTypes.data?.find((t) => t.id === id);
  const made = step.documents.filter((d) => modes[d.docType] === 'make');

  const submit = useMutation({
    mutationFn: (values: FormValues) => {
      const body = {
        step: step.id,
        data: (toPayload(definition.data, values.data ?? {}) ?? {}) as Record<string, unknown>,
        documents: made.map((d) => {
          const type = typeOf(d.docType)!;
          const signature = signatures[d.docType];
          return { docType: d.docType, fields: (toPayload(type.fields, values.documents?.[d.docType] ?? {}) ?? {}) as Record<string, unknown>, ...(signature ? { signature } : {}) };
        }),
        waivers: {
          ...Object.fromEntries(Object.entries(values.waivers ?? {}).filter(([key, reason]) => reason?.trim() && modes[key] === 'waive')),
          ...(step.av && !hasRecording && avWaiver.trim() ? { av: avWaiver.trim() } : {}),
        },
      };
      return unwrap(api.POST('/api/cases/{id}/steps', { params: { path: { id: kase.id } }, body: body }));
    },
    onSuccess: ({ issuedDocuments: _issued, ...detail }) => {
      void caseChanged(client, kase.id, detail);
      toast.success(c.completed(step.zh));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'STEP_REQUIREMENTS_MISSING') {
        const missing = (error.details.missing as string[] | undefined) ?? [];
        setProblem(c.missing(missing.map((m) => (m === 'av' ? c.avSection : (typeOf(m)?.zh ?? m))).join('、')));
      } else if (error instanceof ApiError && !error.fields.length) setProblem(error.message);
      else setProblem(null);
      failure(remapFields(error, made.map((d) => d.docType)), form);
    },
  });

  const finish = (values: FormValues) => {
    const unsigned = made.find((d) => d.needsSignature && !signatures[d.docType]);
    if (unsigned) {
      setProblem(`${unsigned.zh}：${c.signatureRequired}`);
      return;
    }
    setProblem(null);
    submit.mutate(values);
  };

  const loading = docTypes.isLoading || !docTypes.data;
  const initial: FormValues = {
    data: (initialValues(definition.data) as Record<string, unknown>) ?? {},
    documents: Object.fromEntries(step.documents.map((d) => [d.docType, (typeOf(d.docType) ? initialValues(typeOf(d.docType)!.fields) : {}) as Record<string, unknown>])),
    waivers: {},
  };

  return (
    <Modal
      open
      width={980}
      title={c.stepDialog(step.zh)}
      okText={ui.common.submit}
      okButtonProps={{ 'data-testid': 'step-submit', disabled: loading }}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {docTypes.error && <Alert type="error" showIcon title={docTypes.error.message} />}
      {!loading && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={finish} scrollToFirstError data-testid="step-form">
          {Object.keys(definition.data.properties ?? {}).length > 0 && (
            <>
              <Divider titlePlacement="start">{c.stepData}</Divider>
              <SchemaFields schema={definition.data} name={['data']} agencyId={kase.agencyId} powerItems={powerItems.data} testId="step" />
            </>
          )}
          {step.documents.map((d) => {
            const type = typeOf(d.docType);
            const mode = modes[d.docType];
            return (
              <Card
                key={d.docType}
                size="small"
                style={{ marginBottom: 12 }}
                title={
                  <Space>
                    {d.zh}
                    {d.conditional && <Tag>{c.conditional}</Tag>}
                    {d.needsSignature && <Tag color="purple">{c.signature}</Tag>}
                  </Space>
                }
                extra={
                  <Radio.Group
                    size="small"
                    value={mode}
                    onChange={(e) => setModes((m) => ({ ...m, [d.docType]: e.target.value as DocMode }))}
                    data-testid={`doc-${d.docType}-mode`}
                    options={[
                      { value: 'make', label: c.make },
                      { value: 'waive', label: c.cannotMake },
                      ...(d.conditional ? [{ value: 'skip', label: ui.common.none }] : []),
                    ]}
                  />
                }
                data-testid={`doc-${d.docType}`}
              >
                {mode === 'make' && type && (
                  <>
                    <SchemaFields schema={type.fields} name={['documents', d.docType]} agencyId={kase.agencyId} testId="doc" />
                    {d.needsSignature && (
                      <Form.Item label={c.signature} required>
                        <SignaturePad value={signatures[d.docType] ?? null} onChange={(v) => setSignatures((s) => ({ ...s, [d.docType]: v }))} testId={`signature-${d.docType}`} />
                      </Form.Item>
                    )}
                  </>
                )}
                {mode === 'waive' && (
                  <Form.Item name={['waivers', d.docType]} label={c.waiver} extra={c.waiverHint} rules={[{ required: true, min: 4, message: c.waiverHint }]}>
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid={`waiver-${d.docType}`} />
                  </Form.Item>
                )}
                {mode === 'skip' && <Typography.Text type="secondary">{enumLabel('not_applicable')}</Typography.Text>}
              </Card>
            );
          })}
        </Form>
      )}
      <Divider titlePlacement="start">
        <Space>
          {c.avSection}
          {step.av && <Tag color="red">{c.avRequired}</Tag>}
        </Space>
      </Divider>
      <EvidenceUpload
        caseId={kase.id}
        step={step.id}
        testId="step-evidence"
        onUploaded={() => void caseChanged(client, kase.id)}
      />
      {pending.length > 0 && (
        <Space wrap style={{ marginTop: 8 }} data-testid="step-evidence-list">
          {pending.map((e) => (
            <Tag key={e.id} color={e.kind === 'video' || e.kind === 'audio' ? 'green' : 'blue'}>
              {c.evidenceKindLabel[e.kind]} · {e.title ?? c.restricted}
            </Tag>
          ))}
        </Space>
      )}
      {step.av && !hasRecording && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text>{c.avWaiver}</Typography.Text>
          <Input.TextArea value={avWaiver} onChange={(e) => setAvWaiver(e.target.value)} autoSize={{ minRows: 1 }} maxLength={1000} data-testid="waiver-av" />
          <Typography.Text type="secondary">{c.avMissing}</Typography.Text>
        </Space>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="step-problem" />}
    </Modal>
  );
}

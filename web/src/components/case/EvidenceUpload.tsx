/**
 * Uploads one photo, recording or scan as evidence of a case step (R3, R7), resumably with the tus
 * protocol (/api/uploads): a dropped connection picks up where it stopped. What the officer says
 * about the item — title, kind, when and where it was captured, its confidentiality — travels as
 * the upload's metadata; the server hashes the bytes (SHA-256 and SM3) and records the item.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Progress, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Upload } from 'tus-js-client';
import { ui } from '../../../../src/i18n/ui.ts';
import { ApiError, csrfHeaders } from '../../api.ts';
import { allOf } from '../../api/schema.ts';
import { useFailure, useToast } from '../feedback.ts';
import type { Confidentiality, EvidenceKind } from './types.ts';

const c = ui.cases;
const KINDS = allOf<EvidenceKind>()(['photo', 'video', 'audio', 'scan', 'other']);
const LEVELS = allOf<Confidentiality>()(['none', 'personal_privacy', 'trade_secret', 'state_secret']);

interface Values {
  title: string;
  kind: EvidenceKind;
  capturedAt: Dayjs;
  location?: string;
  confidentiality: Confidentiality;
}

const kindOfFile = (file: File): EvidenceKind =>
  file.type.startsWith('image/') ? 'photo' : file.type.startsWith('video/') ? 'video' : file.type.startsWith('audio/') ? 'audio' : file.type === 'application/pdf' ? 'scan' : 'other';

/** The tus server answers a refusal with our JSON error body; turn it into an ApiError. */
function uploadError(error: unknown): unknown {
  const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
  if (!response) return error;
  try {
    const body = JSON.parse(response.getBody()) as { error?: { code: string; message: string; messageEn?: string; fields?: never[] } };
    if (body.error) return new ApiError(response.getStatus(), body.error.code, body.error.message, body.error.messageEn ?? '', body.error.fields ?? []);
  } catch {
    // not JSON
  }
  return error;
}

export function EvidenceUpload({ caseId, step, onUploaded, testId = 'evidence-upload' }: { caseId: string; step: string; onUploaded: (evidenceId: string | null) => void; testId?: string }) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const failure = useFailure();
  const toast = useToast();

  const choose = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setProgress(null);
    const captured = f.lastModified && f.lastModified < Date.now() ? dayjs(f.lastModified) : dayjs();
    form.setFieldsValue({ title: f.name.replace(/\.[^.]+$/, ''), kind: kindOfFile(f), capturedAt: captured.second(0) });
  };

  const start = (values: Values) => {
    if (!file) return;
    setProgress(0);
    const upload = new Upload(file, {
      endpoint: '/api/uploads',
      headers: csrfHeaders(),
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000],
      removeFingerprintOnSuccess: true,
      metadata: {
        caseId,
        step,
        kind: values.kind,
        title: values.title.trim(),
        capturedAt: values.capturedAt.toISOString(),
        confidentiality: values.confidentiality,
        ...(values.location?.trim() ? { location: values.location.trim() } : {}),
        filename: file.name,
        filetype: file.type || 'application/octet-stream',
      },
      onProgress: (sent, total) => setProgress(total ? Math.floor((sent / total) * 100) : 0),
      onSuccess: ({ lastResponse }) => {
        setProgress(100);
        toast.success(c.uploaded);
        setFile(null);
        form.resetFields();
        if (input.current) input.current.value = '';
        onUploaded(lastResponse.getHeader('Evidence-Id') ?? null);
      },
      onError: (error) => {
        setProgress(null);
        failure(uploadError(error), form);
      },
    });
    upload.start();
  };

  const busy = progress !== null && progress < 100;
  return (
    <Form form={form} layout="inline" onFinish={start} initialValues={{ confidentiality: 'none' }} data-testid={testId} style={{ rowGap: 8 }}>
      <Form.Item>
        <input ref={input} type="file" accept="image/*,video/*,audio/*,application/pdf" style={{ display: 'none' }} onChange={(e) => choose(e.target.files?.[0])} data-testid={`${testId}-file`} />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={busy}>
          {file ? file.name : c.chooseFile}
        </Button>
      </Form.Item>
      {file && (
        <>
          <Form.Item name="title" rules={[{ required: true, message: ui.common.required(c.evidenceTitle) }]}>
            <Input placeholder={c.evidenceTitle} maxLength={200} style={{ width: 180 }} data-testid={`${testId}-title`} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 100 }} options={KINDS.map((k) => ({ value: k, label: c.evidenceKindLabel[k] }))} />
          </Form.Item>
          <Form.Item name="capturedAt" rules={[{ required: true, message: ui.common.required(c.capturedAt) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={c.capturedAt} />
          </Form.Item>
          <Form.Item name="location">
            <Input placeholder={c.location} maxLength={200} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="confidentiality">
            <Select style={{ width: 120 }} options={LEVELS.map((l) => ({ value: l, label: c.confidentialityLabel[l] }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-start`}>
              {c.upload}
            </Button>
          </Form.Item>
        </>
      )}
      {progress !== null && (
        <Space style={{ minWidth: 300 }}>
          <Progress percent={progress} size="small" style={{ width: 200 }} data-testid={`${testId}-progress`} />
          {progress === 100 && <Typography.Text type="success">{c.uploaded}</Typography.Text>}
        </Space>
      )}
    </Form>
  );
}

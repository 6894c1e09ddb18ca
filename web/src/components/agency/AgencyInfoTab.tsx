/** 基本信息: the agency's published facts, its confirmation by the justice bureau (P13), editing. */
import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import { formatDateTime } from '../dates.ts';
import { useFailure, useToast } from '../feedback.ts';
import { blankToNull, rules } from '../rules.ts';
import { CategoryTags, ConfirmationTag, RatioFlagTag } from '../StatusTags.tsx';
import { useCan, useCanKeepRegistry, useMe } from '../../session.tsx';
import type { Agency } from '../../types.ts';
import { AgencyForm, type AgencyValues } from './AgencyForm.tsx';

const a = ui.agencies;

function useAgencyUpdated(agencyId: string) {
  const client = useQueryClient();
  return (agency: Agency) => {
    client.setQueryData(['agency', agencyId], agency);
    void client.invalidateQueries({ queryKey: ['agencies'] });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

function EditDialog({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const [form] = Form.useForm<AgencyValues>();
  const failure = useFailure();
  const toast = useToast();
  const updated = useAgencyUpdated(agency.id);
  const save = useMutation({
    mutationFn: (values: AgencyValues) => unwrap(api.PATCH('/api/agencies/{id}', { params: { path: { id: agency.id } }, body: blankToNull(values) })),
    onSuccess: (result) => {
      updated(result);
      toast.success(ui.common.saved);
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open width={720} title={a.editTitle} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <AgencyForm form={form} mode="edit" initial={agency} onSubmit={(values) => save.mutate(values)} />
    </Modal>
  );
}

/** 确认主体资格 / 撤销确认 with an optional note (POST /api/agencies/:id/confirm | withdraw-confirmation). */
function ConfirmationDialog({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const failure = useFailure();
  const toast = useToast();
  const updated = useAgencyUpdated(agency.id);
  const confirming = !agency.confirmation;
  const submit = useMutation({
    mutationFn: (values: { note?: string }) =>       confirming
        ? unwrap(api.POST('/api/agencies/{id}/confirm', { params: { path: { id: agency.id } }, body: blankToNull(values) }))
        : unwrap(api.POST('/api/agencies/{id}/withdraw-confirmation', { params: { path: { id: agency.id } }, body: blankToNull(values) })),
    onSuccess: (result) => {
      updated(result);
      toast.success(confirming ? a.confirmedOk : a.withdrawnOk);
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal
      open
      title={confirming ? a.confirmTitle : a.withdrawTitle}
      okText={ui.common.confirm}
      okButtonProps={{ danger: !confirming }}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{agency.name}</Typography.Paragraph>
      {confirming && <Typography.Paragraph type="secondary">{a.confirmHint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)}>
        <Form.Item name="note" label={a.confirmationNote} rules={[rules.max(500)]}>
          <Input.TextArea rows={3} data-testid="confirmation-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AgencyInfoTab({ agency }: { agency: Agency }) {
  const me = useMe();
  const canConfirm = useCan('confirmAgencies') && me.user.agencyId !== agency.id; // a bureau does not confirm itself
  const canEdit = useCanKeepRegistry();
  const [dialog, setDialog] = useState<'edit' | 'confirm' | null>(null);
  const c = agency.confirmation;
  const text = (v: string | null) => v ?? '—';
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="agency-edit">
            {ui.common.edit}
          </Button>
        )}
        {canConfirm && !c && (
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('confirm')} data-testid="agency-confirm">
            {a.confirm}
          </Button>
        )}
        {canConfirm && c && (
          <Button danger onClick={() => setDialog('confirm')} data-testid="agency-withdraw">
            {a.withdraw}
          </Button>
        )}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: a.name, children: agency.name },
          { key: 'shortName', label: a.shortName, children: text(agency.shortName) },
          { key: 'kind', label: a.kind, children: ui.labels.agencyKind[agency.kind] },
          { key: 'creditCode', label: a.creditCode, children: <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{agency.creditCode}</Typography.Text> },
          { key: 'region', label: a.region, children: `${agency.regionName}（${agency.regionCode}）` },
          { key: 'level', label: a.level, children: ui.labels.level[agency.level] },
          { key: 'head', label: a.headName, children: text(agency.headName) },
          { key: 'phone', label: a.phone, children: text(agency.phone) },
          { key: 'supervisionPhone', label: a.supervisionPhone, children: text(agency.supervisionPhone) },
          { key: 'docAbbreviation', label: a.docAbbreviation, children: text(agency.docAbbreviation) },
          { key: 'address', label: a.address, children: text(agency.address), span: 'filled' },
          { key: 'categories', label: a.categories, children: <CategoryTags categories={agency.categories} />, span: 'filled' },
          { key: 'area', label: a.area, children: text(agency.area), span: 'filled' },
          ...(agency.reviewerRatio // null for a justice bureau, which has no officers of its own
            ? [
                {
                  key: 'ratio',
                  label: a.reviewerRatio,
                  children: (
                    <Space>
                      {agency.reviewerRatio.reviewers}/{agency.reviewerRatio.activeOfficers}
                      <RatioFlagTag flag={agency.reviewerRatio.flag} />
                    </Space>
                  ),
                  span: 'filled' as const,
                },
              ]
            : []),
          { key: 'confirmation', label: a.confirmation, children: <ConfirmationTag confirmation={c} /> },
          { key: 'confirmedBy', label: a.confirmedBy, children: c ? text(c.confirmedBy) : '—' },
          { key: 'confirmedAt', label: a.confirmedAt, children: c ? formatDateTime(c.confirmedAt) : '—' },
          { key: 'note', label: a.confirmationNote, children: c ? text(c.note) : '—' },
        ]}
      />
      {dialog === 'edit' && <EditDialog agency={agency} onClose={() => setDialog(null)} />}
      {dialog === 'confirm' && <ConfirmationDialog agency={agency} onClose={() => setDialog(null)} />}
    </>
  );
}

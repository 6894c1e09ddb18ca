/**
 * An officer: photo, certificate with its public verification QR code, the registry facts (the ID
 * number only masked, P8), editing and training records.
 */
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PersonForm, personBody, personValues, type PersonValues } from '../components/person/PersonForm.tsx';
import { PhotoCard } from '../components/person/PhotoCard.tsx';
import { TrainingsCard } from '../components/person/TrainingsCard.tsx';
import { CategoryTags, CertificateTag, ReviewerTag } from '../components/StatusTags.tsx';
import type { Person } from '../types.ts';

const p = ui.people;

function EditDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const [form] = Form.useForm<PersonValues>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (values: PersonValues) => unwrap(api.PATCH('/api/people/{id}', { params: { path: { id: person.id } }, body: personBody(values, 'edit') })),
    onSuccess: (updated) => {
      client.setQueryData(['person', person.id], updated);
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] }); // certificates and the reviewer ratio are counted there
      toast.success(ui.common.saved);
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal
      open
      width={960}
      title={p.editTitle}
      okText={ui.common.save}
      okButtonProps={{ 'data-testid': 'person-edit-save' }}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <PersonForm form={form} mode="edit" agencyId={person.agencyId} initial={personValues(person)} maskedIdNumber={person.idNumberMasked} onSubmit={(v) => save.mutate(v)} />
    </Modal>
  );
}

function VerificationCard({ person }: { person: Person }) {
  if (!person.certificate) return null;
  const href = `/verify/officer/${encodeURIComponent(person.certificate.number)}`;
  return (
    <Card size="small" title={p.qrCode} style={{ marginTop: 16 }}>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <img src={`/api/people/${person.id}/qr.svg`} alt={p.qrCode} width={150} height={150} data-testid="person-qr" />
        <a href={href} target="_blank" rel="noreferrer" data-testid="person-verify-link">
          {p.verifyLink}
        </a>
      </Space>
    </Card>
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const { data: person, error } = useQuery({ queryKey: ['person', id], queryFn: () => unwrap(api.GET('/api/people/{id}', { params: { path: { id } } })) });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!person) return <PageLoading />;
  const c = person.certificate;
  const may = (action: Person['allowedActions'][number]) => person.allowedActions.includes(action);
  const text = (v: string | null | undefined) => v ?? '—';
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="person-title">{person.name}</span>
            <CertificateTag status={c?.effectiveStatus} />
            <ReviewerTag isLegalReviewer={person.isLegalReviewer} />
          </Space>
        }
        extra={
          may('update') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
              {ui.common.edit}
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <PhotoCard person={person} />
          <VerificationCard person={person} />
        </Col>
        <Col xs={24} md={18}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, lg: 2 }}
              items={[
                { key: 'name', label: p.name, children: person.name },
                { key: 'sex', label: p.sex, children: person.sex ? ui.labels.sex[person.sex] : '—' },
                { key: 'agency', label: p.agency, children: <Link to={`/agencies/${person.agencyId}`}>{person.agencyName}</Link> },
                { key: 'division', label: p.division, children: text(person.divisionName) },
                { key: 'position', label: p.positionTitle, children: text(person.positionTitle) },
                { key: 'idNumber', label: p.idNumber, children: <span style={{ fontFamily: 'monospace' }} data-testid="person-id-masked">{person.idNumberMasked}</span> },
                { key: 'phone', label: p.phone, children: text(person.phone) },
                { key: 'reviewer', label: p.legalReviewer, children: person.isLegalReviewer ? ui.common.yes : ui.common.no },
                {
                  key: 'certificate',
                  label: p.certificateNumber,
                  children: c ? (
                    <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="certificate-number">
                      {c.number}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
                },
                { key: 'status', label: p.certificateStatus, children: <CertificateTag status={c?.effectiveStatus} /> },
                { key: 'issuedOn', label: p.issuedOn, children: text(c?.issuedOn) },
                { key: 'expiresOn', label: p.expiresOn, children: text(c?.expiresOn) },
                { key: 'categories', label: p.categories, children: <CategoryTags categories={person.categories} />, span: 'filled' },
                { key: 'area', label: p.area, children: text(person.area), span: 'filled' },
                { key: 'qualification', label: p.qualification, children: person.qualification ? ui.labels.qualification[person.qualification] : '—' },
                { key: 'qualificationNote', label: p.qualificationNote, children: text(person.qualificationNote) },
              ]}
            />
          </Card>
          <TrainingsCard personId={person.id} canEdit={may('addTraining')} />
        </Col>
      </Row>
      {editing && <EditDialog person={person} onClose={() => setEditing(false)} />}
    </>
  );
}

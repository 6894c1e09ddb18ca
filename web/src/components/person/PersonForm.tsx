/**
 * The officer form (O2, P2, P12): personal details, the certificate (执法证), categories and how
 * the officer qualified. Rules mirror the people routes' schemas; certificate fields go together.
 */
import { Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Switch, type FormInstance, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { ui } from '../../../../src/i18n/ui.ts';
import { CATEGORIES, type CertificateStatus, type EnforcementCategory, type Person } from '../../types.ts';
import { allOf, type RequestOf } from '../../api/schema.ts';
import { fromIsoDate, toIsoDate } from '../dates.ts';
import { useDivisions } from '../agency/DivisionsTab.tsx';
import { rules, upperCase } from '../rules.ts';

const p = ui.people;

export interface PersonValues {
  name: string;
  sex?: 'male' | 'female' | null;
  idNumber?: string;
  divisionId?: string | null;
  positionTitle?: string | null;
  phone?: string | null;
  isLegalReviewer: boolean;
  certificate?: { number?: string; issuedOn?: Dayjs | null; expiresOn?: Dayjs | null; status?: CertificateStatus };
  categories: EnforcementCategory[];
  area?: string | null;
  qualification?: Person['qualification'];
  qualificationNote?: string | null;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const orNull = (v: string | null | undefined) => (blank(v) ? null : v!.trim());

/** The request body for POST /api/agencies/:id/people or PATCH /api/people/:id. */
export function personBody(v: PersonValues, mode: 'create'): RequestOf<'/api/agencies/{id}/people', 'post'>;
export function personBody(v: PersonValues, mode: 'edit'): RequestOf<'/api/people/{id}', 'patch'>;
export function personBody(v: PersonValues, mode: 'create' | 'edit'): RequestOf<'/api/agencies/{id}/people', 'post'> | RequestOf<'/api/people/{id}', 'patch'> {
  const c = v.certificate;
  const hasCertificate = c && !blank(c.number);
  return {
    name: v.name.trim(),
    sex: v.sex ?? null,
    // The ID number is set once, at registration (a required field there); PATCH does not take it.
    ...(mode === 'create' ? { idNumber: v.idNumber!.trim() } : {}),
    divisionId: v.divisionId ?? null,
    positionTitle: orNull(v.positionTitle),
    phone: orNull(v.phone),
    isLegalReviewer: v.isLegalReviewer,
    // Both dates are required with a number (withCertificate below).
    certificate: hasCertificate ? { number: c.number!.trim(), issuedOn: toIsoDate(c.issuedOn!), expiresOn: toIsoDate(c.expiresOn!), status: c.status ?? 'active' } : null,
    categories: v.categories,
    area: orNull(v.area),
    qualification: v.qualification ?? null,
    qualificationNote: orNull(v.qualificationNote),
  };
}

/** Form values for editing an existing person (the ID number is never sent back: masked only). */
export function personValues(person: Person): PersonValues {
  return {
    name: person.name,
    sex: person.sex,
    divisionId: person.divisionId,
    positionTitle: person.positionTitle,
    phone: person.phone,
    isLegalReviewer: person.isLegalReviewer,
    certificate: person.certificate
      ? { number: person.certificate.number, issuedOn: fromIsoDate(person.certificate.issuedOn), expiresOn: fromIsoDate(person.certificate.expiresOn), status: person.certificate.status }
      : { status: 'active' },
    categories: person.categories,
    area: person.area,
    qualification: person.qualification,
    qualificationNote: person.qualificationNote,
  };
}

/** A certificate field is required once any of the certificate's fields is filled in. */
const withCertificate =
  (label: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_r, value: unknown) => {
      const number = getFieldValue(['certificate', 'number']) as string | undefined;
      return blank(number) || !blank(value) ? Promise.resolve() : Promise.reject(new Error(ui.common.required(label)));
    },
  });

export function PersonForm({
  form,
  mode,
  agencyId,
  initial,
  onSubmit,
  maskedIdNumber,
}: {
  form: FormInstance<PersonValues>;
  mode: 'create' | 'edit';
  agencyId: string | undefined;
  initial?: PersonValues;
  onSubmit: (values: PersonValues) => void;
  maskedIdNumber?: string;
}) {
  const divisions = useDivisions(agencyId);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ?? { isLegalReviewer: false, categories: [], certificate: { status: 'active' }, qualification: 'exam' }}
      onFinish={onSubmit}
      scrollToFirstError
      aria-label={mode === 'create' ? p.createTitle : p.editTitle}
    >
      <Card size="small" title={p.basics} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={p.name} rules={[rules.required(p.name), rules.max(50)]}>
              <Input data-testid="person-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sex" label={p.sex}>
              <Radio.Group data-testid="person-sex" options={allOf<NonNullable<Person['sex']>>()(['male', 'female']).map((s) => ({ value: s, label: ui.labels.sex[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {mode === 'create' ? (
              <Form.Item name="idNumber" label={p.idNumber} extra={p.idNumberHelp} normalize={upperCase} rules={[rules.required(p.idNumber), rules.idNumber]}>
                <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="person-id-number" />
              </Form.Item>
            ) : (
              <Form.Item label={p.idNumber}>
                <Input value={maskedIdNumber} disabled style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="divisionId" label={p.division}>
              <Select
                allowClear
                loading={divisions.isFetching}
                placeholder={agencyId ? undefined : p.chooseAgencyFirst}
                options={(divisions.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                data-testid="person-division"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="positionTitle" label={p.positionTitle} rules={[rules.max(50)]}>
              <Input data-testid="person-position" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={p.phone} rules={[rules.phone]}>
              <Input data-testid="person-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isLegalReviewer" label={p.legalReviewer} valuePropName="checked">
          <Switch data-testid="person-legal-reviewer" />
        </Form.Item>
      </Card>
      <Card size="small" title={p.certificate} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['certificate', 'number']} label={p.certificateNumber} extra={p.certificateNumberHelp} rules={[rules.certificateNumber]}>
              <Input style={{ fontFamily: 'monospace' }} data-testid="person-certificate-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['certificate', 'issuedOn']} label={p.issuedOn} dependencies={[['certificate', 'number']]} rules={[withCertificate(p.issuedOn)]}>
              <DatePicker style={{ width: '100%' }} data-testid="person-certificate-issued-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['certificate', 'expiresOn']}
              label={p.expiresOn}
              dependencies={[['certificate', 'number'], ['certificate', 'issuedOn']]}
              rules={[
                withCertificate(p.expiresOn),
                ({ getFieldValue }) => ({
                  validator: (_r, value: Dayjs | null | undefined) => {
                    const issued = getFieldValue(['certificate', 'issuedOn']) as Dayjs | null | undefined;
                    return !value || !issued || value.isAfter(issued, 'day') ? Promise.resolve() : Promise.reject(new Error(ui.validation.expiresAfterIssued));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="person-certificate-expires-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['certificate', 'status']} label={p.certificateStatus} dependencies={[['certificate', 'number']]} rules={[withCertificate(p.certificateStatus)]}>
              <Select
                data-testid="person-certificate-status"
                options={allOf<CertificateStatus>()(['active', 'suspended', 'revoked']).map((s) => ({ value: s, label: ui.labels.certificateStatus[s] }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={p.duties}>
        <Form.Item name="categories" label={p.categories}>
          <Checkbox.Group data-testid="person-categories" options={CATEGORIES.map((c) => ({ value: c, label: ui.labels.category[c] }))} />
        </Form.Item>
        <Form.Item name="area" label={p.area} rules={[rules.max(500)]}>
          <Input data-testid="person-area" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="qualification" label={p.qualification} extra={p.qualificationHelp}>
              <Radio.Group
                data-testid="person-qualification"
                options={allOf<NonNullable<Person['qualification']>>()(['exam', 'legal_professional_qualification']).map((q) => ({ value: q, label: ui.labels.qualification[q] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="qualificationNote" label={p.qualificationNote} rules={[rules.max(200)]}>
              <Input data-testid="person-qualification-note" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </Form>
  );
}

/**
 * The agency form (O1): registering a new agency, or editing one (kind and region are fixed once
 * registered, as on the server). Rules mirror the POST/PATCH /api/agencies schemas.
 */
import { Checkbox, Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import { ui } from '../../../../src/i18n/ui.ts';
import { allOf } from '../../api/schema.ts';
import { CATEGORIES, REGION_LEVELS, type Agency, type AgencyKind } from '../../types.ts';
import { RegionSelect } from '../RegionSelect.tsx';
import { rules, upperCase } from '../rules.ts';

export type AgencyValues = Pick<
  Agency,
  'kind' | 'name' | 'shortName' | 'creditCode' | 'regionCode' | 'level' | 'headName' | 'address' | 'phone' | 'supervisionPhone' | 'categories' | 'area' | 'docAbbreviation'
>;

const a = ui.agencies;

export function AgencyForm({ form, mode, initial, onSubmit }: { form: FormInstance<AgencyValues>; mode: 'create' | 'edit'; initial?: Partial<AgencyValues>; onSubmit: (values: AgencyValues) => void }) {
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'enforcement', categories: [], ...initial }} onFinish={onSubmit} scrollToFirstError>
      {mode === 'create' && (
        <Form.Item name="kind" label={a.kind} rules={[rules.chosen(a.kind)]}>
          <Radio.Group options={allOf<AgencyKind>()(['enforcement', 'justice_bureau']).map((k) => ({ value: k, label: ui.labels.agencyKind[k] }))} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={a.name} rules={[rules.required(a.name), rules.min(2), rules.max(100)]}>
            <Input data-testid="agency-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label={a.shortName} rules={[rules.max(30)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="creditCode" label={a.creditCode} normalize={upperCase} rules={[rules.required(a.creditCode), rules.creditCode]}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="agency-credit-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="level" label={a.level} rules={[rules.chosen(a.level)]}>
            <Select options={REGION_LEVELS.map((l) => ({ value: l, label: ui.labels.level[l] }))} data-testid="agency-level" />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'create' && (
        <Form.Item name="regionCode" label={a.region} rules={[rules.chosen(a.region), rules.regionCode]}>
          <RegionSelect data-testid="agency-region" />
        </Form.Item>
      )}
      <Form.Item name="categories" label={a.categories}>
        <Checkbox.Group options={CATEGORIES.map((c) => ({ value: c, label: ui.labels.category[c] }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="headName" label={a.headName} rules={[rules.max(50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={a.phone} rules={[rules.phone]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="supervisionPhone" label={a.supervisionPhone} rules={[rules.phone]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={a.address} rules={[rules.max(200)]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="area" label={a.area} rules={[rules.max(500)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="docAbbreviation" label={a.docAbbreviation} tooltip={a.docAbbreviationHelp} rules={[rules.max(10)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

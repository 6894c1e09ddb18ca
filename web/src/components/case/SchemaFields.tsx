/**
 * Form fields generated from a JSON Schema (as z.toJSONSchema writes the server's step-data and
 * document-field schemas), so each step and document gets its form without a hand-written page:
 * strings → Input/TextArea, enums → Select, booleans → Switch (a `const: true` one → Checkbox that
 * must be ticked), dates → DatePicker, date-times → DatePicker with time, numbers → InputNumber,
 * lists of strings → tags, lists of objects → a small list editor, the case officers → PersonSelect.
 * The server validates again; its field errors land on these fields (same name paths).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ui } from '../../../../src/i18n/ui.ts';
import { PersonSelect } from '../PersonSelect.tsx';
import { enumLabel, fieldLabel } from './labels.ts';
import type { JsonSchema, PowerItem } from './types.ts';

type Kind = 'text' | 'textarea' | 'enum' | 'boolean' | 'confirm' | 'date' | 'datetime' | 'number' | 'tags' | 'list' | 'object' | 'person' | 'powerItem';

const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm';

/**
 * Times the officer plans ahead (the inspection of 检查通知书, the hearing of 听证通知): they start
 * empty, never at "now", which printed the time the form was submitted as the planned time.
 */
const PLANNED_TIMES = new Set(['inspectionAt', 'hearingAt']);

/** What kind of input a property gets. */
export function kindOf(key: string, s: JsonSchema): Kind {
  if (s.anyOf?.length) {
    if (s.anyOf.some((a) => a.format === 'date-time')) return 'datetime';
    return kindOf(key, s.anyOf[0]!);
  }
  if (s.type === 'boolean') return s.const === true ? 'confirm' : 'boolean';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.type === 'array') return s.items?.type === 'object' ? 'list' : 'tags';
  if (s.type === 'object') return 'object';
  if (s.enum) return 'enum';
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'datetime';
  if (key === 'personId') return 'person';
  if (key === 'powerItemId') return 'powerItem';
  return (s.maxLength ?? 0) > 300 ? 'textarea' : 'text';
}

/** The values a new form starts with: the schema's defaults, now for past times, one row for required lists. */
export function initialValues(s: JsonSchema, key = ''): unknown {
  const kind = kindOf(key, s);
  if (kind === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      const v = initialValues(p, k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (s.default !== undefined) return kind === 'datetime' || kind === 'date' ? undefined : s.default;
  if (kind === 'boolean') return false;
  if (kind === 'datetime') return PLANNED_TIMES.has(key) ? undefined : dayjs().second(0);
  if (kind === 'list' && (s.minItems ?? 0) >= 1) {
    // The case officers: a leader and a member, as the law's two-officer rule asks.
    if (key === 'officers') return [{ role: 'leader' }, { role: 'member' }];
    return [initialValues(s.items!)];
  }
  return undefined;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Form values → the JSON the API takes: dates as strings, empty optional fields left out. */
export function toPayload(s: JsonSchema, value: unknown, key = ''): unknown {
  const kind = kindOf(key, s);
  if (isEmpty(value)) return undefined;
  switch (kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const v = toPayload(p, (value as Record<string, unknown>)[k], k);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toPayload(s.items!, item ?? {}));
    case 'tags':
      return (value as string[]).map((v) => v.trim()).filter(Boolean);
    case 'date':
      return dayjs.isDayjs(value) ? (value as Dayjs).format('YYYY-MM-DD') : value;
    case 'datetime':
      return dayjs.isDayjs(value) ? (value as Dayjs).format(DATETIME_FORMAT) : value;
    case 'text':
    case 'textarea':
      return (value as string).trim();
    default:
      return value;
  }
}

interface Context {
  agencyId: string;
  powerItems: PowerItem[];
  testId: string;
}

function rulesFor(label: string, s: JsonSchema, kind: Kind, required: boolean): FormRule[] {
  const rules: FormRule[] = [];
  if (kind === 'confirm') {
    rules.push({ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(ui.common.required(label)))) });
    return rules;
  }
  if (required && kind !== 'boolean') rules.push({ required: true, message: kind === 'enum' || kind === 'person' || kind === 'powerItem' ? ui.common.choose(label) : ui.common.required(label) });
  if ((kind === 'text' || kind === 'textarea') && s.maxLength) rules.push({ max: s.maxLength, message: ui.common.maxLength(s.maxLength) });
  if ((kind === 'list' || kind === 'tags') && s.minItems) rules.push({ type: 'array', min: s.minItems, message: ui.common.required(label) });
  return rules;
}

/** PersonSelect for a case officer, inside a box that carries the test id (Form.Item hands value/onChange through). */
function PersonField({ agencyId, testId, value, onChange }: { agencyId: string; testId: string; value?: string; onChange?: (id: string) => void }) {
  return (
    <div data-testid={testId} style={{ minWidth: 240 }}>
      <PersonSelect agencyId={agencyId} value={value} onChange={onChange} officers />
    </div>
  );
}

/** The control for one property (Form.Item passes value and onChange to it). */
function control(kind: Kind, s: JsonSchema, ctx: Context, testId: string) {
  switch (kind) {
    case 'enum':
      return <Select data-testid={testId} options={(s.enum ?? []).map((v) => ({ value: v, label: enumLabel(v) }))} style={{ minWidth: 200 }} />;
    case 'boolean':
      return <Switch data-testid={testId} />;
    case 'confirm':
      return <Checkbox data-testid={testId}>{ui.common.yes}</Checkbox>;
    case 'date':
      return <DatePicker data-testid={testId} />;
    case 'datetime':
      return <DatePicker data-testid={testId} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />;
    case 'number':
      return <InputNumber data-testid={testId} min={s.minimum} max={s.maximum} step={s.type === 'integer' ? 1 : (s.multipleOf ?? 1)} style={{ width: 200 }} />;
    case 'tags':
      return <Select data-testid={testId} mode="tags" open={false} tokenSeparators={['；', ';']} suffixIcon={null} />;
    case 'person':
      return <PersonField agencyId={ctx.agencyId} testId={testId} />;
    case 'powerItem':
      return <Select data-testid={testId} options={ctx.powerItems.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />;
    case 'textarea':
      return <Input.TextArea data-testid={testId} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={s.maxLength} />;
    default:
      return <Input data-testid={testId} maxLength={s.maxLength} />;
  }
}

/** A control inside a list row: no label of its own, so the placeholder names it. */
function rowControl(kind: Kind, s: JsonSchema, ctx: Context, testId: string, label: string) {
  if (kind === 'boolean' || kind === 'confirm') return <Checkbox data-testid={testId}>{label}</Checkbox>;
  if (kind === 'text' || kind === 'textarea') return <Input.TextArea data-testid={testId} autoSize={{ minRows: 1, maxRows: 6 }} placeholder={label} maxLength={s.maxLength} />;
  if (kind === 'number') return <InputNumber data-testid={testId} placeholder={label} min={s.minimum} max={s.maximum} />;
  return control(kind, s, ctx, testId);
}

/** One property at `name` (a path inside the form), labelled from ui.cases.field. */
function Field({ propKey, s, name, required, ctx }: { propKey: string; s: JsonSchema; name: (string | number)[]; required: boolean; ctx: Context }) {
  const kind = kindOf(propKey, s);
  const label = fieldLabel(propKey);
  const testId = `${ctx.testId}-${name.join('-')}`;
  if (kind === 'object') {
    return (
      <Card size="small" title={label} style={{ marginBottom: 12 }}>
        <SchemaFields schema={s} name={name} agencyId={ctx.agencyId} powerItems={ctx.powerItems} testId={ctx.testId} />
      </Card>
    );
  }
  if (kind === 'list') return <ListField label={label} s={s} name={name} ctx={ctx} testId={testId} />;
  return (
    <Form.Item
      name={name}
      label={label}
      rules={rulesFor(label, s, kind, required)}
      valuePropName={kind === 'boolean' || kind === 'confirm' ? 'checked' : 'value'}
    >
      {control(kind, s, ctx, testId)}
    </Form.Item>
  );
}

/** A list of objects (officers, materials, questions and answers…): one compact row per item. */
function ListField({ label, s, name, ctx, testId }: { label: string; s: JsonSchema; name: (string | number)[]; ctx: Context; testId: string }) {
  const item = s.items!;
  const required = new Set(item.required ?? []);
  return (
    <Form.Item label={label} required={(s.minItems ?? 0) > 0}>
      <Form.List name={name} rules={s.minItems ? [{ validator: async (_, v: unknown[] | undefined) => ((v?.length ?? 0) >= s.minItems! ? undefined : Promise.reject(new Error(ui.common.required(label)))) }] : []}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid={`${testId}-${row.name}`}>
                {Object.entries(item.properties ?? {}).map(([k, p]) => {
                  const kind = kindOf(k, p);
                  const fieldLabelText = fieldLabel(k);
                  return (
                    <Form.Item
                      key={k}
                      name={[row.name, k]}
                      rules={rulesFor(fieldLabelText, p, kind, required.has(k))}
                      valuePropName={kind === 'boolean' || kind === 'confirm' ? 'checked' : 'value'}
                      style={{ marginBottom: 4, minWidth: kind === 'person' || kind === 'textarea' ? 260 : kind === 'boolean' ? undefined : 160 }}
                    >
                      {rowControl(kind, p, ctx, `${testId}-${row.name}-${k}`, fieldLabelText)}
                    </Form.Item>
                  );
                })}
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={ui.cases.remove} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(initialValues(item))} data-testid={`${testId}-add`}>
              {ui.cases.addItem}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The fields of an object schema at `name` inside the surrounding antd Form. */
export function SchemaFields({ schema, name, agencyId, powerItems = [], testId }: { schema: JsonSchema; name: (string | number)[]; agencyId: string; powerItems?: PowerItem[]; testId: string }) {
  const required = new Set(schema.required ?? []);
  const ctx: Context = { agencyId, powerItems, testId };
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, s]) => (
        <Field key={key} propKey={key} s={s} name={[...name, key]} required={required.has(key) && s.default === undefined} ctx={ctx} />
      ))}
    </>
  );
}

/**
 * 登记案件 — registers a case source (R4's first record): procedure, power list item, where the
 * case came from and who the parties are. The case opens in its procedure's first state.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { allOf, type RequestOf } from '../api/schema.ts';
import { caseChanged, usePowerItems, useProcedures } from '../components/case/queries.ts';
import type { PartyKind, ProcedureId } from '../components/case/types.ts';
import { toIsoDate } from '../components/dates.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { rules, upperCase } from '../components/rules.ts';

const c = ui.cases;
type Source = RequestOf<'/api/cases', 'post'>['source'];
const SOURCES = allOf<Source>()(['plan', 'complaint', 'referral', 'assignment', 'random_draw', 'application', 'on_site']);
const PARTY_KINDS = allOf<PartyKind>()(['legal_person', 'other_organisation', 'natural_person']);

interface PartyValues {
  kind: PartyKind;
  name: string;
  creditCode?: string;
  legalRepresentative?: string;
  idNumber?: string;
  address?: string;
}

interface Values {
  procedure: ProcedureId;
  powerItemId: string;
  title: string;
  source: Source;
  provider?: string;
  content: string;
  receivedOn?: Dayjs | null;
  parties: PartyValues[];
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

function body(v: Values) {
  return {
    procedure: v.procedure,
    powerItemId: v.powerItemId,
    title: v.title.trim(),
    source: v.source,
    sourceDetail: { provider: trimmed(v.provider), content: v.content.trim(), receivedOn: toIsoDate(v.receivedOn) ?? undefined },
    parties: (v.parties ?? []).map((p) =>
      p.kind === 'natural_person'
        ? { kind: p.kind, name: p.name.trim(), idNumber: p.idNumber!.trim().toUpperCase(), address: trimmed(p.address) }
        : { kind: p.kind, name: p.name.trim(), creditCode: p.creditCode!.trim().toUpperCase(), legalRepresentative: p.legalRepresentative!.trim(), address: trimmed(p.address) },
    ),
  };
}

export default function CaseCreatePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const failure = useFailure();
  const toast = useToast();
  const procedures = useProcedures();
  const procedureId = Form.useWatch('procedure', form);
  const procedure = procedures.data?.find((p) => p.id === procedureId);
  const powerItems = usePowerItems(procedure?.category);
  const save = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/api/cases', { body: body(values) })),
    onSuccess: (detail) => {
      void caseChanged(client, detail.id, detail);
      toast.success(ui.common.created);
      void navigate(`/cases/${detail.id}`);
    },
    onError: (error) => failure(error, form),
  });
  return (
    <>
      <PageHeader title={c.createTitle} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 860 }}
          initialValues={{ source: 'plan', parties: [{ kind: 'legal_person' }] }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={(changed) => {
            if ('procedure' in changed) form.setFieldValue('powerItemId', undefined);
          }}
          scrollToFirstError
        >
          <Space size="large" wrap align="start">
            <Form.Item name="procedure" label={c.procedure} rules={[rules.chosen(c.procedure)]} style={{ minWidth: 260 }}>
              <Select loading={procedures.isLoading} options={(procedures.data ?? []).map((p) => ({ value: p.id, label: p.zh }))} data-testid="case-procedure" />
            </Form.Item>
            <Form.Item name="powerItemId" label={c.powerItem} rules={[rules.chosen(c.powerItem)]} style={{ minWidth: 420 }}>
              <Select
                disabled={!procedure}
                loading={powerItems.isFetching}
                options={(powerItems.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                data-testid="case-power-item"
              />
            </Form.Item>
          </Space>
          {procedure && powerItems.data?.length === 0 && <Alert type="warning" showIcon title={c.noPowerItems} style={{ marginBottom: 16 }} />}
          <Form.Item name="title" label={c.caseTitle} rules={[rules.required(c.caseTitle), rules.max(200)]}>
            <Input maxLength={200} data-testid="case-title" />
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item name="source" label={c.source} rules={[rules.chosen(c.source)]} style={{ minWidth: 200 }}>
              <Select options={SOURCES.map((s) => ({ value: s, label: c.sourceKind[s] }))} data-testid="case-source" />
            </Form.Item>
            <Form.Item name="provider" label={c.sourceProvider} rules={[rules.max(100)]} style={{ minWidth: 260 }}>
              <Input maxLength={100} data-testid="case-source-provider" />
            </Form.Item>
            {/* 行政许可法第三十二条: an application's clocks count from the day its materials were received. */}
            <Form.Item name="receivedOn" label={c.sourceReceivedOn} rules={procedure?.category === 'licensing' ? [rules.chosen(c.sourceReceivedOn)] : []}>
              <DatePicker data-testid="case-source-received-on" />
            </Form.Item>
          </Space>
          <Form.Item name="content" label={c.sourceContent} rules={[rules.required(c.sourceContent), rules.max(4000)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="case-source-content" />
          </Form.Item>
          <Form.List name="parties">
            {(rows, { add, remove }) => (
              <Card size="small" title={c.parties} style={{ marginBottom: 16 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'legal_person' })}>{c.addParty}</Button>}>
                {rows.map((row) => (
                  <Flex key={row.key} align="start" wrap gap={12} style={{ borderBottom: '1px dashed #eee', paddingTop: 8 }}>
                    <Form.Item name={[row.name, 'kind']} label={c.partyKind} rules={[rules.chosen(c.partyKind)]}>
                      <Select style={{ width: 120 }} options={PARTY_KINDS.map((k) => ({ value: k, label: c.partyKindLabel[k] }))} data-testid={`party-${row.name}-kind`} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'name']} label={c.partyName} rules={[rules.required(c.partyName), rules.max(200)]}>
                      <Input style={{ width: 220 }} data-testid={`party-${row.name}-name`} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate={(a, b) => a.parties?.[row.name]?.kind !== b.parties?.[row.name]?.kind}>
                      {() =>
                        form.getFieldValue(['parties', row.name, 'kind']) === 'natural_person' ? (
                          <Form.Item name={[row.name, 'idNumber']} label={c.idNumber} normalize={upperCase} rules={[rules.required(c.idNumber), rules.idNumber]}>
                            <Input style={{ width: 200 }} data-testid={`party-${row.name}-id-number`} />
                          </Form.Item>
                        ) : (
                          <>
                            <Form.Item name={[row.name, 'creditCode']} label={c.creditCode} normalize={upperCase} rules={[rules.required(c.creditCode), rules.creditCode]}>
                              <Input style={{ width: 200 }} data-testid={`party-${row.name}-credit-code`} />
                            </Form.Item>
                            <Form.Item name={[row.name, 'legalRepresentative']} label={c.legalRepresentative} rules={[rules.required(c.legalRepresentative), rules.max(50)]}>
                              <Input style={{ width: 140 }} data-testid={`party-${row.name}-legal-representative`} />
                            </Form.Item>
                          </>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[row.name, 'address']} label={c.address} rules={[rules.max(200)]}>
                      <Input style={{ width: 240 }} data-testid={`party-${row.name}-address`} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={c.remove} />
                    </Form.Item>
                  </Flex>
                ))}
              </Card>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-save">
              {ui.common.save}
            </Button>
            <Button onClick={() => void navigate('/cases')}>{ui.common.cancel}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}

/**
 * 工作日历: the years whose holidays are loaded and their special days; a system administrator
 * enters a new year from the State Council notice, or corrects one day.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { formatDateTime, toIsoDate } from '../components/dates.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { rules } from '../components/rules.ts';
import { useCan } from '../session.tsx';
import type { CalendarDay, CalendarYear } from '../types.ts';

const c = ui.calendar;
const kindOptions = (['holiday', 'workday'] as const).map((k) => ({ value: k, label: ui.labels.dayKind[k] }));

function DayKindTag({ kind }: { kind: CalendarDay['kind'] }) {
  return <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{ui.labels.dayKind[kind]}</Tag>;
}

interface YearValues {
  year: number;
  notice: string;
  noticeTitle: string;
  days: { date: Dayjs; kind: CalendarDay['kind']; name: string }[];
}

function AddYearDialog({ suggestedYear, onClose }: { suggestedYear: number; onClose: () => void }) {
  const [form] = Form.useForm<YearValues>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const year = Form.useWatch('year', form) ?? suggestedYear;
  const save = useMutation({
    mutationFn: (v: YearValues) => unwrap(api.POST('/api/calendar/years', { body: { year: v.year, notice: v.notice, noticeTitle: v.noticeTitle, days: v.days.map((d) => ({ ...d, date: toIsoDate(d.date) })) } })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      // Deadlines on case pages and lists count working days: they change with the calendar.
      void client.invalidateQueries({ queryKey: ['case'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open width={760} title={c.addYear} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: suggestedYear, days: [{ kind: 'holiday' }] }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="year" label={c.year} rules={[{ required: true, message: ui.common.required(c.year) }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="notice" label={c.notice} rules={[rules.required(c.notice), rules.max(100)]}>
              <Input placeholder={c.noticePlaceholder} data-testid="calendar-notice" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="noticeTitle" label={c.noticeTitle} rules={[rules.required(c.noticeTitle), rules.max(200)]}>
          <Input placeholder={c.noticeTitlePlaceholder(year)} data-testid="calendar-notice-title" />
        </Form.Item>
        <Typography.Text strong>{c.days}</Typography.Text>
        <Form.List name="days" rules={[{ validator: async (_r, days: unknown[]) => (days?.length ? undefined : Promise.reject(new Error(c.addDay))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[
                      { required: true, message: ui.common.choose(c.day) },
                      { validator: async (_r, d: Dayjs | undefined) => (!d || d.year() === year ? undefined : Promise.reject(new Error(c.notInYear(year)))) },
                    ]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: ui.common.choose(c.kind) }]}>
                    <Select options={kindOptions} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[rules.required(c.name), rules.max(50)]}>
                    <Input placeholder={c.namePlaceholder} style={{ width: 160 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={ui.common.cancel} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday' })} style={{ marginTop: 8 }}>
                {c.addDay}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function SetDayDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs; kind: CalendarDay['kind']; name: string }>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { date: Dayjs; kind: CalendarDay['kind']; name: string }) => unwrap(api.PUT('/api/calendar/days/{date}', { params: { path: { date: toIsoDate(v.date) } }, body: { kind: v.kind, name: v.name } })),
    onSuccess: () => {
      toast.success(ui.common.saved);
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void client.invalidateQueries({ queryKey: ['case'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    },
    onError: (error) => failure(error, form),
  });
  return (
    <Modal open title={c.setDay} okText={ui.common.save} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'holiday' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="date" label={c.day} rules={[{ required: true, message: ui.common.choose(c.day) }]}>
          <DatePicker defaultPickerValue={dayjs(`${year}-01-01`)} disabledDate={(d) => d.year() !== year} />
        </Form.Item>
        <Form.Item name="kind" label={c.kind} rules={[{ required: true }]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="name" label={c.name} rules={[rules.required(c.name), rules.max(50)]}>
          <Input placeholder={c.namePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CalendarPage() {
  const canManage = useCan('manageCalendar');
  const [selected, setSelected] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'year' | 'day' | null>(null);
  const years = useQuery({ queryKey: ['calendar', 'years'], queryFn: () => unwrap(api.GET('/api/calendar/years')).then((r) => r.items) });
  const days = useQuery({
    queryKey: ['calendar', 'days', selected],
    queryFn: () => unwrap(api.GET('/api/calendar/years/{year}/days', { params: { path: { year: selected! } } })).then((r) => r.items),
    enabled: selected !== null,
  });
  const loaded = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const nextYear = loaded.length ? Math.max(...loaded.map((y) => y.year)) + 1 : dayjs().year();
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('year')} data-testid="calendar-add-year">
              {c.addYear}
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">{c.hint}</Typography.Text>
      </PageHeader>
      {years.error && <Alert type="error" showIcon title={years.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={c.years}>
            <Table<CalendarYear>
              rowKey="year"
              size="small"
              loading={years.isFetching}
              dataSource={loaded}
              pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
              onRow={(r) => ({ onClick: () => setSelected(r.year), style: { cursor: 'pointer' } })}
              rowClassName={(r) => (r.year === selected ? 'ant-table-row-selected' : '')}
              columns={[
                { title: c.year, dataIndex: 'year' },
                {
                  title: c.source,
                  key: 'source',
                  render: (_: unknown, r: CalendarYear) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>{r.noticeTitle ?? c.noticeUnknown}</Typography.Text>
                      <Typography.Text type="secondary">
                        {r.notice ?? '—'} · {ui.labels.calendarSource[r.source]}
                      </Typography.Text>
                    </Space>
                  ),
                },
                { title: c.holidays, dataIndex: 'holidays', align: 'right' },
                { title: c.workdays, dataIndex: 'workdays', align: 'right' },
                { title: c.loadedAt, dataIndex: 'loadedAt', render: formatDateTime, responsive: ['xxl'] },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={selected ? c.yearDays(selected) : c.days}
            extra={
              canManage &&
              selected && (
                <Button size="small" onClick={() => setDialog('day')}>
                  {c.setDay}
                </Button>
              )
            }
          >
            {selected === null ? (
              <Typography.Text type="secondary">{c.chooseYear}</Typography.Text>
            ) : (
              <Table<CalendarDay>
                rowKey="date"
                size="small"
                loading={days.isFetching}
                dataSource={days.data}
                pagination={{ pageSize: 40, hideOnSinglePage: true }}
                columns={[
                  { title: c.day, dataIndex: 'date', render: (d: string) => `${d}（${dayjs(d).format('dd')}）` },
                  {
                    title: c.kind,
                    dataIndex: 'kind',
                    render: (k: CalendarDay['kind']) => <DayKindTag kind={k} />,
                    filters: kindOptions.map((o) => ({ text: o.label, value: o.value })),
                    onFilter: (v, r) => r.kind === v,
                  },
                  { title: c.name, dataIndex: 'name' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      {dialog === 'year' && <AddYearDialog suggestedYear={nextYear} onClose={() => setDialog(null)} />}
      {dialog === 'day' && selected && <SetDayDialog year={selected} onClose={() => setDialog(null)} />}
    </>
  );
}

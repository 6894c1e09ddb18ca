/**
 * 音像记录事项清单 (R3): which steps of each procedure the agency records on audio/video from
 * start to end. Defaults come from the procedures; the agency's administrator or leader may adjust
 * them (GET/PUT /api/agencies/:id/av-list). Changes are collected and saved together.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { api, unwrap } from '../../api.ts';
import type { ResponseOf } from '../../api/schema.ts';
import type { ProcedureId } from '../case/types.ts';
import { useCan, useMe } from '../../session.tsx';
import { useFailure, useToast } from '../feedback.ts';

const v = ui.avList;

/** GET /api/agencies/{id}/av-list items. */
export type AvListItem = ResponseOf<'/api/agencies/{id}/av-list', 'get'>['items'][number];

const keyOf = (i: Pick<AvListItem, 'procedure' | 'step'>) => `${i.procedure}/${i.step}`;

export function AvListTab({ agencyId }: { agencyId: string }) {
  const me = useMe();
  // av_list.manage is for the agency's own administrator and leader (the server checks the scope too).
  const canEdit = useCan('manageAvList') && me.user.agencyId === agencyId;
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const [changes, setChanges] = useState<Map<string, boolean>>(new Map());
  const queryKey = ['agency', agencyId, 'av-list'];
  const { data, error, isFetching } = useQuery({ queryKey, queryFn: async () => (await unwrap(api.GET('/api/agencies/{id}/av-list', { params: { path: { id: agencyId } } }))).items });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/agencies/{id}/av-list', {
          params: { path: { id: agencyId } },
          body: {
            // The list declares procedure ids as strings; they are the procedures' own (ProcedureId).
            items: (data ?? []).filter((i) => changes.has(keyOf(i))).map((i) => ({ procedure: i.procedure as ProcedureId, step: i.step, required: changes.get(keyOf(i))! })),
          },
        }),
      ),
    onSuccess: async () => {
      toast.success(ui.common.saved);
      await client.invalidateQueries({ queryKey }); // refetched before the pending changes are dropped, so no switch flips back
      setChanges(new Map());
    },
    onError: (e) => failure(e),
  });
  const toggle = (item: AvListItem, required: boolean) =>
    setChanges((prev) => {
      const next = new Map(prev);
      if (required === item.required) next.delete(keyOf(item));
      else next.set(keyOf(item), required);
      return next;
    });
  // Rows of one procedure share its name cell.
  const spans = new Map<number, number>();
  (data ?? []).forEach((item, i, all) => {
    if (i === 0 || all[i - 1]!.procedure !== item.procedure) spans.set(i, all.filter((x) => x.procedure === item.procedure).length);
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{v.hint}</Typography.Text>
      {error && <Alert type="error" showIcon title={error.message} />}
      {canEdit && (
        <Space>
          <Button type="primary" disabled={!changes.size} loading={save.isPending} onClick={() => save.mutate()} data-testid="av-list-save">
            {ui.common.save}
          </Button>
          {changes.size > 0 && <Typography.Text type="warning">{v.changed(changes.size)}</Typography.Text>}
          {changes.size > 0 && <Button onClick={() => setChanges(new Map())}>{ui.common.reset}</Button>}
        </Space>
      )}
      <Table<AvListItem>
        rowKey={keyOf}
        size="small"
        bordered
        loading={isFetching}
        dataSource={data}
        pagination={false}
        data-testid="av-list"
        columns={[
          { title: v.procedure, dataIndex: 'procedureName', width: 220, onCell: (_, i) => ({ rowSpan: spans.get(i ?? 0) ?? 0 }) },
          { title: v.step, dataIndex: 'stepName' },
          {
            title: v.required,
            key: 'required',
            width: 200,
            render: (_, item) => {
              const value = changes.get(keyOf(item)) ?? item.required;
              return (
                <Space size={8}>
                  <Switch checked={value} disabled={!canEdit} onChange={(on) => toggle(item, on)} data-testid={`av-${item.procedure}-${item.step}`} />
                  {item.overridden && <Tag color="orange">{v.overridden}</Tag>}
                  {!item.overridden && value === item.default && <Tag>{v.default}</Tag>}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

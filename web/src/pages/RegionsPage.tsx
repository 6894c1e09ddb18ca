/** 行政区划: the GB/T 2260 tree, one level at a time; supervisors add regions below their own. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Space, Spin, Tree } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { codePrefix, useRegionTree, type RegionNode } from '../components/region-tree.tsx';
import { rules } from '../components/rules.ts';
import { useCan } from '../session.tsx';
import type { Region } from '../types.ts';

type Dialog = { mode: 'add'; parent: Region | null } | { mode: 'rename'; region: Region } | null;

function RegionDialog({ dialog, onClose, onDone }: { dialog: NonNullable<Dialog>; onClose: () => void; onDone: (region: Region) => void }) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const failure = useFailure();
  const toast = useToast();
  const parent = dialog.mode === 'add' ? dialog.parent : null;
  const save = useMutation({
    mutationFn: (values: { code: string; name: string }) =>
      dialog.mode === 'add'
        ? unwrap(api.POST('/api/regions', { body: { code: values.code.trim(), name: values.name, parentCode: parent?.code ?? null } }))
        : unwrap(api.PATCH('/api/regions/{code}', { params: { path: { code: dialog.region.code } }, body: { name: values.name } })),
    onSuccess: (region) => {
      toast.success(ui.common.saved);
      onDone(region);
    },
    onError: (error) => failure(error, form),
  });
  const prefix = parent ? codePrefix(parent) : '';
  return (
    <Modal
      open
      title={dialog.mode === 'rename' ? ui.regions.rename : parent ? `${ui.regions.addChild}：${parent.name}` : ui.regions.addProvince}
      okText={ui.common.save}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={dialog.mode === 'rename' ? { code: dialog.region.code, name: dialog.region.name } : { code: prefix }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="code"
          label={ui.regions.code}
          extra={ui.regions.hint}
          rules={[
            rules.required(ui.regions.code),
            rules.regionCode,
            { validator: (_r, v: string) => (!v || v.startsWith(prefix) ? Promise.resolve() : Promise.reject(new Error(ui.regions.codePrefix(prefix)))) },
          ]}
        >
          <Input disabled={dialog.mode === 'rename'} maxLength={9} data-testid="region-code" />
        </Form.Item>
        <Form.Item name="name" label={ui.regions.name} rules={[rules.required(ui.regions.name), rules.max(100)]}>
          <Input data-testid="region-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RegionsPage() {
  const canManage = useCan('manageRegions');
  const { treeData, loading, error, load } = useRegionTree();
  const [selected, setSelected] = useState<Region | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  const done = async (region: Region) => {
    const parentCode = region.parentCode;
    setDialog(null);
    setSelected((current) => (current?.code === region.code ? region : current));
    await load(parentCode ?? '', true);
    if (parentCode) setExpanded((keys) => (keys.includes(parentCode) ? keys : [...keys, parentCode]));
  };

  return (
    <>
      <PageHeader
        title={ui.regions.title}
        extra={
          canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'add', parent: null })} data-testid="region-add-province">
              {ui.regions.addProvince}
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card>
            {loading ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty description={ui.regions.empty} />
            ) : (
              <Tree
                treeData={treeData}
                loadData={async (node) => {
                  await load(String(node.key));
                }}
                expandedKeys={expanded}
                onExpand={setExpanded}
                selectedKeys={selected ? [selected.code] : []}
                onSelect={(_keys, info) => setSelected((info.node as unknown as RegionNode).region)}
                data-testid="region-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            {selected ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Descriptions
                  column={1}
                  bordered
                  size="small"
                  items={[
                    { key: 'code', label: ui.regions.code, children: selected.code },
                    { key: 'name', label: ui.regions.name, children: selected.name },
                    { key: 'level', label: ui.regions.level, children: ui.labels.level[selected.level] },
                    { key: 'parent', label: ui.regions.parent, children: selected.parentCode ?? '—' },
                    { key: 'path', label: ui.regions.path, children: selected.path },
                  ]}
                />
                {canManage && (
                  <Space>
                    {selected.level !== 'township' && (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'add', parent: selected })} data-testid="region-add-child">
                        {ui.regions.addChild}
                      </Button>
                    )}
                    <Button onClick={() => setDialog({ mode: 'rename', region: selected })}>{ui.regions.rename}</Button>
                  </Space>
                )}
              </Space>
            ) : (
              <Empty description={ui.regions.selectHint} />
            )}
          </Card>
        </Col>
      </Row>
      {dialog && <RegionDialog dialog={dialog} onClose={() => setDialog(null)} onDone={(p) => void done(p)} />}
    </>
  );
}

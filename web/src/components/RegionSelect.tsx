/** Picks a region from the lazily loaded GB/T 2260 tree; the value is the region code. */
import { TreeSelect } from 'antd';
import { ui } from '../../../src/i18n/ui.ts';
import { useRegionTree, type RegionNode } from './region-tree.tsx';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

export function RegionSelect({ value, onChange, placeholder, allowClear, style, id, ...rest }: Props) {
  const { treeData, load, loading } = useRegionTree();
  return (
    <TreeSelect<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code)}
      treeData={treeData}
      loadData={async (node) => {
        await load((node as unknown as RegionNode).value);
      }}
      loading={loading}
      placeholder={placeholder ?? ui.common.choose(ui.agencies.region)}
      allowClear={allowClear}
      showSearch={false}
      treeNodeLabelProp="label"
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

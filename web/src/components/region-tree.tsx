/**
 * Regions load one level at a time (GET /api/regions?parentCode=): a tree that fetches a node's
 * children when it is opened. Shared by the regions page and the region picker.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import type { Region } from '../types.ts';

export interface RegionNode {
  key: string;
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  region: Region;
  children?: RegionNode[];
}

const fetchChildren = (parentCode: string) =>
  unwrap(api.GET('/api/regions', { params: { query: { parentCode: parentCode || undefined } } })).then((r) => r.items);

/** The significant prefix of a code, which its children's codes start with (src/organisation/regions/regions.ts). */
export function codePrefix(region: Region): string {
  return region.level === 'province' ? region.code.slice(0, 2) : region.level === 'prefecture' ? region.code.slice(0, 4) : region.code.slice(0, 6);
}

export function useRegionTree() {
  const client = useQueryClient();
  const roots = useQuery({ queryKey: ['regions', ''], queryFn: () => fetchChildren('') });
  const [children, setChildren] = useState<Record<string, Region[]>>({});

  const load = useCallback(
    async (parentCode: string, fresh = false) => {
      const key = ['regions', parentCode];
      if (fresh) await client.invalidateQueries({ queryKey: key, exact: true });
      const items = await client.fetchQuery({ queryKey: key, queryFn: () => fetchChildren(parentCode) });
      if (parentCode) setChildren((c) => ({ ...c, [parentCode]: items }));
      return items;
    },
    [client],
  );

  const treeData = useMemo(() => {
    const build = (r: Region): RegionNode => ({
      key: r.code,
      value: r.code,
      label: r.name,
      title: (
        <span>
          {r.name} <span style={{ color: '#8c8c8c' }}>{r.code}</span> <Tag style={{ marginInlineStart: 4 }}>{ui.labels.level[r.level]}</Tag>
        </span>
      ),
      isLeaf: r.level === 'township',
      region: r,
      children: children[r.code]?.map(build),
    });
    return (roots.data ?? []).map(build);
  }, [roots.data, children]);

  return { treeData, loading: roots.isLoading, error: roots.error, load };
}

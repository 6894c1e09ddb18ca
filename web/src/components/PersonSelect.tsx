/** Picks a person of one agency, searching by name (GET /api/people?agencyId&q). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api } from '../api.ts';
import type { Page, Person } from '../types.ts';

export function PersonSelect({ agencyId, value, onChange, id }: { agencyId: string; value?: string; onChange?: (id: string) => void; id?: string }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'options', agencyId, q],
    queryFn: () => api.get<Page<Person>>('/api/people', { agencyId, q, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={ui.common.choose(ui.groups.person)}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: p.positionTitle ? `${p.name}（${p.positionTitle}）` : p.name }))}
      data-testid="person-select"
    />
  );
}

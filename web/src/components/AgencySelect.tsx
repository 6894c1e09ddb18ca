/** Picks an agency in the user's scope, searching by name as the user types. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

export function AgencySelect({ value, onChange, placeholder, allowClear, style, id, disabled, ...rest }: Props) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['agencies', 'options', q],
    queryFn: () => unwrap(api.GET('/api/agencies', { params: { query: { q, limit: 50 } } })),
    placeholderData: (previous) => previous,
  });
  // Keep the chosen agency labelled even when it is not among the current matches.
  const chosen = useQuery({
    queryKey: ['agency', value],
    queryFn: () => unwrap(api.GET('/api/agencies/{id}', { params: { path: { id: value! } } })),
    enabled: !!value && !data?.items.some((a) => a.id === value),
  });
  const options = [...(data?.items ?? []), ...(chosen.data && !data?.items.some((a) => a.id === chosen.data.id) ? [chosen.data] : [])].map((a) => ({
    value: a.id,
    label: a.name,
  }));
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onClear={() => setQ('')}
      loading={isFetching}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? ui.common.choose(ui.people.agency)}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

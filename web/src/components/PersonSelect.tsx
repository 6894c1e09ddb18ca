/**
 * Picks a person of one agency, searching by name (GET /api/people?agencyId&q). With `officers`
 * (the case's team), staff who may not act as enforcement officers today — no certificate, or one
 * expired, suspended, revoked or not yet issued — are listed but cannot be chosen, with the reason.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import type { Person } from '../types.ts';

/** Why a person cannot be one of a case's officers today. */
function certificateProblem(p: Person): string {
  const cert = p.certificate;
  if (!cert) return ui.groups.noCertificate;
  if (cert.effectiveStatus !== 'active') return ui.groups.certificateIs(ui.labels.certificateStatus[cert.effectiveStatus]);
  return ui.groups.certificateNotYetValid;
}

export function PersonSelect({ agencyId, value, onChange, id, officers = false }: { agencyId: string; value?: string; onChange?: (id: string) => void; id?: string; officers?: boolean }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'options', agencyId, q],
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { agencyId, q, limit: 50 } } })),
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
      options={(data?.items ?? []).map((p) => {
        const label = p.positionTitle ? `${p.name}（${p.positionTitle}）` : p.name;
        if (!officers || p.certificate?.validToday) return { value: p.id, label };
        return { value: p.id, label: `${p.name} · ${certificateProblem(p)}`, disabled: true };
      })}
      popupMatchSelectWidth={!officers}
      data-testid="person-select"
    />
  );
}

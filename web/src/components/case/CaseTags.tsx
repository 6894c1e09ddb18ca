/** Status and statutory-clock tags of a case (from the server's `status` and `clocks`). */
import { Space, Tag, Tooltip } from 'antd';
import { ui } from '../../../../src/i18n/ui.ts';
import type { CaseStatus, ClockView } from './types.ts';

const c = ui.cases;
const statusColours: Record<CaseStatus, string> = { open: 'processing', closed: 'success', archived: 'default' };
const clockColours: Record<ClockView['status'], string> = {
  running: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  met: 'green',
  met_late: 'volcano',
  open: 'cyan',
  closed: 'default',
  paused: 'purple',
};

/** The tooltip: whose time it is, until when, whether provisional, and the article. */
const clockTitle = (k: ClockView) =>
  `${c.clockKind[k.kind]} · ${(k.kind === 'party_window' ? c.windowUntil : c.clockDeadline)(k.zh, k.deadline)}${k.provisional ? c.provisional : ''}${k.basis ? `（${k.basis}）` : ''}`;

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag key={status} color={statusColours[status]} data-testid="case-status">
      {c.statusLabel[status]}
    </Tag>
  );
}

/**
 * The clocks of a case: all of them, or (`compact`, in lists) only those needing attention —
 * 即将到期 and 已逾期 — so a list shows at a glance which cases are at risk. A party window is never
 * due soon or overdue: it is the party's time, not the agency's (issue 9).
 */
export function ClockTags({ clocks, compact = false }: { clocks: ClockView[]; compact?: boolean }) {
  const shown = compact ? clocks.filter((k) => k.status === 'due_soon' || k.status === 'overdue') : clocks;
  if (!shown.length) return compact ? null : <span>—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((k) => (
        <Tooltip key={k.id} title={clockTitle(k)}>
          <Tag color={clockColours[k.status]} data-testid={`clock-${k.id}`} data-status={k.status} data-kind={k.kind}>
            {compact ? c.clockStatus[k.status] : `${k.zh} · ${c.clockStatus[k.status]} · ${k.deadline}${k.provisional ? c.provisional : ''}`}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

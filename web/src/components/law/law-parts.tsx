/** Pieces the law-library pages share: a version's status, a law's kind, an article's paragraphs and items. */
import { Tag, Typography } from 'antd';
import { toChineseNumeral } from '../../../../src/lists/laws/chinese-numerals.ts';
import { ui } from '../../../../src/i18n/ui.ts';
import type { Law, LawParagraph, LawVersion } from '../../types.ts';

const STATUS_COLOURS: Record<LawVersion['status'], string> = { in_force: 'green', not_yet_in_force: 'blue', amended: 'default' };

export function LawStatusTag({ status }: { status: LawVersion['status'] }) {
  return <Tag color={STATUS_COLOURS[status]}>{ui.labels.lawVersionStatus[status]}</Tag>;
}

export function LawKindTag({ kind }: { kind: Law['kind'] }) {
  return <Tag>{ui.labels.lawKind[kind]}</Tag>;
}

/** The version's dates in a line: 版本日期 · 施行日期. */
export function versionLine(v: LawVersion): string {
  return `${ui.laws.versionDate} ${v.versionDate} · ${ui.laws.inForceFrom} ${v.inForceFrom ?? ui.laws.notStated}${v.inForceUntil ? ` · ${ui.laws.inForceUntil} ${v.inForceUntil}` : ''}`;
}

/** An article's paragraphs (款), each followed by its items (项), as the official text prints them. */
export function Paragraphs({ paragraphs, testId }: { paragraphs: LawParagraph[]; testId?: string }) {
  return (
    <div data-testid={testId}>
      {paragraphs.map((p) => (
        <div key={p.number} style={{ marginBottom: 8 }}>
          <Typography.Paragraph style={{ textIndent: '2em', marginBottom: 4 }}>{p.text}</Typography.Paragraph>
          {p.items.map((i) => (
            <Typography.Paragraph key={i.number} style={{ textIndent: '2em', marginBottom: 4 }} data-testid={`law-item-${p.number}-${i.number}`}>
              （{toChineseNumeral(i.number)}）{i.text}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </div>
  );
}

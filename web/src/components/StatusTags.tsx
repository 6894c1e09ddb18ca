/** Small coloured tags for statuses the API reports. */
import { Tag } from 'antd';
import { ui } from '../../../src/i18n/ui.ts';
import type { Agency, EffectiveStatus, EnforcementCategory, RatioFlag } from '../types.ts';

const certificateColours: Record<EffectiveStatus, string> = { active: 'success', suspended: 'warning', revoked: 'error', expired: 'default' };

/** 有效/暂扣/吊销/已过期 — from the server's `certificate.effectiveStatus`. */
export function CertificateTag({ status }: { status: EffectiveStatus | null | undefined }) {
  if (!status) return <Tag>{ui.people.noCertificate}</Tag>;
  return (
    // key: remount on a status change; antd kept the previous colour when only the prop changed.
    <Tag key={status} color={certificateColours[status]} data-testid="certificate-status">
      {ui.labels.certificateStatus[status]}
    </Tag>
  );
}

/** L12: red when an agency has no reviewer or fewer than 5 % of its officers. */
export function RatioFlagTag({ flag }: { flag: RatioFlag }) {
  return <Tag color={flag === 'ok' ? 'green' : 'red'}>{ui.labels.ratioFlag[flag]}</Tag>;
}

export function ConfirmationTag({ confirmation }: { confirmation: Agency['confirmation'] }) {
  return confirmation ? <Tag color="green">{ui.agencies.confirmed}</Tag> : <Tag color="gold">{ui.agencies.unconfirmed}</Tag>;
}

export function CategoryTags({ categories }: { categories: EnforcementCategory[] }) {
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color="blue">
          {ui.labels.category[c]}
        </Tag>
      ))}
    </>
  );
}

export function ReviewerTag({ isLegalReviewer }: { isLegalReviewer: boolean }) {
  return isLegalReviewer ? <Tag color="purple">{ui.people.legalReviewer}</Tag> : null;
}

/**
 * Whether a law version is in force, derived from the versions after it (versions are append-only,
 * so nothing is written when a law is amended). Pure.
 */

export type LawVersionStatus = 'in_force' | 'not_yet_in_force' | 'amended';

export interface VersionDates {
  versionDate: string;
  inForceFrom: string | null;
}

export interface VersionState {
  status: LawVersionStatus;
  /** The last day the version was in force: the day before the next version's commencement, when that is known. */
  inForceUntil: string | null;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The state of each version of one law on `today`, in the order given. A version takes effect on
 * its commencement date, or — when the text does not state one (an amendment) — is taken to be in
 * effect from its version date. The newest version that has taken effect is in force; older ones
 * are amended; newer ones are not yet in force.
 */
export function versionStates<V extends VersionDates>(versions: readonly V[], today: string): VersionState[] {
  const order = [...versions.keys()].sort((a, b) => versions[a]!.versionDate.localeCompare(versions[b]!.versionDate));
  const effective = (v: V) => v.inForceFrom ?? v.versionDate;
  // The newest version that has taken effect (-1: none has).
  let current = -1;
  order.forEach((index, position) => {
    if (effective(versions[index]!) <= today) current = position;
  });
  const states: VersionState[] = [];
  order.forEach((index, position) => {
    const next = versions[order[position + 1]!];
    states[index] = {
      status: position === current ? 'in_force' : position < current ? 'amended' : 'not_yet_in_force',
      inForceUntil: next?.inForceFrom ? dayBefore(next.inForceFrom) : null,
    };
  });
  return states;
}

import { CLOSED, eventStep, type Procedure, type StepDef } from './types.js';

/**
 * Checks a transitions table: every state a step names exists, every state is reachable from the
 * initial one, 结案 is reachable from every state, step ids are unique, clocks name real steps,
 * every document type is in the library, and every leader approval names the steps it approves (or
 * says why it approves no one's proposal) so that the proposer never approves (issue 7). Returns
 * the problems (empty when the table is sound).
 */
export function checkProcedure(p: Procedure, knownDocTypes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const states = new Set(Object.keys(p.states));
  const stepIds = new Set<string>();
  if (!states.has(p.initial)) problems.push(`${p.id}: initial state ${p.initial} is not a state`);
  if (!states.has(CLOSED)) problems.push(`${p.id}: has no ${CLOSED} state`);
  for (const s of p.steps) {
    if (stepIds.has(s.id)) problems.push(`${p.id}: step ${s.id} is defined twice`);
    stepIds.add(s.id);
    for (const f of [...s.from, s.to]) if (!states.has(f)) problems.push(`${p.id}.${s.id}: unknown state ${f}`);
    for (const d of [...s.documents, ...(s.conditionalDocuments ?? []).map((c) => c.docType)])
      if (!knownDocTypes.has(d)) problems.push(`${p.id}.${s.id}: document type ${d} is not in the library`);
    for (const r of s.requires ?? []) if (!p.steps.some((o) => o.id === r)) problems.push(`${p.id}.${s.id}: requires unknown step ${r}`);
  }
  const edges = p.steps.flatMap((s) => s.from.map((f) => [f, s.to] as const));
  const reach = (start: string, forward: boolean) => {
    const seen = new Set([start]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [a, b] of edges) {
        const [x, y] = forward ? [a, b] : [b, a];
        if (seen.has(x) && !seen.has(y)) {
          seen.add(y);
          grew = true;
        }
      }
    }
    return seen;
  };
  const fromInitial = reach(p.initial, true);
  const toClosed = reach(CLOSED, false);
  for (const s of states) {
    if (!fromInitial.has(s)) problems.push(`${p.id}: state ${s} is unreachable`);
    if (!toClosed.has(s)) problems.push(`${p.id}: state ${s} cannot reach ${CLOSED}`);
  }
  for (const s of p.steps) if (s.from.includes(CLOSED)) problems.push(`${p.id}.${s.id}: leaves ${CLOSED}`);
  for (const s of p.steps) problems.push(...checkApproval(p, s, reach));
  for (const c of p.clocks) {
    const named = [c.startsAt, ...c.stopsAt, ...(c.deemedStart ? [c.deemedStart.from] : []), ...(c.pauses ? [c.pauses.start, c.pauses.end] : []), ...(c.setBy ? [c.setBy.step] : []), ...(c.extension ? [c.extension.step] : []), ...(c.onlyIf ? [c.onlyIf.step] : []), ...(c.unless ? [c.unless.step] : []), ...(c.endsOn ? [c.endsOn.step] : [])];
    for (const id of named.map(eventStep))
      if (id !== 'opened' && id !== 'received' && !stepIds.has(id)) problems.push(`${p.id}: clock ${c.id} names unknown step ${id}`);
    for (const e of c.pauses ? [c.pauses.start, c.pauses.end] : [])
      if (p.steps.some((s) => s.id === e.step && !s.roundsKept)) problems.push(`${p.id}: clock ${c.id} pauses on ${e.step}, which does not keep its rounds`);
    if (c.deemedStart && !p.clocks.slice(0, p.clocks.indexOf(c)).some((o) => o.id === c.deemedStart!.whenMissed))
      problems.push(`${p.id}: clock ${c.id} is deemed started when ${c.deemedStart.whenMissed} is missed, which is not a clock declared before it`);
    if (c.extension && !p.steps.find((s) => s.id === c.extension!.step)?.guards?.includes('extension_in_time'))
      problems.push(`${p.id}: clock ${c.id} is extended by ${c.extension.step}, which lacks the extension_in_time guard`);
  }
  return problems;
}

/** Separation of duties: what a step approves is declared, names earlier steps, and only on approvals. */
function checkApproval(p: Procedure, s: StepDef, reach: (start: string, forward: boolean) => Set<string>): string[] {
  const where = `${p.id}.${s.id}`;
  const isApproval = s.permission === 'case.approve';
  const declared = s.approves !== undefined;
  const exempt = s.notAnApproval !== undefined;
  if (!isApproval) return declared || exempt ? [`${where}: only a case.approve step approves or is exempt`] : [];
  if (declared === exempt) return [`${where}: a case.approve step must name the steps it approves or say why it approves none (notAnApproval), not ${declared ? 'both' : 'neither'}`];
  if (exempt) return s.notAnApproval!.trim().length < 10 ? [`${where}: notAnApproval needs a reason`] : [];
  if (!s.approves!.length) return [`${where}: approves names no step`];
  const problems: string[] = [];
  for (const id of s.approves!) {
    const approved = p.steps.find((o) => o.id === id);
    if (!approved) problems.push(`${where}: approves unknown step ${id}`);
    else if (approved.id === s.id) problems.push(`${where}: approves itself`);
    else if (!s.from.some((f) => reach(approved.to, true).has(f))) problems.push(`${where}: approves ${id}, which cannot come before it`);
  }
  return problems;
}

/** Throws at start-up when any transitions table is unsound. */
export function assertProcedures(procedures: readonly Procedure[], knownDocTypes: ReadonlySet<string>): void {
  const problems = procedures.flatMap((p) => checkProcedure(p, knownDocTypes));
  if (problems.length) throw new Error(`transitions tables are unsound:\n${problems.join('\n')}`);
}

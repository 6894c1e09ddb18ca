import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../audit/actions.js';
import { CASE_EVENT_TYPES } from '../recording/case-events.js';
import { ui, uiEn } from './ui.js';

/** The codes of `codes` that have no label, or an empty one, in either language. */
function unlabelled(codes: readonly string[], zh: object, en: object): string[] {
  const has = (table: object, code: string) => Object.hasOwn(table, code) && (table as Record<string, string>)[code]!.trim() !== '';
  return codes.filter((code) => !has(zh, code) || !has(en, code));
}

// Issue 8: the staff app printed raw codes ("document.viewed", "evidence.added"); every code the
// server can record must reach the screen as words.
describe('UI labels for recorded codes', () => {
  it('labels every case-event type in Chinese and English', () => {
    expect(CASE_EVENT_TYPES.length).toBeGreaterThan(10);
    expect(unlabelled(CASE_EVENT_TYPES, ui.cases.event, uiEn.cases.event)).toEqual([]);
  });

  it('labels every audit action in Chinese and English', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(30);
    expect(unlabelled(AUDIT_ACTIONS, ui.labels.auditAction, uiEn.labels.auditAction)).toEqual([]);
  });

  it('has no label for a code that is no longer recorded', () => {
    expect(Object.keys(ui.cases.event).filter((k) => !(CASE_EVENT_TYPES as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(ui.labels.auditAction).filter((k) => !(AUDIT_ACTIONS as readonly string[]).includes(k))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { checkLifecycle, defineLifecycle, type LifecycleDef } from './lifecycle.js';

type S = 'draft' | 'sent' | 'done' | 'void';
type A = 'send' | 'finish' | 'cancel' | 'note';

const door: LifecycleDef<S, A, { admin: boolean }> = {
  name: 'door',
  states: ['draft', 'sent', 'done', 'void'],
  initial: 'draft',
  terminal: ['done', 'void'],
  transitions: [
    { action: 'send', from: ['draft'], to: ['sent'] },
    { action: 'finish', from: ['sent'], to: ['done'] },
    { action: 'cancel', from: ['draft', 'sent'], to: ['void'], who: (c) => c.admin },
    { action: 'note', from: ['done'], to: ['done'] },
  ],
  refusal: (_action, state) => new AppError('CONFLICT', [], { state }),
};

describe('a lifecycle table', () => {
  const table = defineLifecycle(door);

  it('lists the legal next actions of a state, in table order, and narrows them by who may take them', () => {
    expect(table.next('draft')).toEqual(['send', 'cancel']);
    expect(table.next('sent', { admin: false })).toEqual(['finish']);
    expect(table.next('sent', { admin: true })).toEqual(['finish', 'cancel']);
    expect(table.next('done')).toEqual(['note']);
    expect(table.next('void')).toEqual([]);
    expect(table.can('sent', 'cancel')).toBe(true);
    expect(table.allows('sent', 'cancel', { admin: false })).toBe(false);
    expect(table.allows('done', 'cancel', { admin: true })).toBe(false);
  });

  it('refuses an illegal transition with the module error carrying the current state', () => {
    expect(() => table.assertTransition('sent', 'send')).toThrow(AppError);
    try {
      table.assertTransition('void', 'finish');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('CONFLICT');
      expect((e as AppError).details).toEqual({ state: 'void' });
    }
    expect(() => table.assertTransition('draft', 'send', 'sent')).not.toThrow();
    expect(() => table.assertTransition('draft', 'send', 'done')).toThrow('door: send from draft cannot lead to done');
  });

  it('reports unknown and unreachable states, undeclared dead ends, terminal states with a way out, and duplicates', () => {
    expect(checkLifecycle(door)).toEqual([]);
    const broken = {
      ...door,
      states: ['draft', 'sent', 'done', 'void', 'limbo', 'void'],
      terminal: ['sent', 'void'],
      transitions: [
        ...door.transitions.filter((t) => t.action !== 'finish'),
        { action: 'send', from: ['draft'], to: ['gone'] },
        { action: 'revive', from: ['void'], to: ['draft'] },
      ],
    } as unknown as LifecycleDef<S, A, { admin: boolean }>;
    expect(checkLifecycle(broken)).toEqual([
      'door: a state is listed twice',
      'door: send names unknown state gone',
      'door: send is listed twice from draft',
      'door: terminal state sent has a way out',
      'door: state done is unreachable',
      'door: state done has no way out and is not declared terminal',
      'door: terminal state void has a way out',
      'door: state limbo is unreachable',
      'door: state limbo has no way out and is not declared terminal',
    ]);
    expect(() => defineLifecycle(broken)).toThrow('lifecycle table door is unsound');
  });
});

import { describe, expect, it } from 'vitest';
import { deriveClocks, type SlaHistoryEvent } from './clock-rules.ts';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const customer = (m: number): SlaHistoryEvent => ({ type: 'customer_message', at: t(m) });
const agent = (m: number): SlaHistoryEvent => ({ type: 'agent_reply', at: t(m) });
const status = (m: number, to: 'open' | 'pending' | 'resolved' | 'closed'): SlaHistoryEvent => ({ type: 'status', at: t(m), to });
const brief = (history: SlaHistoryEvent[]) => deriveClocks(history).map((c) => ({
  kind: c.kind, cycle: c.cycle, start: c.startedAt.getUTCMinutes(), outcome: c.outcome, end: c.endedAt?.getUTCMinutes() ?? null,
  pauses: c.pauses.map((p) => [p.from.getUTCMinutes(), p.to?.getUTCMinutes() ?? null]),
}));

describe('SLA clocks from a conversation history', () => {
  it('given a customer message, when nothing else happened, then first response and resolution run from it', () => {
    expect(brief([customer(0)])).toEqual([
      { kind: 'first_response', cycle: 1, start: 0, outcome: 'running', end: null, pauses: [] },
      { kind: 'resolution', cycle: 1, start: 0, outcome: 'running', end: null, pauses: [] },
    ]);
  });

  it('given an agent reply, then the first response is met; the customer answering starts a next response, met by the next reply', () => {
    expect(brief([customer(0), customer(1), agent(5), customer(7), customer(8), agent(12)]).filter((c) => c.kind !== 'resolution')).toEqual([
      { kind: 'first_response', cycle: 1, start: 0, outcome: 'met', end: 5, pauses: [] },
      { kind: 'next_response', cycle: 1, start: 7, outcome: 'met', end: 12, pauses: [] },
    ]);
  });

  it('given only bot or acknowledgement lines (not recorded as agent replies), then the first response is still owed', () => {
    expect(brief([customer(0)])[0]?.outcome).toBe('running');
  });

  it('given the conversation waits on the customer, then running clocks pause and resume when it opens again', () => {
    const clocks = brief([customer(0), status(3, 'pending'), status(10, 'open')]);
    expect(clocks.map((c) => c.pauses)).toEqual([[[3, 10]], [[3, 10]]]);
  });

  it('given it is resolved before any reply, then the response clock ends unmet (not breached, not counted met) and the resolution is met', () => {
    expect(brief([customer(0), status(20, 'resolved')]).map((c) => [c.kind, c.outcome, c.end])).toEqual([['first_response', 'ended', 20], ['resolution', 'met', 20]]);
  });

  it('given a resolved conversation is reopened by the customer, then a new resolution round and a next response start, never a second first response', () => {
    const clocks = brief([customer(0), agent(2), status(5, 'resolved'), customer(30), status(30, 'open')]);
    expect(clocks.map((c) => [c.kind, c.cycle, c.start, c.outcome])).toEqual([
      ['first_response', 1, 0, 'met'], ['resolution', 1, 0, 'met'], ['next_response', 1, 30, 'running'], ['resolution', 2, 30, 'running'],
    ]);
  });

  it('given a pause still going when resolved, then the pause ends at the resolution', () => {
    expect(brief([customer(0), agent(1), status(2, 'pending'), status(9, 'resolved')]).find((c) => c.kind === 'resolution')).toMatchObject({ outcome: 'met', end: 9, pauses: [[2, 9]] });
  });

  it('given the same history twice, then the same clocks come out (replays are harmless)', () => {
    const history = [customer(0), agent(4), customer(6), status(7, 'pending'), status(8, 'open')];
    expect(deriveClocks(history)).toEqual(deriveClocks([...history]));
  });
});

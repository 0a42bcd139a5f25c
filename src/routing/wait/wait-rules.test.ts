import { describe, expect, it } from 'vitest';
import { predictWait, waitAccuracy, type WaitAgent, type WaitQueueState } from './wait-rules.ts';

const agent = (over: Partial<WaitAgent> = {}): WaitAgent => ({
  status: 'online', teamIds: [], languages: [{ code: 'en', proficiency: 5 }], capacity: 2, load: 2, onShift: true, ...over,
});
const queue = (over: Partial<WaitQueueState> = {}): WaitQueueState => ({
  channel: 'chat', teamId: null, language: null, agents: [], ahead: 0, medianHandleSeconds: 300, ...over,
});

describe('predictWait', () => {
  it('when nobody can take the work, then there is no basis: null, and the basis says why', () => {
    expect(predictWait(queue())).toEqual({ predictedSeconds: null, basis: expect.objectContaining({ reason: 'no_agent_available', agents: 0 }) });
    const away = [agent({ status: 'away', load: 0 }), agent({ status: 'offline', load: 0 }), agent({ onShift: false, load: 0 }), agent({ capacity: 0, load: 0 })];
    expect(predictWait(queue({ agents: away })).predictedSeconds).toBeNull();
  });

  it('when one seat is free and nobody is ahead, then the wait is 0', () => {
    const p = predictWait(queue({ agents: [agent({ capacity: 2, load: 1 })] }));
    expect(p).toEqual({ predictedSeconds: 0, basis: expect.objectContaining({ reason: 'seat_free', freeSeats: 1, seats: 2 }) });
  });

  it('when N are ahead of M busy seats with median handle h, then the wait is about ceil(N/M)·h', () => {
    const agents = [agent({ capacity: 1, load: 1 }), agent({ capacity: 1, load: 1 }), agent({ capacity: 1, load: 1 })];
    const h = 300;
    for (const n of [3, 6, 10]) {
      const p = predictWait(queue({ agents, ahead: n, medianHandleSeconds: h }));
      const rough = Math.ceil(n / 3) * h;
      expect(Math.abs(p.predictedSeconds! - rough), `n=${n}`).toBeLessThanOrEqual(h / 3 + 1);
      expect(p.basis).toMatchObject({ reason: 'queue', seats: 3, freeSeats: 0, ahead: n });
    }
    // First in line behind three busy seats: the first of them to free up, about h / 3.
    expect(predictWait(queue({ agents, ahead: 0, medianHandleSeconds: h })).predictedSeconds).toBe(100);
  });

  it('when free seats cover part of the line, then only those beyond them wait', () => {
    const p = predictWait(queue({ agents: [agent({ capacity: 4, load: 2 })], ahead: 3, medianHandleSeconds: 400 }));
    expect(p.predictedSeconds).toBe(Math.round((2 * 400) / 4));
  });

  it('when every seat is busy and there are no recent handle times, then null rather than a guess', () => {
    expect(predictWait(queue({ agents: [agent()], ahead: 2, medianHandleSeconds: null })).basis.reason).toBe('no_recent_handle_times');
  });

  it('when agents lack the language (or the team), then they do not count', () => {
    const english = agent({ load: 0 });
    expect(predictWait(queue({ language: 'ar', agents: [english] })).predictedSeconds).toBeNull();
    const arabic = agent({ languages: [{ code: 'ar-SA', proficiency: 4 }], load: 0 });
    expect(predictWait(queue({ language: 'ar-eg', agents: [english, arabic] })).basis).toMatchObject({ agents: 1, seats: 2 });
    expect(predictWait(queue({ teamId: 'billing', agents: [english] })).predictedSeconds).toBeNull();
    expect(predictWait(queue({ teamId: 'billing', agents: [agent({ teamIds: ['billing'], load: 0 })] })).predictedSeconds).toBe(0);
  });
});

describe('waitAccuracy', () => {
  it('when waits are measured, then per channel: count, median absolute error and the shares within ±30 s and ±50 %', () => {
    const rows = [
      { channel: 'chat', predictedSeconds: 60, actualSeconds: 70 },
      { channel: 'chat', predictedSeconds: 100, actualSeconds: 300 },
      { channel: 'chat', predictedSeconds: 200, actualSeconds: 150 },
      { channel: 'chat', predictedSeconds: null, actualSeconds: 20 },
      { channel: 'email', predictedSeconds: 600, actualSeconds: 600 },
    ];
    expect(waitAccuracy(rows)).toEqual([
      { channel: 'chat', count: 3, unpredicted: 1, medianAbsoluteErrorSeconds: 50, within30Seconds: 1 / 3, within50Percent: 2 / 3 },
      { channel: 'email', count: 1, unpredicted: 0, medianAbsoluteErrorSeconds: 0, within30Seconds: 1, within50Percent: 1 },
    ]);
    expect(waitAccuracy([{ channel: 'chat', predictedSeconds: null, actualSeconds: 5 }])).toEqual([
      { channel: 'chat', count: 0, unpredicted: 1, medianAbsoluteErrorSeconds: null, within30Seconds: null, within50Percent: null },
    ]);
  });
});

/**
 * Pure rules of the chat channel: how much a visitor may send, and how long they will wait.
 */

export interface RateWindow {
  /** Send times (ms) still inside the window. */
  sent: number[];
}

export const visitorRateLimit = { messages: 20, windowMs: 10_000 };

/** A sliding window: at most `messages` sends in any `windowMs`. Returns the new window, or null when over. */
export function admitSend(window: RateWindow, nowMs: number, limit = visitorRateLimit): RateWindow | null {
  const recent = window.sent.filter((t) => t > nowMs - limit.windowMs);
  if (recent.length >= limit.messages) return null;
  return { sent: [...recent, nowMs] };
}

export interface WaitInputs {
  /** Online agents who take chats, with their chat capacity and the chats they already own. */
  agents: { capacity: number; openChats: number }[];
  /** Chats waiting for an owner, this one excluded. */
  waitingAhead: number;
  /** Median minutes from a chat's start to its resolution, recently; null without history. */
  medianHandleSeconds: number | null;
  /** Median seconds to a first reply when an agent was free, recently; null without history. */
  medianFirstResponseSeconds: number | null;
}

const assumedHandleSeconds = 6 * 60;

/**
 * An honest estimate: null when nobody is online (the widget offers the offline form instead).
 * With a free seat the wait is the usual first-response time; otherwise the visitor waits for
 * enough chats ahead of them to finish across the online agents.
 */
export function estimateChatWait(input: WaitInputs): number | null {
  if (input.agents.length === 0) return null;
  const freeSeats = input.agents.reduce((n, a) => n + Math.max(0, a.capacity - a.openChats), 0);
  const firstResponse = input.medianFirstResponseSeconds ?? 30;
  if (freeSeats > input.waitingAhead) return Math.round(firstResponse);
  const seats = Math.max(1, input.agents.reduce((n, a) => n + a.capacity, 0));
  const handle = input.medianHandleSeconds ?? assumedHandleSeconds;
  const queuedBeyondSeats = input.waitingAhead - freeSeats + 1;
  return Math.round(firstResponse + (queuedBeyondSeats * handle) / seats);
}

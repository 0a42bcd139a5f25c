/**
 * "Don't hold": when the predicted wait passes the workspace's threshold, the widget offers a
 * callback or an email answer instead. Pure: what to offer, and which call windows to propose
 * (half hours today and tomorrow, in the visitor's own time zone — the browser's clock).
 */
import type { Locale } from './locale.ts';

export interface QueueInfo {
  position: number | null;
  estimatedWaitSeconds: number | null;
  offerAfterSeconds?: number | null;
}

/** Offer only while the chat is still in line and the honest wait is known and longer than the threshold. */
export function shouldOffer(q: QueueInfo): boolean {
  const { estimatedWaitSeconds: wait, offerAfterSeconds: limit } = q;
  return q.position !== null && typeof wait === 'number' && typeof limit === 'number' && wait > limit;
}

export interface Slot {
  start: Date;
  end: Date;
  /** 0 today, 1 tomorrow. */
  day: number;
}

/** Half-hour windows from the next half hour at least `leadMinutes` away, today and tomorrow, between `fromHour` and `toHour` local time. */
export function callbackSlots(now: Date, { leadMinutes = 15, fromHour = 8, toHour = 22 } = {}): Slot[] {
  const slots: Slot[] = [];
  const earliest = now.getTime() + leadMinutes * 60_000;
  for (let day = 0; day < 2; day++) {
    for (let minutes = fromHour * 60; minutes < toHour * 60; minutes += 30) {
      const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, 0, minutes);
      if (start.getTime() >= earliest) slots.push({ start, end: new Date(start.getTime() + 30 * 60_000), day });
    }
  }
  return slots;
}

/** "Today 18:00–18:30" in the visitor's language (digits as the language writes them). */
export function slotLabel(locale: Locale, slot: Slot, days: { today: string; tomorrow: string }): string {
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${slot.day === 0 ? days.today : days.tomorrow} ${clock.format(slot.start)}–${clock.format(slot.end)}`;
}

/** The visitor's IANA time zone, as the browser knows it. */
export const visitorTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

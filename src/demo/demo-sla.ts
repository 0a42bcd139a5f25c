import type { CommandContext } from '../platform/outbox/index.ts';
import { createPolicy, saveSlaCalendar } from '../sla/index.ts';

const system = { type: 'system' } as const;
const minutes = (n: number) => n * 60;
const hours = (n: number) => n * 3600;

/**
 * The demo's promises: live channels answered within minutes around the clock, email within
 * office hours in Riyadh (Sunday to Thursday). Escalations warn the owner, then alert
 * supervisors at the breach, then raise the priority.
 */
export async function seedDemoSla(ctx: CommandContext, workspaceId: string): Promise<void> {
  const office = await saveSlaCalendar(ctx, workspaceId, null, {
    name: 'Riyadh office · مكتب الرياض', isDefault: true,
    calendar: {
      timeZone: 'Asia/Riyadh',
      weekly: [0, 1, 2, 3, 4].map((day) => ({ day, start: '09:00', end: '17:00' })),
      holidays: [{ date: '2026-12-31', name: 'Year end' }],
    },
  }, system);
  const always = await saveSlaCalendar(ctx, workspaceId, null, { name: '24/7', calendar: { timeZone: 'Asia/Riyadh', alwaysOpen: true } }, system);
  await createPolicy(ctx, workspaceId, {
    name: 'Live channels · القنوات المباشرة', conditions: { channels: ['chat', 'whatsapp', 'sms', 'telegram'] },
    targets: { firstResponseSeconds: minutes(2), nextResponseSeconds: minutes(5), resolutionSeconds: hours(8) },
    escalation: [
      { kind: 'first_response', offsetSeconds: -minutes(1), action: 'notify_owner' },
      { kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' },
      { kind: 'first_response', offsetSeconds: minutes(10), action: 'raise_priority' },
      { kind: 'next_response', offsetSeconds: 0, action: 'notify_owner' },
    ],
    calendarId: always.id, enabled: true,
  }, system);
  await createPolicy(ctx, workspaceId, {
    name: 'Email · البريد', conditions: { channels: ['email'] },
    targets: { firstResponseSeconds: hours(4), nextResponseSeconds: hours(8), resolutionSeconds: hours(24) },
    escalation: [
      { kind: 'first_response', offsetSeconds: -minutes(30), action: 'notify_owner' },
      { kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' },
      { kind: 'resolution', offsetSeconds: 0, action: 'raise_priority' },
    ],
    calendarId: office.id, enabled: true,
  }, system);
}

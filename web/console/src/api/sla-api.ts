import type { HttpClient } from './http';
import type { SlaCalendar, SlaCalendarInput, SlaClock, SlaPolicy, SlaPolicyInput, SlaReport } from './sla-types';

const enc = encodeURIComponent;

/** The SLA endpoints. Kept beside SanadApi (not in it) so that file stays small; built on the same HttpClient. */
export class SlaApi {
  constructor(private readonly http: HttpClient) {}

  /** Every promise on a conversation (running, met, ended), each round of each kind. */
  async clocks(conversationId: string, signal?: AbortSignal): Promise<SlaClock[]> {
    const answer: { items: SlaClock[] } = await this.http.get(`/api/v1/conversations/${enc(conversationId)}/sla`, {}, signal);
    return answer.items;
  }

  /** Running promises with a deadline, soonest first (breached ones first of all). */
  async due(limit = 1000, signal?: AbortSignal): Promise<SlaClock[]> {
    const answer: { items: SlaClock[] } = await this.http.get('/api/v1/sla/due', { limit }, signal);
    return answer.items;
  }

  async policies(signal?: AbortSignal): Promise<SlaPolicy[]> {
    const answer: { items: SlaPolicy[] } = await this.http.get('/api/v1/sla/policies', {}, signal);
    return answer.items;
  }

  createPolicy(input: SlaPolicyInput): Promise<SlaPolicy> {
    return this.http.post('/api/v1/sla/policies', input);
  }

  updatePolicy(id: string, patch: Partial<SlaPolicyInput>): Promise<SlaPolicy> {
    return this.http.patch(`/api/v1/sla/policies/${enc(id)}`, patch);
  }

  /** Every policy id once, in the order they are tried. */
  async orderPolicies(ids: readonly string[]): Promise<SlaPolicy[]> {
    const answer: { items: SlaPolicy[] } = await this.http.post('/api/v1/sla/policies/order', { ids: [...ids] });
    return answer.items;
  }

  /** Applies the policy as it is now to the clocks already running under it. */
  recompute(id: string): Promise<{ conversations: number }> {
    return this.http.post(`/api/v1/sla/policies/${enc(id)}/recompute`);
  }

  async calendars(signal?: AbortSignal): Promise<SlaCalendar[]> {
    const answer: { items: SlaCalendar[] } = await this.http.get('/api/v1/sla/calendars', {}, signal);
    return answer.items;
  }

  createCalendar(input: SlaCalendarInput): Promise<SlaCalendar> {
    return this.http.post('/api/v1/sla/calendars', input);
  }

  saveCalendar(id: string, input: SlaCalendarInput): Promise<SlaCalendar> {
    return this.http.put(`/api/v1/sla/calendars/${enc(id)}`, input);
  }

  /** Teams with a calendar of their own; the others count in the workspace default. */
  teamCalendars(signal?: AbortSignal): Promise<{ items: { teamId: string; calendarId: string }[] }> {
    return this.http.get('/api/v1/sla/teams/calendars', {}, signal);
  }

  /** null: the team counts in the workspace default calendar. */
  setTeamCalendar(teamId: string, calendarId: string | null): Promise<{ ok: true }> {
    return this.http.put(`/api/v1/sla/teams/${enc(teamId)}/calendar`, { calendarId });
  }

  report(from: string, to: string, signal?: AbortSignal): Promise<SlaReport> {
    return this.http.get('/api/v1/sla/report', { from, to }, signal);
  }
}

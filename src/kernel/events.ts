/** A fact that happened, named dotted and past tense (`message.created`). */
export interface NewEvent {
  type: string;
  workspaceId: string | null;
  subjectType: string;
  subjectId: string;
  actor?: Actor | null;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends NewEvent {
  id: string;
  position: number;
  occurredAt: Date;
}

/** Who caused a change: an agent, an API token, a contact, a bot or Sanad itself. */
export type Actor =
  | { type: 'agent'; id: string }
  | { type: 'token'; id: string }
  | { type: 'contact'; id: string }
  | { type: 'bot'; id?: string }
  | { type: 'system' };

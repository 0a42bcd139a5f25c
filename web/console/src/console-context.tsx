import { createContext, useContext } from 'react';
import type { SanadApi } from './api/sanad-api';
import type { Agent, Contact, Team } from './api/types';
import type { PendingTransfers } from './hooks/use-transfers';
import type { LiveHub } from './live/live-hub';

/** What every signed-in screen needs: the API, the live socket, who I am, and the people and teams. */
export interface ConsoleServices {
  api: SanadApi;
  live: LiveHub;
  me: Agent;
  agents: readonly Agent[];
  teams: readonly Team[];
  agentName: (id: string | null | undefined) => string | null;
  teamName: (id: string | null | undefined) => string | null;
  contact: (id: string) => Contact | undefined;
  /** Ask for contacts to be loaded into the cache (names for the inbox, etc.). */
  requestContacts: (ids: readonly string[]) => void;
  /** Put a fresh copy in the cache (e.g. the contact panel just loaded it). */
  rememberContact: (contact: Contact, requestedId?: string) => void;
  /** Pending warm transfers (polled), for the header's incoming list and each conversation's banner. */
  transfers: PendingTransfers;
}

export const ConsoleContext = createContext<ConsoleServices | null>(null);

export function useConsole(): ConsoleServices {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside ConsoleContext');
  return value;
}

import type { MessageKey } from './dictionary';
import { hasKey } from './translate';

/** A channel code ('chat', 'email') in words; an unknown code as it is. */
export function channelName(t: (key: MessageKey) => string, channel: string): string {
  const key = `channel.${channel}`;
  return hasKey(key) ? t(key) : channel;
}

/** An agent status code ('online', 'away') in words; an unknown code as it is. */
export function statusName(t: (key: MessageKey) => string, status: string): string {
  const key = `agentStatus.${status}`;
  return hasKey(key) ? t(key) : status;
}

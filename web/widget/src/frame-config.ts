import { matchLocale, type Locale } from './locale.ts';

/** Identity verification passed by the host page (data-user-*); see docs/chat-protocol.md §1. */
export interface HostUser {
  id?: string;
  hash?: string;
  name?: string;
  email?: string;
}

/** What the loader tells the frame, through the frame URL's fragment (never sent to a server). */
export interface FrameConfig {
  locale: Locale | null;
  user: HostUser;
  /** the host page's origin, used as the postMessage target */
  hostOrigin: string | null;
}

const userKeys = ['id', 'hash', 'name', 'email'] as const;

export function toFragment(config: FrameConfig): string {
  const params = new URLSearchParams();
  if (config.locale) params.set('locale', config.locale);
  if (config.hostOrigin) params.set('host', config.hostOrigin);
  for (const key of userKeys) {
    const value = config.user[key];
    if (value) params.set('user.' + key, value);
  }
  return params.toString();
}

export function fromFragment(hash: string): FrameConfig {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const user: HostUser = {};
  for (const key of userKeys) {
    const value = params.get('user.' + key)?.trim();
    if (value) user[key] = value;
  }
  return { locale: matchLocale(params.get('locale')), user, hostOrigin: params.get('host') || null };
}

/**
 * The `user` field of the session request: only when both id and hash are present, since the
 * server refuses an identity it cannot verify.
 */
export function sessionUser(user: HostUser): HostUser | undefined {
  if (!user.id || !user.hash) return undefined;
  const out: HostUser = { id: user.id, hash: user.hash };
  if (user.name) out.name = user.name;
  if (user.email) out.email = user.email;
  return out;
}

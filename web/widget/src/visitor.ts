/** What the widget remembers about its visitor between page loads (in Sanad's own localStorage). */
export interface StoredVisitor {
  token: string;
  /** the host's user id the token was issued for, when identity verification was used */
  userId?: string;
}

/**
 * Whether the remembered visitor token may be offered again. A token issued for one signed-in
 * user is never reused for another user or after sign-out, so a shared computer does not show one
 * customer's conversations to the next. An anonymous token may be upgraded by signing in.
 */
export function reusableToken(stored: StoredVisitor | null, userId: string | undefined): string | undefined {
  if (!stored || typeof stored.token !== 'string' || !stored.token) return undefined;
  if (stored.userId && stored.userId !== userId) return undefined;
  return stored.token;
}

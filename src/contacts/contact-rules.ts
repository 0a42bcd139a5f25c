import { AppError } from '../kernel/index.ts';

export const identityKinds = ['email', 'phone', 'visitor', 'external'] as const;
export type IdentityKind = (typeof identityKinds)[number];

export interface Identity {
  kind: IdentityKind;
  value: string;
}

export type AttributeValue = string | number | boolean | null;

export interface Contact {
  id: string;
  workspaceId: string;
  name: string | null;
  language: string | null;
  attributes: Record<string, AttributeValue>;
  identities: Identity[];
  /** Ids of contacts that were merged into this one; their conversations are this contact's. */
  mergedFrom: string[];
  createdAt: Date;
  updatedAt: Date;
}

const arabicIndicZero = 0x0660;
const easternArabicIndicZero = 0x06f0;

/** Arabic-Indic and Eastern Arabic-Indic digits read as ASCII digits (٠١٢ → 012). */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= easternArabicIndicZero ? easternArabicIndicZero : arabicIndicZero));
  });
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One canonical form per identity, so the same person typed twice is found once. */
export function normalizeIdentity(kind: IdentityKind, raw: string): Identity {
  const value = raw.trim();
  switch (kind) {
    case 'email': {
      const email = value.toLowerCase();
      if (!emailPattern.test(email) || email.length > 254) throw new AppError('INVALID_IDENTITY', `"${raw}" is not an email address`);
      return { kind, value: email };
    }
    case 'phone': {
      let phone = toAsciiDigits(value).replace(/[\s\-.()\u200e\u200f]/g, '');
      if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
      if (!/^\+?[0-9]{6,15}$/.test(phone)) throw new AppError('INVALID_IDENTITY', `"${raw}" is not a phone number`);
      return { kind, value: phone };
    }
    case 'visitor':
    case 'external':
      if (value.length === 0 || value.length > 200) throw new AppError('INVALID_IDENTITY', `a ${kind} id needs 1 to 200 characters`);
      return { kind, value };
  }
}

export interface MergeOutcome {
  name: string | null;
  language: string | null;
  attributes: Record<string, AttributeValue>;
}

/** What survives a merge: the target's own facts win, the source fills the gaps. */
export function mergeContactFacts(target: Contact, source: Contact): MergeOutcome {
  return {
    name: target.name ?? source.name,
    language: target.language ?? source.language,
    attributes: { ...source.attributes, ...target.attributes },
  };
}

import { AppError } from '../kernel/index.ts';

export interface WorkspaceSettings {
  defaultLanguage: string;
  timeZone: string;
  /** Languages the team answers in, in order of preference. */
  supportedLanguages: string[];
  /** Resolved conversations close on their own after this many days without a customer reply. */
  autoCloseAfterDays: number;
}

export interface Workspace {
  id: string;
  name: string;
  settings: WorkspaceSettings;
  createdAt: Date;
  updatedAt: Date;
}

export const defaultSettings: WorkspaceSettings = {
  defaultLanguage: 'en',
  timeZone: 'UTC',
  supportedLanguages: ['en', 'ar'],
  autoCloseAfterDays: 7,
};

/** An IANA zone name the runtime knows; `Intl` is part of the language, not I/O. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Returns the zone's canonical spelling (`asia/riyadh` → `Asia/Riyadh`). */
export function assertTimeZone(zone: string): string {
  if (!isValidTimeZone(zone)) throw new AppError('INVALID_TIME_ZONE', `"${zone}" is not a known time zone (try e.g. Asia/Riyadh or Europe/London)`);
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Applies a partial change to the settings, checking what a schema cannot. */
export function applySettingsChange(current: WorkspaceSettings, change: Partial<WorkspaceSettings>): WorkspaceSettings {
  // A field named but left undefined means "no change", never "erase".
  const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<WorkspaceSettings>;
  const next = { ...current, ...given };
  next.timeZone = assertTimeZone(next.timeZone);
  next.supportedLanguages = [...new Set(next.supportedLanguages)];
  if (!next.supportedLanguages.includes(next.defaultLanguage)) next.supportedLanguages.unshift(next.defaultLanguage);
  return next;
}

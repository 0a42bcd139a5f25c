import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { applySettingsChange, assertTimeZone, defaultSettings, isValidTimeZone, type WorkspaceSettings } from './workspace-rules.ts';

const base: WorkspaceSettings = { defaultLanguage: 'en', timeZone: 'UTC', supportedLanguages: ['en', 'ar'], autoCloseAfterDays: 7 };

function refusal(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('time zones', () => {
  it.each(['UTC', 'Asia/Riyadh', 'Europe/London', 'America/Sao_Paulo', 'Africa/Cairo'])('when the zone is %s, then it is valid', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
    expect(assertTimeZone(zone)).toBe(zone);
  });

  it.each(['', 'Mars/Olympus', 'Asia/Atlantis', 'GMT+99', 'not a zone'])('when the zone is "%s", then INVALID_TIME_ZONE', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    const error = refusal(() => assertTimeZone(zone));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'INVALID_TIME_ZONE', status: 400 });
  });
});

describe('applySettingsChange', () => {
  it('when nothing changes, then the settings come back equal', () => {
    expect(applySettingsChange(base, {})).toEqual(base);
    expect(applySettingsChange(defaultSettings, {})).toEqual(defaultSettings);
  });

  it('when the time zone changes to a known zone, then it is taken', () => {
    expect(applySettingsChange(base, { timeZone: 'Asia/Riyadh' }).timeZone).toBe('Asia/Riyadh');
  });

  it('when the time zone changes to an unknown zone, then INVALID_TIME_ZONE and the current settings are untouched', () => {
    const current = { ...base, supportedLanguages: [...base.supportedLanguages] };
    expect(refusal(() => applySettingsChange(current, { timeZone: 'Mars/Olympus' }))).toMatchObject({ code: 'INVALID_TIME_ZONE' });
    expect(current).toEqual(base);
  });

  it('when the default language is not among the supported ones, then it is added first', () => {
    expect(applySettingsChange(base, { defaultLanguage: 'fr' })).toMatchObject({ defaultLanguage: 'fr', supportedLanguages: ['fr', 'en', 'ar'] });
    expect(applySettingsChange(base, { defaultLanguage: 'fr', supportedLanguages: ['ar'] }).supportedLanguages).toEqual(['fr', 'ar']);
  });

  it('when the default language is already supported, then the order is kept', () => {
    expect(applySettingsChange(base, { defaultLanguage: 'ar' }).supportedLanguages).toEqual(['en', 'ar']);
  });

  it('when supported languages are listed twice, then duplicates are removed in first-seen order', () => {
    expect(applySettingsChange(base, { supportedLanguages: ['ar', 'en', 'ar', 'fr', 'en'] }).supportedLanguages).toEqual(['ar', 'en', 'fr']);
  });

  it('when the default language is added, then the current settings object is not changed', () => {
    const current = { ...base, supportedLanguages: ['ar'] };
    applySettingsChange(current, { defaultLanguage: 'en' });
    expect(current.supportedLanguages).toEqual(['ar']);
  });

  it('when other settings change, then they are taken as given', () => {
    expect(applySettingsChange(base, { autoCloseAfterDays: 30 })).toEqual({ ...base, autoCloseAfterDays: 30 });
  });

  it('when a change names a field but leaves it undefined, then that field keeps its current value', () => {
    const change = { timeZone: undefined, defaultLanguage: undefined, supportedLanguages: undefined } as Partial<WorkspaceSettings>;
    expect(applySettingsChange({ ...base, timeZone: 'Asia/Riyadh' }, change)).toEqual({ ...base, timeZone: 'Asia/Riyadh' });
  });
});

describe('time zone spelling', () => {
  it('when a time zone is typed in another case, then it is stored in its canonical spelling', () => {
    expect(applySettingsChange(defaultSettings, { timeZone: 'asia/riyadh' }).timeZone).toBe('Asia/Riyadh');
  });
});

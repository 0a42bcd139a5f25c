import { describe, expect, it } from 'vitest';
import { fill, launcherStrings, queueText, strings, waitText } from './strings.ts';

describe('the dictionaries', () => {
  it('when a string exists in English, then Arabic has it too, non-empty', () => {
    expect(Object.keys(strings.ar).sort()).toEqual(Object.keys(strings.en).sort());
    for (const value of [...Object.values(strings.ar), ...Object.values(strings.en)]) expect(value.trim()).not.toBe('');
    expect(Object.keys(launcherStrings.ar).sort()).toEqual(Object.keys(launcherStrings.en).sort());
  });

  it('when placeholders are filled, then unknown ones are left as they are', () => {
    expect(fill('{name} is typing…', { name: 'Huda' })).toBe('Huda is typing…');
    expect(fill('{n} and {m}', { n: '1' })).toBe('1 and {m}');
  });
});

describe('the honest wait line', () => {
  it('when the server has no basis for an estimate, then nothing is shown', () => {
    expect(waitText('en', null)).toBeNull();
    expect(waitText('ar', undefined)).toBeNull();
    expect(waitText('en', Number.NaN)).toBeNull();
    expect(waitText('en', -5)).toBeNull();
  });

  it('when there is an estimate, then it is rounded to whole minutes, at least one', () => {
    expect(waitText('en', 0)).toBe('Expected wait: about 1 minute');
    expect(waitText('en', 45)).toBe('Expected wait: about 1 minute');
    expect(waitText('en', 150)).toBe('Expected wait: about 3 minutes');
    expect(waitText('en', 600)).toBe('Expected wait: about 10 minutes');
  });

  it('when the language is Arabic, then the plural form agrees with the number', () => {
    const n = (x: number) => new Intl.NumberFormat('ar').format(x);
    expect(waitText('ar', 60)).toContain('دقيقة واحدة');
    expect(waitText('ar', 120)).toContain('دقيقتان');
    expect(waitText('ar', 300)).toContain(`${n(5)} دقائق`);
    expect(waitText('ar', 15 * 60)).toContain(`${n(15)} دقيقة`);
  });
});

describe('queue line', () => {
  it('when waiting, then it says the place and the wait; once an agent has it, who helps', () => {
    expect(queueText('en', { position: 2, estimatedWaitSeconds: 180 }, null)).toBe('You are number 2 in line · Expected wait: about 3 minutes');
    expect(queueText('ar', { position: 1, estimatedWaitSeconds: null }, null)).toBe(`ترتيبك في قائمة الانتظار: ${new Intl.NumberFormat('ar').format(1)}`);
    expect(queueText('en', { position: null, estimatedWaitSeconds: null }, 'Layla')).toBe('Layla is helping you');
    expect(queueText('en', { position: null, estimatedWaitSeconds: null }, null)).toBeNull();
  });
});

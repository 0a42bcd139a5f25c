import { describe, expect, it } from 'vitest';
import { instantOfWall, isKnownTimeZone, wallMsAt, zoneOffsetMs } from './zone-clock-rules.ts';

const wall = (iso: string) => Date.parse(`${iso}Z`); // local fields written as if UTC
const hour = 3_600_000;

describe('zone clock', () => {
  it('when zones sit east and west of UTC, then their offsets are read from Intl', () => {
    expect(zoneOffsetMs('Asia/Riyadh', Date.parse('2026-11-23T12:00:00Z'))).toBe(3 * hour);
    expect(zoneOffsetMs('Asia/Kolkata', Date.parse('2026-11-23T12:00:00Z'))).toBe(5.5 * hour);
    expect(zoneOffsetMs('America/Los_Angeles', Date.parse('2026-07-01T12:00:00Z'))).toBe(-7 * hour);
    expect(zoneOffsetMs('America/Los_Angeles', Date.parse('2026-11-23T12:00:00Z'))).toBe(-8 * hour);
  });

  it('when a wall time happens once, then converting it and back gives the same wall time', () => {
    const t = instantOfWall('Asia/Kolkata', wall('2026-11-23T09:30:00'));
    expect(new Date(t).toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(wallMsAt('Asia/Kolkata', t)).toBe(wall('2026-11-23T09:30:00'));
  });

  it('when London springs forward, then a wall time in the gap moves on by the gap', () => {
    expect(new Date(instantOfWall('Europe/London', wall('2026-03-29T01:30:00'))).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(new Date(instantOfWall('Europe/London', wall('2026-03-29T02:00:00'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('when London falls back, then a wall time that happens twice is its earlier instant', () => {
    expect(new Date(instantOfWall('Europe/London', wall('2026-10-25T01:30:00'))).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
    expect(new Date(instantOfWall('Europe/London', wall('2026-10-25T02:00:00'))).toISOString()).toBe('2026-10-25T02:00:00.000Z'); // 02:00 GMT
  });

  it('when New York changes clocks, then both directions convert as in London', () => {
    expect(new Date(instantOfWall('America/New_York', wall('2026-03-08T02:30:00'))).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(new Date(instantOfWall('America/New_York', wall('2026-11-01T01:30:00'))).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });

  it('when a zone is not IANA, then it is not known', () => {
    expect(isKnownTimeZone('Asia/Riyadh')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});

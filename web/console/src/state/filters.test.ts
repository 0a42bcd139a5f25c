import { describe, expect, it } from 'vitest';
import { toQueryString } from '../api/http';
import { defaultFilter, filterKey, filterToQuery, matchesFilter, parseStoredFilter, toggleStatus } from './filters';
import { conversation } from './test-data';

describe('filterToQuery', () => {
  it('when several statuses are chosen, then they become repeated parameters', () => {
    expect(toQueryString(filterToQuery({ ...defaultFilter, statuses: ['pending', 'open'] }))).toBe('?status=open&status=pending&sort=recent_activity');
  });

  it('when one status is chosen, then it is sent once', () => {
    expect(toQueryString(filterToQuery({ ...defaultFilter, statuses: ['open'] }))).toBe('?status=open&sort=recent_activity');
  });

  it('maps mine, unassigned, team and contact', () => {
    expect(filterToQuery({ owner: 'me', teamId: 't1', statuses: [], contactId: 'k1' })).toMatchObject({ owner: 'me', teamId: 't1', contactId: 'k1', status: undefined });
    expect(filterToQuery({ ...defaultFilter, owner: 'none' }).owner).toBe('none');
    expect(filterToQuery({ ...defaultFilter, owner: 'all' }).owner).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  it('checks owner, team, status and contact', () => {
    const c = conversation(1, { ownerId: 'me', teamId: 't1', status: 'pending' });
    expect(matchesFilter(c, defaultFilter, 'me')).toBe(true);
    expect(matchesFilter(c, { ...defaultFilter, owner: 'me' }, 'me')).toBe(true);
    expect(matchesFilter(c, { ...defaultFilter, owner: 'me' }, 'other')).toBe(false);
    expect(matchesFilter(c, { ...defaultFilter, owner: 'none' }, 'me')).toBe(false);
    expect(matchesFilter(c, { ...defaultFilter, teamId: 't2' }, 'me')).toBe(false);
    expect(matchesFilter(c, { ...defaultFilter, statuses: ['open'] }, 'me')).toBe(false);
    expect(matchesFilter(c, { ...defaultFilter, statuses: [] }, 'me')).toBe(true);
    expect(matchesFilter(c, { ...defaultFilter, contactId: 'contact-2' }, 'me')).toBe(false);
  });
});

describe('toggleStatus and filterKey', () => {
  it('toggles a status and keeps the canonical order', () => {
    expect(toggleStatus(['pending'], 'open')).toEqual(['open', 'pending']);
    expect(toggleStatus(['open', 'pending'], 'open')).toEqual(['pending']);
  });
  it('gives the same key whatever the order of statuses', () => {
    expect(filterKey({ ...defaultFilter, statuses: ['pending', 'open'] })).toBe(filterKey({ ...defaultFilter, statuses: ['open', 'pending'] }));
  });
});

describe('parseStoredFilter', () => {
  it('restores a saved filter but not the customer narrowing', () => {
    expect(parseStoredFilter(JSON.stringify({ owner: 'me', teamId: 't1', statuses: ['pending', 'open', 'bogus'], contactId: 'k' }))).toEqual({
      owner: 'me', teamId: 't1', statuses: ['open', 'pending'], contactId: null,
    });
  });
  it('falls back to the default on anything odd', () => {
    expect(parseStoredFilter(null)).toEqual(defaultFilter);
    expect(parseStoredFilter('{')).toEqual(defaultFilter);
    expect(parseStoredFilter('{"owner":"boss","statuses":7}')).toEqual({ ...defaultFilter, owner: 'all' });
  });
});

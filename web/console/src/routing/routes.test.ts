import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes';

const id = '01a207eb-925d-790e-b4c5-5109c4fd3236';

describe('routes', () => {
  it('reads the conversation id from the path', () => {
    expect(parseRoute(`/console/conversations/${id}`, '/console/')).toEqual({ conversationId: id });
    expect(parseRoute('/console/', '/console/')).toEqual({ conversationId: null });
    expect(parseRoute('/console', '/console/')).toEqual({ conversationId: null });
    expect(parseRoute('/console/conversations/not-an-id', '/console/')).toEqual({ conversationId: null });
  });
  it('builds paths that parse back', () => {
    expect(routePath({ conversationId: id }, '/console/')).toBe(`/console/conversations/${id}`);
    expect(parseRoute(routePath({ conversationId: id }, '/console/'), '/console/')).toEqual({ conversationId: id });
    expect(routePath({ conversationId: null }, '/console/')).toBe('/console/');
  });
  it('has a triage settings screen', () => {
    expect(parseRoute('/console/settings/triage', '/console/')).toEqual({ conversationId: null, screen: 'triage-settings' });
    expect(routePath({ conversationId: null, screen: 'triage-settings' }, '/console/')).toBe('/console/settings/triage');
    expect(parseRoute('/console/settings/other', '/console/')).toEqual({ conversationId: null });
  });
  it('has a supervisor screen and a routing rules screen', () => {
    expect(parseRoute('/console/supervisor', '/console/')).toEqual({ conversationId: null, screen: 'supervisor' });
    expect(parseRoute('/console/settings/routing', '/console/')).toEqual({ conversationId: null, screen: 'routing-rules' });
    expect(routePath({ conversationId: null, screen: 'supervisor' }, '/console/')).toBe('/console/supervisor');
    expect(routePath({ conversationId: null, screen: 'routing-rules' }, '/console/')).toBe('/console/settings/routing');
  });
  it('has a callbacks screen for every agent', () => {
    expect(parseRoute('/console/callbacks', '/console/')).toEqual({ conversationId: null, screen: 'callbacks' });
    expect(parseRoute('/console/callbacks/x', '/console/')).toEqual({ conversationId: null });
    expect(routePath({ conversationId: null, screen: 'callbacks' }, '/console/')).toBe('/console/callbacks');
  });
  it('has an email settings screen', () => {
    expect(parseRoute('/console/settings/email', '/console/')).toEqual({ conversationId: null, screen: 'email-settings' });
    expect(routePath({ conversationId: null, screen: 'email-settings' }, '/console/')).toBe('/console/settings/email');
  });
  it('has an SLA screen', () => {
    expect(parseRoute('/console/settings/sla', '/console/')).toEqual({ conversationId: null, screen: 'sla-settings' });
    expect(routePath({ conversationId: null, screen: 'sla-settings' }, '/console/')).toBe('/console/settings/sla');
  });
});

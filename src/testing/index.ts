export { testContext, type TestContext } from './test-context.ts';
export { createTestWorkspace, seedWorkspace, testPassword, type SeededWorkspace } from './seed.ts';
export { signIn, testApp, type Caller, type TestApp } from './http.ts';
export { postgresTestContext } from './postgres-context.ts';
export { TestSocket, type Frame } from './ws-client.ts';
export { chromiumPath, hasChromium, launchChromium, withScreenshots } from './browser.ts';
export { sampleFiles } from './files.ts';
export { startSmtpSink, type CaughtMail, type SmtpSink } from '../platform/mail/index.ts';

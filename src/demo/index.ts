export { seedDemoWorkspace, type DemoCredentials, type DemoOptions } from './seed-demo.ts';

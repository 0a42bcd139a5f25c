export { loadOrCreateSecrets, secretsFileName, type Secrets } from './secrets.ts';

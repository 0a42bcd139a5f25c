export { loadOrCreateSecrets, secretsFileName, type Secrets } from './secrets.ts';
export { openSecret, sealSecret } from './sealed.ts';

export { uuidv7, uuidPattern } from './uuid.ts';
export { keyedHash, randomToken, safeEqual } from './random-token.ts';

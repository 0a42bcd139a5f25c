export { contactMigrations } from './migrations.ts';
export { identityKinds, normalizeIdentity, toAsciiDigits, type Contact, type Identity, type IdentityKind } from './contact-rules.ts';
export {
  changeContact, createContact, createContactIn, findContactByIdentity, findOrCreateContactIn, getContact, getContactIn, listContacts, mergeContacts,
  type ContactInput,
} from './contact-commands.ts';
export { contactRoutes, ContactView, IdentitySchema } from './contact-routes.ts';

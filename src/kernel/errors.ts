/**
 * Every error a user can see carries a stable code and a clear message. The HTTP status lives
 * here too so the API, the CLI and tests agree on what each code means.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  INVALID_CURSOR: 400,
  INVALID_TIME_ZONE: 400,
  INVALID_IDENTITY: 400,
  IDENTITY_UNVERIFIED: 400,
  CURRENT_PASSWORD_WRONG: 400,
  TRANSFER_REASON_REQUIRED: 400,
  CALLBACK_WINDOW_INVALID: 400,
  ATTACHMENT_NOT_USABLE: 409,
  ATTACHMENT_NOT_FOUND: 404,
  INTENT_CATEGORY_NOT_FOUND: 404,
  INTENT_MODEL_NOT_FOUND: 404,
  TRANSFER_NOT_FOUND: 404,
  ROUTING_RULE_NOT_FOUND: 404,
  CALLBACK_NOT_FOUND: 404,
  MAILBOX_NOT_FOUND: 404,
  INBOUND_MAIL_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  WORKSPACE_NOT_FOUND: 404,
  AGENT_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  CONTACT_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  TEAM_NAME_TAKEN: 409,
  IDENTITY_TAKEN: 409,
  CONTACT_ALREADY_MERGED: 409,
  CONTACT_MERGE_INVALID: 409,
  INVALID_STATUS_TRANSITION: 409,
  CONVERSATION_CLOSED: 409,
  IDEMPOTENCY_CONFLICT: 409,
  AGENT_INACTIVE: 409,
  LAST_ADMIN: 409,
  INTENT_CATEGORY_TAKEN: 409,
  INTENT_CATEGORY_ARCHIVED: 409,
  NOT_ENOUGH_EXAMPLES: 409,
  CALLBACK_NOT_OPEN: 409,
  INTENT_MODEL_NOT_KEPT: 409,
  TRANSFER_NOT_PENDING: 409,
  TRANSFER_PENDING: 409,
  MAILBOX_ADDRESS_TAKEN: 409,
  INBOUND_MAIL_NOT_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ATTACHMENT_TYPE_REFUSED: 415,
  LOGIN_RATE_LIMITED: 429,
  MIGRATION_CHANGED: 500,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code];
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

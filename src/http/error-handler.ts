import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError, type ErrorCode } from '../kernel/index.ts';

function body(code: ErrorCode | string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns whatever went wrong into `{ error: { code, message } }` with the right status; never leaks internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.code(error.status).send(body(error.code, error.message, error.details));
    }
    if (error.validation) {
      const first = error.validation[0];
      const where = `${error.validationContext ?? 'input'}${first?.instancePath ?? ''}`;
      const extra = first?.keyword === 'additionalProperties'
        ? ` (unknown field "${String((first.params as { additionalProperty?: string }).additionalProperty)}")`
        : '';
      return reply.code(400).send(body('VALIDATION_FAILED', `${where} ${first?.message ?? 'is invalid'}${extra}`));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(body('MALFORMED_JSON', 'the request body is not valid JSON'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body('PAYLOAD_TOO_LARGE', 'the request body is too large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'));
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return reply.code(400).send(body('MALFORMED_JSON', 'the request body is not valid JSON'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(body('BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'something went wrong on our side; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(body('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

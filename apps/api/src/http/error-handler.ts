import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors } from './errors.js';
import { requestLocale } from './lang.js';

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { type?: string };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.malformedJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return errors.payloadTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return errors.unsupportedMediaType();
    default:
      break;
  }
  if (error instanceof SyntaxError) return errors.malformedJson();
  // PostgreSQL data exceptions (class 22: a value out of range, badly encoded, too long) come from
  // input validation missed; they are the client's error, not the server's.
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) return errors.invalidValue();
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'request.invalid', {
      zh: '请求无法处理',
      en: fastifyError.message ?? 'The request cannot be processed',
    });
  }
  return undefined;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(req);
  const message = locale === 'en' ? error.messages.en : error.messages.zh;
  if (req.url.startsWith('/fhir/')) {
    return reply
      .code(error.status)
      .type('application/fhir+json')
      .send({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: error.status === 404 ? 'not-found' : 'processing', details: { text: message }, diagnostics: error.code }],
      });
  }
  return reply.code(error.status).send({ error: { code: error.code, message, details: error.details } });
}

/**
 * Errors Fastify raises before routing (a malformed URL, a path parameter past `maxParamLength`):
 * passed as the `frameworkErrors` server option so they get the standard shape too.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? errors.uriTooLong() : error.code === 'FST_ERR_BAD_URL' ? errors.badUrl() : (toAppError(error) ?? errors.badUrl());
  return sendError(req, reply, appError);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError) {
      if (appError.status === 429) {
        const retry = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return sendError(req, reply, appError);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(
      req,
      reply,
      new AppError(500, 'server.internal', {
        zh: '服务器内部错误，已记录，请稍后再试',
        en: 'Internal error; it has been logged, please try again later',
      }),
    );
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, errors.routeNotFound()));
}

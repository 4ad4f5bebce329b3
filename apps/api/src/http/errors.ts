import type { ZodError } from 'zod';

export interface Messages {
  zh: string;
  en: string;
}

/**
 * The one error type. `code` is stable (clients branch on it), `status` is the HTTP status,
 * `messages` carries the text in both languages; the handler picks one per request.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export function issuesOf(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    code: issue.code,
    message: issue.message,
  }));
}

export const errors = {
  validation(where: 'body' | 'query' | 'params', issues: FieldIssue[]): AppError {
    const fields = [...new Set(issues.map((i) => i.path))].slice(0, 5).join(', ');
    return new AppError(
      400,
      'request.invalid',
      { zh: `请求内容有误（${fields}）`, en: `The request is not valid (${fields})` },
      { where, issues },
    );
  },
  malformedJson: () =>
    new AppError(400, 'request.malformed_json', { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }),
  unsupportedMediaType: () =>
    new AppError(415, 'request.unsupported_media_type', {
      zh: '不支持的内容类型',
      en: 'Unsupported content type',
    }),
  payloadTooLarge: () =>
    new AppError(413, 'request.too_large', { zh: '请求内容过大', en: 'The request is too large' }),
  invalidValue: () =>
    new AppError(400, 'request.invalid_value', { zh: '请求中的某个值无效或超出范围', en: 'A value in the request is not valid or out of range' }),
  badUrl: () => new AppError(400, 'request.bad_url', { zh: '请求地址无效', en: 'The request URL is not valid' }),
  uriTooLong: () => new AppError(414, 'request.uri_too_long', { zh: '请求地址过长', en: 'The request URL is too long' }),
  unauthenticated: () =>
    new AppError(401, 'auth.unauthenticated', { zh: '请先登录', en: 'Please sign in first' }),
  sessionExpired: () =>
    new AppError(401, 'auth.session_expired', { zh: '登录已过期，请重新登录', en: 'Your session has expired; sign in again' }),
  csrf: () =>
    new AppError(403, 'auth.csrf_failed', {
      zh: '安全校验失败，请刷新页面后重试',
      en: 'Security check failed; reload the page and try again',
    }),
  forbidden: () =>
    new AppError(403, 'auth.forbidden', { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' }),
  notFound: (what: Messages & { code: string }) =>
    new AppError(404, what.code, { zh: `${what.zh}不存在或无权查看`, en: `${what.en} not found` }),
  routeNotFound: () => new AppError(404, 'request.route_not_found', { zh: '接口不存在', en: 'No such endpoint' }),
  methodNotAllowed: () => new AppError(405, 'request.method_not_allowed', { zh: '不支持的请求方法', en: 'Method not allowed' }),
  versionConflict: (current?: number) =>
    new AppError(
      409,
      'record.version_conflict',
      { zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },
      current === undefined ? undefined : { currentVersion: current },
    ),
  duplicate: (field: string) =>
    new AppError(409, 'record.duplicate', { zh: `${field} 已存在`, en: `${field} already exists` }, { field }),
  illegalTransition: (from: string, action: string) =>
    new AppError(
      409,
      'workflow.illegal_transition',
      { zh: `当前状态（${from}）不允许执行“${action}”`, en: `"${action}" is not allowed in state ${from}` },
      { from, action },
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'request.rate_limited',
      { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
      { retryAfterSeconds },
    ),
} as const;

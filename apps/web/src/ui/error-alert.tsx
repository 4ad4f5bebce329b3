import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** The server's message (already in the UI language) with its code; a retry button when given. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation('common');
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = isApiError(error) ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={title ?? message}
      description={title ? message : code ? <span className="yl-muted">{t('error.code', { code })}</span> : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Field errors from a 400 `details.issues` list (`{ path: 'a.b', message }`), keyed by path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return {};
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string' && !out[issue.path]) out[issue.path] = issue.message;
  }
  return out;
}

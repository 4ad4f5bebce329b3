/**
 * Log serializers. Query strings can carry personal data (`/api/patients?residentId=…`, a search
 * for a name), so request URLs are logged with their query values replaced; headers carrying
 * credentials are redacted separately (`redact` in app.ts).
 */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const keys = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return `${url.slice(0, q)}?${keys.map((k) => `${encodeURIComponent(k)}=[redacted]`).join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number | undefined } | null;
}

export const logSerializers = {
  req(req: LoggedRequest) {
    return { method: req.method, url: redactQuery(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
  },
};

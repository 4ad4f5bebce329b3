import { IdParams } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { DocumentService } from './documents.service.js';

/** Raw upload types; the stored type is decided from the file's bytes, never from this header. */
const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'image/png', 'image/jpeg', 'application/dicom'];

function decodeName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return undefined;
  }
}

export function registerDocumentRoutes(r: Router, s: DocumentService): void {
  const tags = ['attachments'];
  r.app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: s.maxBytes }, (_req, body, done) => done(null, body));
  r.route({
    method: 'POST',
    url: '/api/attachments',
    summary: 'Upload a file (raw body; x-file-name header, URL-encoded). PDF, PNG, JPEG, DICOM, plain text.',
    tags,
    status: 201,
    bodyLimit: s.maxBytes,
    handler: ({ actor, req }) => {
      const body = req.body;
      const data = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : undefined;
      return s.upload(actor, { data, fileName: decodeName(req.headers['x-file-name']) });
    },
  });
  r.route({ method: 'GET', url: '/api/attachments/:id', summary: 'Attachment metadata (audited)', tags, params: IdParams, handler: ({ actor, params }) => s.metadata(actor, params.id) });
  r.route({
    method: 'GET',
    url: '/api/attachments/:id/content',
    summary: 'Attachment content (audited)',
    tags,
    params: IdParams,
    handler: async ({ actor, params, reply }) => {
      const { attachment, data } = await s.content(actor, params.id);
      reply
        .header('content-type', attachment.mime === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.mime)
        .header('content-length', String(data.length))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
      return reply.send(data);
    },
  });
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentMime } from '@yilian/contracts';

/** Content-addressed file store: a file lives at `<root>/<sha256[0:2]>/<sha256>`; identical files are stored once. */
export interface FileStore {
  put(data: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
}

export function createFileStore(root: string): FileStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  return {
    async put(data) {
      const sha = createHash('sha256').update(data).digest('hex');
      const target = pathOf(sha);
      const exists = await stat(target).then(
        (s) => s.size === data.length,
        () => false,
      );
      if (!exists) {
        await mkdir(join(root, sha.slice(0, 2)), { recursive: true });
        // Write then rename, so a reader never sees a half-written file.
        const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(tmp, data);
        await rename(tmp, target);
      }
      return sha;
    },
    get: (sha) => readFile(pathOf(sha)),
  };
}

/** The file's type from its first bytes (never from the client's name or header); undefined when not allowed. */
export function sniffMime(data: Buffer): AttachmentMime | undefined {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 132 && data.subarray(128, 132).toString('latin1') === 'DICM') return 'application/dicom';
  if (isPlainText(data)) return 'text/plain';
  return undefined;
}

function isPlainText(data: Buffer): boolean {
  const sample = data.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return false;
  }
  // Must be valid UTF-8 (a cut multi-byte character at the sample's end is tolerated).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < data.length ? sample.subarray(0, lastBoundary(sample)) : sample);
    return true;
  } catch {
    return false;
  }
}

function lastBoundary(buf: Buffer): number {
  let end = buf.length;
  while (end > 0 && end > buf.length - 4 && ((buf[end - 1] ?? 0) & 0xc0) === 0x80) end -= 1;
  return end > 0 && ((buf[end - 1] ?? 0) & 0xc0) === 0xc0 ? end - 1 : buf.length;
}

/** A safe display name: the last path segment, control characters removed, at most 200 characters. */
export function cleanFileName(raw: string): string | undefined {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.length > 0 && clean.length <= 200 && clean !== '.' && clean !== '..' ? clean : undefined;
}

import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Resident IDs (身份证号) are stored encrypted (AES-256-GCM) and matched through an HMAC-SHA256
 * keyed hash of the normalised ID. Both keys are derived from config.secretKey with distinct labels,
 * so the hash cannot be reversed by hashing candidate IDs without the secret.
 */
export interface PatientKeys {
  encryptionKey: Buffer;
  hashKey: Buffer;
}

export function derivePatientKeys(secretKey: string): PatientKeys {
  const derive = (label: string) => createHash('sha256').update(`yilian:${label}:`).update(secretKey).digest();
  return { encryptionKey: derive('patients.resident_id.enc'), hashKey: derive('patients.resident_id.hash') };
}

export function residentIdHash(keys: PatientKeys, normalisedId: string): string {
  return createHmac('sha256', keys.hashKey).update(normalisedId).digest('hex');
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptResidentId(keys: PatientKeys, normalisedId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  const data = Buffer.concat([cipher.update(normalisedId, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptResidentId(keys: PatientKeys, stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown resident ID encoding');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

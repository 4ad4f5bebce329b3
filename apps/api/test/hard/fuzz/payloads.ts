/** fast-check arbitraries for hostile input: strings, JSON shapes, query strings, headers, raw bodies. */
import fc from 'fast-check';

export const NASTY_STRINGS = [
  "' or 1=1 --",
  "'; drop table users; --",
  '"); delete from audit_events; --',
  '$1',
  '\\',
  '%',
  '_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '$' + '{7*7}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.png',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeff',
  '𠜎𠜱𠝹𠱓',
  '张三 李四',
  '=cmd|/C calc!A0',
  '   ',
  '',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  'x'.repeat(70_000),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Values of the wrong type, out of range, or hostile. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, -(2 ** 63), Number.MAX_SAFE_INTEGER, 1e308, [], {}),
  fc.integer(),
  fc.double(),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** encodeURIComponent, but lone surrogates become the (invalid) bytes of their CESU-8 form instead of throwing. */
export function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

export function deepNest(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Raw bodies sent with `content-type: application/json`. */
export const rawJsonBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    '[1,2',
    'null',
    '"str"',
    '42',
    'true',
    '{"a":1}{"b":2}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"a":1e99999}',
    '{"a":-0}',
    '\ufeff{}',
    deepNest(10_000, 'array'),
    deepNest(5_000, 'object'),
  ),
  fc.string({ maxLength: 200 }),
  // Invalid UTF-8 and truncated multi-byte sequences.
  fc.constantFrom(
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe6, 0x97, 0x22, 0x7d]),
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  ),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
);

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/JSON',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/json\tx',
);

export const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'page=-1',
    'page=0',
    'page=1e9',
    'page=abc',
    'pageSize=100000',
    'page=1&page=2',
    'q=%',
    'q=%E0%A4%A',
    'q=%00',
    'q=%ud800',
    '__proto__[x]=1',
    'constructor[prototype][x]=1',
    'q[]=1&q[]=2',
    'lang=en',
    'lang=../../etc',
    `q=${'a'.repeat(5000)}`,
    'institutionId=not-a-uuid',
    'from=2026-13-45T99:99:99Z',
    ';',
    '&&&',
    '=',
  ),
  fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'id', 'institutionId', 'status', 'tier', 'lang', 'x'), nastyString, { maxKeys: 3 }).map((d) =>
    Object.entries(d)
      .map(([k, v]) => `${k}=${enc(v).slice(0, 2000)}`)
      .join('&'),
  ),
);

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'accept-language': fc.constantFrom('', '*', 'en', 'xx-YY;q=abc', 'zh-CN,zh;q=0.9,en;q=0.8', 'a'.repeat(3000)),
    cookie: fc.constantFrom('yl_session=', 'yl_session=%', 'yl_lang=../x', 'yl_session=a; yl_session=b', '=;=;', 'yl_session="quoted"'),
    'x-csrf-token': fc.constantFrom('', 'x', 'a'.repeat(5000)),
    'idempotency-key': fc.constantFrom('', ' ', 'a'.repeat(1000), '\u00e9', '../../x'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1'),
  },
  { requiredKeys: [] },
);

// autocannon in its own process (pinned by the caller). Argument: a JSON LoadSpec. `[<id>]` in the body
// (and in header values) is replaced per request through setupRequest (the CLI's -I keeps the template's Content-Length).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const arg = process.argv[2];
const spec = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg);
let n = 0;
const prefix = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  // A fixed list of requests (each sent once, in order): `paths[i]` with `bodies[i]`.
  ...(spec.paths ? { amount: spec.paths.length } : {}),
  requests: [
    {
      method: spec.method ?? 'GET',
      headers: spec.headers ?? {},
      setupRequest(req) {
        if (spec.paths) {
          req.path = spec.paths[n % spec.paths.length];
          req.body = spec.bodies[n % spec.paths.length];
          n += 1;
          return req;
        }
        const id = `${prefix}${(n++).toString(36)}`;
        if (spec.body) req.body = spec.body.replaceAll('[<id>]', id);
        if (spec.headers) req.headers = Object.fromEntries(Object.entries(spec.headers).map(([k, v]) => [k, String(v).replaceAll('[<id>]', id)]));
        return req;
      },
    },
  ],
});
process.stdout.write(JSON.stringify(result));

/** Scenario 2 at 16 and 64 connections with several pg pool sizes: `tsx bench/experiments/pool-size.ts 5,10,20 [seconds]` */
import { throughput } from '../scenarios/throughput.js';

for (const poolSize of (process.argv[2] ?? '5,10,20').split(',').map(Number)) {
  const r = await throughput({ connections: [16, 64], seconds: Number(process.argv[3] ?? 5), runs: 1, poolSize });
  for (const x of r.results) console.log(JSON.stringify({ poolSize, connections: x.connections, ceiling: [x.ceiling.rps, x.ceiling.p50, x.ceiling.p99], api: [x.api.rps, x.api.p50, x.api.p99], ratio: x.ratio }));
}

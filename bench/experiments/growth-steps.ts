/** Scenarios 3/5/7 at chosen sizes, printed (the README table is left alone): `tsx bench/experiments/growth-steps.ts 100000,1000000` */
import { growth } from '../scenarios/growth.js';

const steps = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
await growth({
  steps,
  iterations: 140,
  rawIterations: 5,
  onStep: (s) => console.log(JSON.stringify(s)),
});

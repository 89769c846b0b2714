/** A seeded generator for what must come out the same every time: the demo's sample, the forecast's runs. */

/** A uniform draw in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator, good enough for a sample or a simulation and the same on every platform. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

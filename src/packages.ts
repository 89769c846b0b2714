/** The packages the bundle leaves outside (see scripts/build.mjs), loaded on first use. */
import { createRequire } from "node:module";

/** An ES module package, through import(). */
export function loadPackage<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}

/** A CommonJS package or a Node.js module, through require(): quicker, as no ES module loader has to start. */
export function requirePackage<T>(specifier: string): T {
  return createRequire(import.meta.url)(specifier) as T;
}

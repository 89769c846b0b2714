/**
 * The packages the bundle leaves outside (see scripts/build.mjs), loaded on
 * first use. The launcher (bin/acct.cjs) runs the bundle from a V8 code cache
 * and hands in its own import(): on Node 20, code compiled from a cache cannot
 * call import() itself ("A dynamic import callback was not specified").
 */
import { createRequire } from "node:module";

declare const __acctImport: ((specifier: string) => Promise<unknown>) | undefined;

/** An ES module package, through import(). */
export function loadPackage<T>(specifier: string): Promise<T> {
  return (typeof __acctImport === "function" ? __acctImport(specifier) : import(specifier)) as Promise<T>;
}

/** A CommonJS package or a Node.js module, through require(): quicker, as no ES module loader has to start. */
export function requirePackage<T>(specifier: string): T {
  return createRequire(import.meta.url)(specifier) as T;
}

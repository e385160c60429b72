import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type GeneratedTypes, type GenerateTypesOptions, generateTypes } from "./generate-types.js";
import { loadSpecSource } from "./load-spec-source.js";
import { OutOfDateError } from "./out-of-date-error.js";

/** Options of `typegen()`. */
export interface TypegenOptions extends GenerateTypesOptions {
  /** The spec: an object, a JSON file's path, or an http(s) URL. */
  readonly spec: object | string;
  /** The declaration file to write (`civis-api.d.ts`). Without it nothing is written; use `text`. */
  readonly out?: string;
  /** Compare with `out` instead of writing it, and reject with `OutOfDateError` when it differs. */
  readonly check?: boolean;
  /** Sent as HTTP Basic auth when `spec` is a URL. Default: none. */
  readonly apiKey?: string;
  /** The fetch used for a spec URL. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
}

/** What `typegen()` generated, and what it did with the file. */
export interface TypegenResult extends GeneratedTypes {
  /** False when `out` already held exactly this text (it is then left untouched). */
  readonly changed: boolean;
  /** Time spent generating, in ms (loading the spec not included). */
  readonly ms: number;
}

async function currentText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Node: writes a TypeScript declaration file for an API spec, for
 * `APIClient.create<CivisApi>()`. With `check`, fails when the file is out of date
 * instead, for a build or CI step. The file is only rewritten when it changes.
 */
export async function typegen(options: TypegenOptions): Promise<TypegenResult> {
  if (options.check && options.out === undefined) {
    throw new TypeError("typegen(): `check` compares with a file, so it needs `out`");
  }
  const spec = await loadSpecSource(options.spec, options);
  const started = performance.now();
  const generated = generateTypes(spec, options);
  const ms = performance.now() - started;
  if (options.out === undefined) return { ...generated, changed: true, ms };

  const existing = await currentText(options.out);
  const changed = existing !== generated.text;
  if (options.check) {
    if (changed) throw new OutOfDateError(options.out, existing === undefined);
  } else if (changed) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, generated.text);
  }
  return { ...generated, changed, ms };
}

import type { OperationDetail, Param, Schema } from "../internal.js";
import type { FlagValues } from "./parse-args.js";
import { UsageError } from "./usage-error.js";

function typesOf(schema: Schema): readonly string[] {
  if (Array.isArray(schema.type)) return schema.type as readonly string[];
  return typeof schema.type === "string" ? [schema.type] : [];
}

const isNumeric = (type: string): boolean => type === "integer" || type === "number";
const article = (type: string): string => (/^[aeiou]/.test(type) ? "an" : "a");

/** JSON when it parses, else the text itself. */
function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * Text where the spec wants a string (`--name 123` stays "123"); else JSON when it parses.
 * What the spec types as a number is checked here, so `--limit` alone or `--limit abc` is a
 * usage error naming the flag, not the API's 400 for `limit=true` after a request.
 */
function flagValue(flag: string, raw: string | true, schema: Schema | undefined): unknown {
  const types = schema ? typesOf(schema) : [];
  if (raw === true) {
    if (types.length > 0 && !types.includes("boolean"))
      throw new UsageError(`--${flag} needs a value (${article(types[0]!)} ${types.join(" or ")})`);
    return true;
  }
  if (types.length === 1 && types[0] === "string") return raw;
  const value = parsed(raw);
  // An array stays as given: `--ids '[1, 2]'` is the whole of an array parameter.
  if (types.length > 0 && types.every(isNumeric) && !Array.isArray(value)) {
    const integer = !types.includes("number");
    if (typeof value !== "number" || (integer && !Number.isInteger(value)))
      throw new UsageError(`--${flag} must be ${integer ? "an integer" : "a number"}, got ${raw}`);
  }
  return value;
}

/** The parameter a flag names: as written, else kebab-case read as snake_case. */
function paramOf(detail: OperationDetail, name: string): { key: string; param: Param | undefined } {
  const direct = detail.byName.get(name);
  if (direct) return { key: name, param: direct };
  const snake = name.replaceAll("-", "_");
  return { key: snake, param: detail.byName.get(snake) };
}

/**
 * API parameters from `--name value` flags. A repeated flag, or one whose parameter
 * is an array, gives an array. Unknown names are passed on: the client refuses them
 * with the list of accepted names.
 */
export function paramsFromFlags(
  flags: ReadonlyMap<string, FlagValues>,
  detail: OperationDetail,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, values] of flags) {
    const { key, param } = paramOf(detail, name);
    const isArray = param !== undefined && typesOf(param.schema).includes("array");
    const itemSchema = isArray ? param.schema.items : param?.schema;
    const given = values.map((v) => flagValue(name, v, itemSchema));
    const value = given.length > 1 || (isArray && !Array.isArray(given[0])) ? given : given[0];
    if (Object.hasOwn(params, key)) throw new UsageError(`--${name} is given twice`);
    Object.defineProperty(params, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return params;
}

/** `--json-body '{...}'`: an object of parameters, or, for a body that is one JSON value, that value. */
export function paramsFromJsonBody(text: string, detail: OperationDetail): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--json-body is not valid JSON (${(error as Error).message})`);
  }
  if (detail.wholeBody) return { [detail.wholeBody.snake]: body };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new UsageError("--json-body must be a JSON object of body parameters");
  }
  return body as Record<string, unknown>;
}

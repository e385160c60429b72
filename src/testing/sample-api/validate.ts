import { isPlainObject } from "./json.js";
import type { Schema } from "./swagger.js";

const TYPE_CHECKS: Readonly<Record<string, readonly [(value: unknown) => boolean, string]>> = {
  integer: [Number.isInteger, "an integer"],
  number: [Number.isFinite, "a number"],
  string: [(v) => typeof v === "string", "a string"],
  boolean: [(v) => typeof v === "boolean", "a boolean"],
  array: [Array.isArray, "an array"],
  object: [isPlainObject, "an object"],
};

export function resolveRef(
  definitions: Record<string, Schema>,
  schema: Schema | undefined,
): Schema {
  let current = schema;
  while (current?.$ref) current = definitions[current.$ref.replace("#/definitions/", "")];
  return current ?? {};
}

/**
 * Just enough JSON Schema to reject the mistakes a client generator makes: wrong types, missing
 * required fields, and snake_case keys where the API expects camelCase (unknown keys are
 * rejected, not silently dropped). Pushes one sentence per problem.
 */
export function validate(
  definitions: Record<string, Schema>,
  given: Schema | undefined,
  value: unknown,
  at: string,
  problems: string[],
): string[] {
  const schema = resolveRef(definitions, given);
  const label = at || "The request body";
  if (value === null) {
    if (schema.type) problems.push(`${label} must not be null.`);
    return problems;
  }
  const check = schema.type ? TYPE_CHECKS[schema.type] : undefined;
  if (check && !check[0](value)) {
    problems.push(`${label} must be ${check[1]}.`);
    return problems;
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    problems.push(`${label} must be one of: ${schema.enum.join(", ")}.`);
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      validate(definitions, schema.items, item, `${label}[${i}]`, problems);
    }
  }
  if (schema.type === "object" && isPlainObject(value)) {
    const { properties, additionalProperties } = schema;
    const required = schema.required ?? [];
    const path = (key: string) => (at ? `${at}.${key}` : key);
    for (const key of required) {
      if (value[key] === undefined) problems.push(`${path(key)} is required.`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item === null && !required.includes(key)) continue;
      if (properties && Object.hasOwn(properties, key)) {
        validate(definitions, properties[key], item, path(key), problems);
      } else if (isPlainObject(additionalProperties)) {
        validate(definitions, additionalProperties, item, path(key), problems);
      } else if (properties) {
        problems.push(`${path(key)} is not a known property.`);
      }
    }
  }
  return problems;
}

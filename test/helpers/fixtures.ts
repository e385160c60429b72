import { readFileSync } from "node:fs";

export type FixtureName =
  | "swagger2-basic"
  | "openapi3-basic"
  | "openapi31-basic"
  | "hostile-names"
  | "civis-python-rules";

/** A fresh copy of a fixture spec, so a test may change it without touching the others. */
export function loadFixture(name: FixtureName): Record<string, unknown> {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

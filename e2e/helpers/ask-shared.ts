import { inject } from "vitest";
import { assertBuilt } from "./paths.js";
import type { SharedAnswers } from "./shared-resources.js";

/** Asks vitest's process for something the test files share, made there on the first ask. */
export async function askShared<Name extends keyof SharedAnswers>(
  name: Name,
): Promise<SharedAnswers[Name]> {
  const response = await fetch(new URL(name, inject("sharedResources")));
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return JSON.parse(text) as SharedAnswers[Name];
}

/** The e2e tests run the built files: builds them when dist/ is stale, then checks they exist. */
export async function ensureBuilt(): Promise<void> {
  await askShared("built");
  assertBuilt();
}

import type { TestProject } from "vitest/node";
import { startSharedResources } from "./shared-resources.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where test files ask for what they share (e2e/helpers/shared-resources.ts). */
    sharedResources: string;
  }
}

/**
 * What the e2e files share (a build when dist/ is stale, one Chromium, one `npm pack`) is
 * made on a file's first ask, not here: global setup holds every test back until it
 * returns, and a run of unit tests alone needs none of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const resources = await startSharedResources();
  project.provide("sharedResources", resources.url);
  return () => resources.close();
}

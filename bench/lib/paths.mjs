import { fileURLToPath } from "node:url";

/** Paths derived from this file, so the bench runs from any clone and any working directory. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const benchDir = fileURLToPath(new URL("../", import.meta.url));
/** Scratch output (generated spec, bundles, profiles); ignored by biome and git. */
export const outDir = fileURLToPath(new URL("../out/", import.meta.url));
export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));
/** The real Civis spec sits beside the repo on the team's machines, never inside it. */
export const civisSpecPath = fileURLToPath(
  new URL("../../../shared/specs/civis_api_spec.json", import.meta.url),
);
/** bench/'s own packages (the peers, GitHub's spec), installed by `npm run bench`. */
export const benchModules = fileURLToPath(new URL("../node_modules/", import.meta.url));
export const githubSpecPath = fileURLToPath(
  new URL("../node_modules/@octokit/openapi/generated/api.github.com.json", import.meta.url),
);

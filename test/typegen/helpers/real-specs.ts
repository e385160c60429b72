import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = new URL("../../../", import.meta.url);

/** A large public spec the tests generate from when it is present. */
export interface RealSpec {
  readonly name: string;
  readonly path: string;
  readonly present: boolean;
  /** The parsed spec, as the runtime accepts it. */
  load(): unknown;
}

function realSpec(
  name: string,
  path: string,
  adapt: (spec: Record<string, unknown>) => void,
): RealSpec {
  const present = existsSync(path);
  if (!present)
    console.log(
      `typegen tests: the ${name} spec is not at ${path}; its tests are skipped` +
        (path.includes("/bench/") ? " (`npm install --prefix bench` brings it)" : ""),
    );
  return {
    name,
    path,
    present,
    load() {
      const spec = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
      adapt(spec);
      return spec;
    },
  };
}

/** The real Civis spec, beside the repository (never inside it). */
export const civisSpec = realSpec(
  "Civis API",
  fileURLToPath(new URL("../shared/specs/civis_api_spec.json", repoRoot)),
  () => {},
);

/**
 * GitHub's OpenAPI 3.0 spec, whole (its `GET /` is `root.list`): from `@octokit/openapi`, a
 * package of bench/ (385 MB installed), present once `npm run bench` or
 * `npm install --prefix bench` has run.
 */
export const githubSpec = realSpec(
  "GitHub REST API",
  fileURLToPath(
    new URL("bench/node_modules/@octokit/openapi/generated/api.github.com.json", repoRoot),
  ),
  () => {},
);

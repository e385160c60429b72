// Every area of the sample API, in the order the spec lists them; seeding follows `SEED_ORDER`
// so an area's seed can read the collections of those before it (everything nests users).
// A new area is one file exporting a `SampleArea` (its paths, definitions, handlers, seed, and
// `raw` for URLs outside the API such as presigned uploads), its collections added to
// `SampleData` by `declare module "../store.js"`, listed in both arrays below. Handlers read
// time from `now()` so tests can drive runs and logs with a clock of their own.
import type { SampleArea } from "../area.js";
import { databases } from "./databases.js";
import { files } from "./files.js";
import { imports } from "./imports.js";
import { jobs } from "./jobs.js";
import { jsonValues } from "./json-values.js";
import { preprocess } from "./preprocess.js";
import { scripts } from "./scripts.js";
import { sql } from "./sql.js";
import { users } from "./users.js";
import { workflows } from "./workflows.js";

export const AREAS: readonly SampleArea[] = [
  workflows,
  scripts,
  users,
  jsonValues,
  jobs,
  databases,
  files,
  preprocess,
  sql,
  imports,
];

export const SEED_ORDER: readonly SampleArea[] = [
  users,
  workflows,
  scripts,
  jsonValues,
  jobs,
  databases,
  files,
  preprocess,
  sql,
  imports,
];

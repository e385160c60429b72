// Every area of the sample API, in the order the spec lists them; seeding follows `SEED_ORDER`
// so an area's seed can read the collections of those before it (everything nests users).
import type { SampleArea } from "../area.js";
import { jsonValues } from "./json-values.js";
import { scripts } from "./scripts.js";
import { users } from "./users.js";
import { workflows } from "./workflows.js";

export const AREAS: readonly SampleArea[] = [workflows, scripts, users, jsonValues];

export const SEED_ORDER: readonly SampleArea[] = [users, workflows, scripts, jsonValues];

import type { JsonObject } from "../json.js";
import { isoAt } from "../results.js";
import { DAY, EPOCH, HOUR, MINUTE } from "../seed-clock.js";
import { type User, userSummary } from "./users.js";

// Sizes are chosen for the tests: 125 workflows of which 5 are archived, so the default
// (unarchived) list has 120 entries = 3 pages at limit 50 (50, 50, 20); workflow 1 has 7
// executions so paging its executions at limit 5 needs 2 pages.

export interface Schedule {
  scheduled: boolean;
  scheduledDays: number[];
  scheduledHours: number[];
  scheduledMinutes: number[];
  scheduledRunsPerHour: number | null;
}

export interface Notifications {
  urls: string[];
  successEmailSubject: string | null;
  successEmailBody: string | null;
  successEmailAddresses: string[];
  failureEmailAddresses: string[];
  stallWarningMinutes: number | null;
  successOn: boolean;
  failureOn: boolean;
}

export interface Workflow {
  id: number;
  name: string;
  description: string | null;
  definition: string;
  valid: boolean;
  state: string;
  schedule: Schedule;
  notifications: Notifications;
  timeZone: string;
  allowConcurrentExecutions: boolean;
  hidden: boolean;
  archived: boolean;
  myPermissionLevel: string;
  nextExecutionAt: string | null;
  user: ReturnType<typeof userSummary>;
  createdAt: string;
  updatedAt: string;
}

export interface Task {
  name: string;
  state: string;
  startedAt: string | null;
  finishedAt: string | null;
  subtasks: Task[];
}

export interface Execution {
  id: number;
  workflowId: number;
  state: string;
  mode: string;
  user: ReturnType<typeof userSummary>;
  targetTask: string | null;
  input: JsonObject;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tasks: Task[];
}

const WORKFLOW_NAMES = [
  "Nightly ETL",
  "Voter file refresh",
  "Survey ingest",
  "Model scoring",
  "Export to S3",
  "Email digest",
];

function definitionYaml(name: string): string {
  return [
    'version: "2.0"',
    "workflow:",
    `  description: ${JSON.stringify(name)}`,
    "  tasks:",
    "    extract:",
    "      action: civis.run_job",
    "      input: { job_id: 201 }",
    "      on-success: [transform]",
    "    transform:",
    "      action: civis.run_job",
    "      input: { job_id: 202 }",
    "",
  ].join("\n");
}

function seedWorkflow(i: number, users: readonly User[]): Workflow {
  const createdAt = EPOCH + i * HOUR;
  const scheduled = i % 3 === 0;
  let state = "idle";
  if (i === 3) state = "running";
  else if (i <= 2) state = "succeeded";
  else if (i % 5 === 0) state = "failed";
  return {
    id: i,
    name: `${WORKFLOW_NAMES[i % WORKFLOW_NAMES.length]} ${String(i).padStart(3, "0")}`,
    description: i % 4 === 0 ? null : `Sample workflow number ${i}.`,
    definition: definitionYaml(`Sample workflow ${i}`),
    valid: true,
    state,
    schedule: {
      scheduled,
      scheduledDays: scheduled ? [1, 2, 3, 4, 5] : [],
      scheduledHours: scheduled ? [6] : [],
      scheduledMinutes: scheduled ? [30] : [],
      scheduledRunsPerHour: null,
    },
    notifications: {
      urls: [],
      successEmailSubject: null,
      successEmailBody: null,
      successEmailAddresses: [],
      failureEmailAddresses: i % 2 === 0 ? ["data-team@example.com"] : [],
      stallWarningMinutes: null,
      successOn: true,
      failureOn: true,
    },
    timeZone: i % 2 === 0 ? "America/New_York" : "America/Chicago",
    allowConcurrentExecutions: false,
    hidden: false,
    archived: i % 25 === 0,
    myPermissionLevel: i % 10 === 0 ? "read" : "manage",
    nextExecutionAt: scheduled ? isoAt(EPOCH + 400 * DAY + 6.5 * HOUR) : null,
    user: userSummary(users[i % users.length]!),
    createdAt: isoAt(createdAt),
    updatedAt: isoAt(createdAt + (i % 7) * MINUTE),
  };
}

export const seedWorkflows = (users: readonly User[]): Workflow[] =>
  Array.from({ length: 125 }, (_, n) => seedWorkflow(n + 1, users));

// Three levels of nesting, to exercise the self-referencing WorkflowTask schema.
function seedTasks(state: string, start: string, end: string | null): Task[] {
  const done = state === "running" ? null : end;
  const task = (name: string, taskState: string, subtasks: Task[] = []): Task => ({
    name,
    state: taskState,
    startedAt: start,
    finishedAt: taskState === "running" ? null : done,
    subtasks,
  });
  return [
    task("extract", "succeeded"),
    task("transform", state, [task("clean", state, [task("dedupe", state)])]),
    task("load", state === "running" ? "queued" : state),
  ];
}

export function seedExecutions(users: readonly User[]): Execution[] {
  const plan: [number, string][] = [
    ...Array.from({ length: 7 }, (_, n): [number, string] => [
      1,
      n % 3 === 2 ? "failed" : "succeeded",
    ]),
    [2, "succeeded"],
    [2, "succeeded"],
    [3, "running"],
  ];
  return plan.map(([workflowId, state], n): Execution => {
    const createdAt = EPOCH + 200 * HOUR + n * HOUR;
    const startedAt = isoAt(createdAt + MINUTE);
    const finishedAt = state === "running" ? null : isoAt(createdAt + 11 * MINUTE);
    return {
      id: 1001 + n,
      workflowId,
      state,
      mode: n % 2 === 0 ? "scheduled" : "manual",
      user: userSummary(users[0]!),
      targetTask: null,
      input: n === 0 ? { region: "midwest", dryRun: false } : {},
      startedAt,
      finishedAt,
      createdAt: isoAt(createdAt),
      updatedAt: isoAt(createdAt + 11 * MINUTE),
      tasks: seedTasks(state, startedAt, finishedAt),
    };
  });
}

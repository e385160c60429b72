// Deterministic seed data for the sample API. Timestamps come from a fixed
// epoch rather than the clock so that snapshots and orderings are stable.
//
// Sizes are chosen for the tests: 125 workflows of which 5 are archived, so the
// default (unarchived) list has 120 entries = 3 pages at limit 50 (50, 50, 20);
// workflow 1 has 7 executions so paging its executions at limit 5 needs 2 pages.

const EPOCH = Date.parse("2024-01-01T00:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms) => new Date(ms).toISOString();

const WORKFLOW_NAMES = [
  "Nightly ETL",
  "Voter file refresh",
  "Survey ingest",
  "Model scoring",
  "Export to S3",
  "Email digest",
];

function definitionYaml(name) {
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

function seedUsers() {
  const createdAt = iso(EPOCH - 90 * 24 * HOUR);
  return [
    {
      id: 1,
      name: "Demo User",
      username: "demo.user",
      initials: "DU",
      email: "demo.user@example.com",
      online: true,
      active: true,
      organizationName: "Demo Organization",
      roles: ["sdm"],
      primaryGroupId: 10,
      groups: [{ id: 10, name: "Demo Organization" }],
      lastCheckedAnnouncements: iso(EPOCH - 24 * HOUR),
      featureFlags: { workflowsUi: true, newScriptEditor: false, sampleApiFaults: true },
      createdAt,
      updatedAt: createdAt,
    },
    {
      id: 2,
      name: "Ada Analyst",
      username: "ada.analyst",
      initials: "AA",
      email: "ada.analyst@example.com",
      online: false,
      active: true,
      organizationName: "Demo Organization",
      roles: [],
      primaryGroupId: 10,
      groups: [
        { id: 10, name: "Demo Organization" },
        { id: 11, name: "Analytics" },
      ],
      lastCheckedAnnouncements: null,
      featureFlags: { workflowsUi: false, newScriptEditor: true, sampleApiFaults: false },
      createdAt,
      updatedAt: createdAt,
    },
  ];
}

const summary = ({ id, name, username, initials, online }) => ({
  id,
  name,
  username,
  initials,
  online,
});

function seedWorkflow(i, users) {
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
    nextExecutionAt: scheduled ? iso(EPOCH + 400 * 24 * HOUR + 6.5 * HOUR) : null,
    user: summary(users[i % users.length]),
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt + (i % 7) * MINUTE),
  };
}

// Three levels of nesting, to exercise the self-referencing WorkflowTask schema.
function seedTasks(state, start, end) {
  const done = state === "running" ? null : end;
  const task = (name, taskState, subtasks = []) => ({
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

function seedExecutions(users) {
  const plan = [
    ...Array.from({ length: 7 }, (_, n) => [1, n % 3 === 2 ? "failed" : "succeeded"]),
    [2, "succeeded"],
    [2, "succeeded"],
    [3, "running"],
  ];
  return plan.map(([workflowId, state], n) => {
    const createdAt = EPOCH + 200 * HOUR + n * HOUR;
    const startedAt = iso(createdAt + MINUTE);
    const finishedAt = state === "running" ? null : iso(createdAt + 11 * MINUTE);
    return {
      id: 1001 + n,
      workflowId,
      state,
      mode: n % 2 === 0 ? "scheduled" : "manual",
      user: summary(users[0]),
      targetTask: null,
      input: n === 0 ? { region: "midwest", dryRun: false } : {},
      startedAt,
      finishedAt,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + 11 * MINUTE),
      tasks: seedTasks(state, startedAt, finishedAt),
    };
  });
}

function seedScripts(users) {
  const names = [
    "Geocode addresses",
    "Deduplicate contacts",
    "Refresh dashboards",
    "Score turnout model",
  ];
  return names.map((name, n) => {
    const createdAt = EPOCH + 300 * HOUR + n * HOUR;
    return {
      id: 201 + n,
      name,
      type: "Custom",
      fromTemplateId: 42,
      state: n === 0 ? "succeeded" : n === 1 ? "failed" : "idle",
      arguments: n === 0 ? { batchSize: 500, source: "voters_2024" } : {},
      environmentVariables: n === 0 ? { LOG_LEVEL: "info" } : {},
      user: summary(users[n % users.length]),
      archived: false,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + (4 - n) * MINUTE),
    };
  });
}

function seedRuns() {
  const plan = [
    [201, "succeeded", null],
    [201, "failed", "Geocoder quota exceeded."],
    [201, "succeeded", null],
    [202, "failed", "Table contacts does not exist."],
  ];
  return plan.map(([scriptId, state, error], n) => {
    const createdAt = EPOCH + 310 * HOUR + n * HOUR;
    return {
      id: 3001 + n,
      scriptId,
      state,
      isCancelRequested: false,
      createdAt: iso(createdAt),
      startedAt: iso(createdAt + MINUTE),
      finishedAt: iso(createdAt + 3 * MINUTE),
      error,
    };
  });
}

function seedJsonValues() {
  return [
    { id: 501, name: "dashboard-config", value: { theme: "dark", panels: [1, 2, 3] } },
    { id: 502, name: "turnout-threshold", value: 0.75 },
    { id: 503, name: "regions", value: ["midwest", "south", "west"] },
  ];
}

const byId = (records) => new Map(records.map((record) => [record.id, record]));
const nextAfter = (map) => Math.max(0, ...map.keys()) + 1;

/** Fresh, independent seed data: Maps keyed by id, plus the next id per collection. */
export function seedData() {
  const userList = seedUsers();
  const users = byId(userList);
  const workflows = byId(Array.from({ length: 125 }, (_, n) => seedWorkflow(n + 1, userList)));
  const executions = byId(seedExecutions(userList));
  const scripts = byId(seedScripts(userList));
  const runs = byId(seedRuns());
  const jsonValues = byId(seedJsonValues());
  return {
    currentUserId: 1,
    users,
    workflows,
    executions,
    scripts,
    runs,
    jsonValues,
    nextId: {
      workflows: nextAfter(workflows),
      executions: nextAfter(executions),
      scripts: nextAfter(scripts),
      jsonValues: nextAfter(jsonValues),
    },
  };
}

// "Run a job": starts a run with civis.runJob and watches it, its state, elapsed time, its log
// as it grows (civis.jobLogs) and its outputs, with a Cancel button. Built only on the UMD
// global `civis`; the client comes from the page (whatever spec source is loaded).

/* global civis */

import { h, replace } from "./dom.js";

const SAMPLE_JOBS = [
  [301, "Refresh voter file"],
  [302, "Score turnout model (fails)"],
  [303, "Export contacts (fails, error only in its log)"],
  [304, "Backfill history (runs an hour: try Cancel)"],
];

/**
 * @param {HTMLElement} container
 * @param {() => unknown} getClient the page's current client, or undefined before one is loaded
 * @param {{ pollingIntervalMs?: number }} [options]
 */
export function mountJobsPanel(container, getClient, { pollingIntervalMs = 500 } = {}) {
  const jobInput = h("input", {
    id: "job-id",
    type: "number",
    min: "1",
    value: "301",
    list: "sample-jobs",
    "data-testid": "job-id",
  });
  const runButton = h("button", { type: "submit", class: "primary" }, "Run");
  const cancelButton = h(
    "button",
    { type: "button", class: "secondary", disabled: true },
    "Cancel",
  );
  const state = h("span", { "data-testid": "job-state" }, "idle");
  const elapsed = h("span", { "data-testid": "job-elapsed" }, "");
  const log = h("pre", { class: "job-log", "data-testid": "job-log", "aria-live": "polite" });
  const outputs = h("ul", { "data-testid": "job-outputs" });
  const error = h("p", { class: "job-error", "data-testid": "job-error", hidden: true });
  const link = h("a", { "data-testid": "job-link", target: "_blank", rel: "noreferrer" });
  let current;

  async function run(event) {
    event.preventDefault();
    const client = getClient();
    if (!client || current) return;
    const jobId = Number(jobInput.value);
    const started = performance.now();
    const controller = new AbortController();
    replace(log);
    replace(outputs);
    error.hidden = true;
    state.textContent = "starting";
    runButton.disabled = true;
    const tick = setInterval(() => {
      elapsed.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    }, 100);
    let following;
    const future = civis.runJob(client, jobId, {
      pollingIntervalMs,
      signal: controller.signal,
      onUpdate: (answer, f) => {
        state.textContent = String(answer.state);
        cancelButton.disabled = f.done();
        if (f.run_url) {
          link.href = f.run_url;
          link.textContent = `Job ${f.job_id} run ${f.run_id}`;
        }
        following ??= follow(client, f.job_id, f.run_id, controller.signal).catch((e) => {
          log.append(`(the log stopped: ${e?.message ?? e})\n`);
        });
      },
    });
    current = future;
    cancelButton.disabled = false;
    try {
      await future;
      for (const output of await future.outputs()) {
        const value =
          output.object_type === "JSONValue" ? ` = ${JSON.stringify(output.value)}` : "";
        outputs.append(h("li", null, `${output.object_type} ${output.name}${value}`));
      }
    } catch (failure) {
      state.textContent = future.state ?? "error";
      error.hidden = false;
      error.textContent = failure?.message ?? String(failure);
    } finally {
      await following;
      clearInterval(tick);
      elapsed.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      current = undefined;
      runButton.disabled = false;
      cancelButton.disabled = true;
    }
  }

  /** Appends the run's log lines as they appear, until its log is complete. */
  async function follow(client, jobId, runId, signal) {
    for await (const entry of civis.jobLogs(client, jobId, runId, { signal, pollingIntervalMs })) {
      log.append(`${entry.message}\n`);
    }
  }

  async function cancel() {
    cancelButton.disabled = true;
    await current?.cancel();
  }

  cancelButton.addEventListener("click", cancel);
  replace(
    container,
    h("h2", null, "Run a job"),
    h(
      "form",
      { class: "job-form", onsubmit: run },
      h("label", { for: "job-id" }, "Job id"),
      jobInput,
      h(
        "datalist",
        { id: "sample-jobs" },
        SAMPLE_JOBS.map(([id, name]) => h("option", { value: String(id) }, name)),
      ),
      runButton,
      cancelButton,
    ),
    h("p", null, "State: ", state, " · ", elapsed, " · ", link),
    error,
    h("h3", null, "Log"),
    log,
    h("h3", null, "Outputs"),
    outputs,
  );
}

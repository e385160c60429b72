// The result of one call: status, figures (time, requests, retries, rate limit), the retries
// one by one, the headers and the snake_case JSON.

import { h, replace } from "./dom.js";

function headersTable(headers) {
  const rows = headers ? [...headers.entries()] : [];
  return h(
    "details",
    { class: "headers" },
    h("summary", null, `Headers (${rows.length})`),
    h(
      "table",
      null,
      h(
        "thead",
        null,
        h("tr", null, h("th", { scope: "col" }, "Header"), h("th", { scope: "col" }, "Value")),
      ),
      h(
        "tbody",
        null,
        rows.map(([name, value]) =>
          h("tr", null, h("th", { scope: "row" }, name), h("td", null, value)),
        ),
      ),
    ),
  );
}

export function headerInt(headers, name) {
  const value = headers?.get(name);
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

function figure(label, value, testId) {
  return h(
    "div",
    { class: "figure" },
    h("dt", null, label),
    h("dd", { "data-testid": testId }, value),
  );
}

function retryList(retries) {
  if (retries.length === 0) return null;
  return h(
    "ol",
    { class: "retries", "aria-label": "Retries" },
    retries.map((info) =>
      h(
        "li",
        null,
        `Attempt ${info.attempt} got ${info.status ?? "no answer"}`,
        info.status === undefined ? ` (${info.error?.message ?? "connection failed"})` : "",
        `; waited ${(info.waitMs / 1000).toFixed(1)} s before retrying`,
      ),
    ),
  );
}

/** What one call produced, drawn into the result area. */
export function renderResult(
  target,
  { ok, status, statusText, ms, log, rate, headers, body, error },
) {
  const requests = log.attempts.length;
  replace(
    target,
    h(
      "div",
      { class: `result-head ${ok ? "ok" : "failed"}` },
      h(
        "span",
        { class: "status", "data-testid": "status" },
        status ? `${status} ${statusText ?? ""}`.trim() : "no answer",
      ),
      h(
        "dl",
        { class: "figures" },
        figure("time", `${Math.round(ms)} ms`, "time"),
        figure("requests", String(requests), "requests"),
        figure("retries", String(log.retries.length), "retries"),
        figure("calls_remaining", rate.remaining ?? "n/a", "calls-remaining"),
        figure("rate_limit", rate.limit ?? "n/a", "rate-limit"),
      ),
    ),
    retryList(log.retries),
    error ? h("p", { class: "error", role: "alert" }, error) : null,
    headersTable(headers),
    body === undefined
      ? null
      : h(
          "pre",
          { class: "json", "data-testid": "response-json", tabindex: "0" },
          JSON.stringify(body, null, 2),
        ),
  );
}

// The Try it panel: a form built from a method's parameters, the call it makes through the
// client, and what came back (snake_case JSON, status, headers, rate limit, time, retries).

import { codeLine } from "./code-line.js";
import { h, replace } from "./dom.js";
import { headerInt, renderResult } from "./result-view.js";
import { inputKind, parseJson, parseValue, pathValue, skeleton } from "./values.js";

function faultId() {
  return globalThis.crypto?.randomUUID?.() ?? String(Math.random()).slice(2);
}

function fieldLabel(entry, required) {
  return [
    h("code", null, entry.name),
    h("span", { class: "field-type" }, ` ${entry.type}${required ? ", required" : ""}`),
  ];
}

function inputField(entry, id, required) {
  const kind = inputKind(entry.type);
  if (kind === "checkbox") {
    const input = h("input", { type: "checkbox", id, "data-param": entry.name });
    const hint = entry.name === "iterator" ? " (iterate all pages)" : "";
    return {
      entry,
      input,
      row: h(
        "div",
        { class: "field field-check" },
        input,
        h("label", { for: id }, ...fieldLabel(entry, required), hint),
      ),
    };
  }
  const input = h("input", {
    type: kind,
    id,
    "data-param": entry.name,
    required: required || undefined,
    step: kind === "number" ? "any" : undefined,
    placeholder: entry.type.startsWith("array") ? "comma-separated" : undefined,
    autocomplete: "off",
    spellcheck: "false",
  });
  return {
    entry,
    input,
    row: h(
      "div",
      { class: "field" },
      h("label", { for: id }, ...fieldLabel(entry, required)),
      input,
    ),
  };
}

/**
 * @param {{ client: object, doc: ReturnType<typeof civis.describeMethod>, recorder: ReturnType<
 *   typeof import("./recorder.js").createRecorder>, canFault: boolean }} options
 */
export function tryIt({ client, doc, recorder, canFault }) {
  // Path fields in doc.pathParams's order: the order the call takes them (the spec's, as civis-python).
  const pathEntries = doc.pathParams.map(
    (name) =>
      doc.params.find((entry) => entry.in === "path" && entry.name === name) ?? {
        name,
        type: "string",
        optional: false,
        description: "",
        children: [],
      },
  );
  const otherEntries = doc.params.filter((entry) => entry.in !== "path");
  // Query, header and client options get one input each; body properties share a JSON editor.
  const bodyEntries = otherEntries.filter((entry) => entry.in === "body");

  const pathFields = pathEntries.map((entry, i) => inputField(entry, `try-path-${i}`, true));
  const queryFields = otherEntries
    .filter((entry) => entry.in !== "body")
    .map((entry, i) => inputField(entry, `try-param-${i}`, !entry.optional));
  const editor = bodyEntries.length
    ? h("textarea", {
        id: "try-body",
        class: "json-editor",
        rows: "10",
        spellcheck: "false",
        "aria-describedby": "try-body-hint",
      })
    : null;
  const setSkeleton = (requiredOnly) => {
    editor.value = JSON.stringify(skeleton(bodyEntries, requiredOnly), null, 2);
    updateCode();
  };

  const fault = canFault ? h("input", { type: "checkbox", id: "try-fault" }) : null;
  const code = h("code", { class: "code-line", "data-testid": "code-line" });
  const copy = h("button", { type: "button", class: "secondary" }, "Copy");
  const send = h("button", { type: "submit", class: "primary" }, "Send request");
  const cancel = h("button", { type: "button", class: "secondary", hidden: true }, "Cancel");
  const result = h("div", { class: "result", "aria-live": "polite", "data-testid": "result" });
  let controller;

  function readCall() {
    const pathArgs = pathFields.map(({ entry, input }) => pathValue(entry.type, input.value));
    const params = {};
    for (const { entry, input } of queryFields) {
      if (input.type === "checkbox") {
        if (input.checked) params[entry.name] = true;
      } else if (input.value.trim() !== "") {
        params[entry.name] = parseValue(entry.name, entry.type, input.value);
      }
    }
    if (editor && editor.value.trim() !== "") {
      const body = parseJson("The JSON body", editor.value);
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw new Error("The JSON body must be an object of parameters");
      }
      Object.assign(params, body);
    }
    const headers = fault?.checked
      ? { "X-Sample-Fault": `503;retry-after=1;times=1;id=${faultId()}` }
      : undefined;
    return { pathArgs, params, headers };
  }

  function updateCode() {
    try {
      const { pathArgs, params, headers } = readCall();
      code.textContent = codeLine({
        resource: doc.resource,
        name: doc.name,
        pathArgs,
        pathNames: doc.pathParams,
        params,
        init: headers ? { headers: { "X-Sample-Fault": "503;retry-after=1;times=1" } } : undefined,
      });
    } catch (error) {
      code.textContent = `// ${error.message}`;
    }
  }

  async function run(event) {
    event.preventDefault();
    let call;
    try {
      call = readCall();
    } catch (error) {
      replace(result, h("p", { class: "error", role: "alert" }, error.message));
      return;
    }
    controller = new AbortController();
    send.disabled = true;
    cancel.hidden = false;
    replace(result, h("p", { class: "muted", "data-testid": "pending" }, "Waiting for the API…"));
    const log = recorder.begin();
    const started = performance.now();
    const init = { signal: controller.signal, ...(call.headers ? { headers: call.headers } : {}) };
    try {
      const method = client[doc.resource][doc.name];
      const answer = method(...call.pathArgs, call.params, init);
      // `iterator: true` gives a PaginatedResponse at once; json() walks every page.
      const response = call.params.iterator === true ? answer : await answer;
      const body =
        call.params.iterator === true ? await answer.json() : (response?.json?.() ?? response);
      const last = client.last_response;
      const attempt = log.attempts.at(-1);
      renderResult(result, {
        ok: true,
        status: attempt?.status,
        statusText: attempt?.statusText,
        ms: performance.now() - started,
        log,
        rate: { remaining: last?.calls_remaining, limit: last?.rate_limit },
        headers: attempt?.headers,
        body,
      });
    } catch (error) {
      const attempt = log.attempts.at(-1);
      renderResult(result, {
        ok: false,
        status: error?.status_code ?? attempt?.status,
        statusText: attempt?.statusText,
        ms: performance.now() - started,
        log,
        rate: {
          remaining: headerInt(attempt?.headers, "x-ratelimit-remaining"),
          limit: headerInt(attempt?.headers, "x-ratelimit-limit"),
        },
        headers: attempt?.headers,
        error: `${error?.name ?? "Error"}: ${error?.message ?? error}`,
      });
    } finally {
      recorder.end();
      send.disabled = false;
      cancel.hidden = true;
      if (fault) fault.checked = false;
      updateCode();
    }
  }

  cancel.addEventListener("click", () => controller?.abort());
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      copy.textContent = "Copied";
    } catch {
      // Without clipboard access, select the line so Ctrl+C works.
      getSelection()?.selectAllChildren(code);
      copy.textContent = "Selected";
    }
    setTimeout(() => {
      copy.textContent = "Copy";
    }, 1500);
  });

  const form = h(
    "form",
    {
      class: "try-form",
      novalidate: undefined,
      onsubmit: run,
      oninput: updateCode,
      onchange: updateCode,
    },
    pathFields.length
      ? h(
          "fieldset",
          null,
          h("legend", null, "Path parameters"),
          pathFields.map((f) => f.row),
        )
      : null,
    queryFields.length
      ? h(
          "fieldset",
          null,
          h("legend", null, "Query parameters"),
          queryFields.map((f) => f.row),
        )
      : null,
    editor
      ? h(
          "fieldset",
          null,
          h("legend", null, "Parameters (JSON body)"),
          h("label", { for: "try-body", class: "visually-hidden" }, "JSON parameters"),
          editor,
          h(
            "p",
            { id: "try-body-hint", class: "hint" },
            "snake_case names, as in the docs. Remove the keys you do not want to send. ",
            h(
              "button",
              { type: "button", class: "link", onclick: () => setSkeleton(false) },
              "All properties",
            ),
            " · ",
            h(
              "button",
              { type: "button", class: "link", onclick: () => setSkeleton(true) },
              "Required only",
            ),
          ),
        )
      : null,
    fault
      ? h(
          "div",
          { class: "field field-check fault" },
          fault,
          h(
            "label",
            { for: "try-fault" },
            "Make the sample API answer ",
            h("code", null, "503"),
            " with ",
            h("code", null, "Retry-After: 1"),
            " first (watch the retry)",
          ),
        )
      : null,
    h("div", { class: "actions" }, send, cancel),
  );
  // Start with the required keys only: a Send then creates or changes nothing the person did
  // not ask for (a PATCH would blank out fields, a POST would send placeholder values).
  if (editor) setSkeleton(true);
  updateCode();

  return h(
    "section",
    { class: "try-it", "aria-labelledby": "try-title" },
    h("h2", { id: "try-title" }, "Try it"),
    form,
    h("div", { class: "code-row" }, code, copy),
    result,
  );
}

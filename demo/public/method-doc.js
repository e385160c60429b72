// A method's documentation in the layout of `help()`, drawn from civis.describeMethod(), the
// model `help()` text is written from. Every piece of spec text goes in as a text node.

import { h } from "./dom.js";

function entryList(entries, nested) {
  if (entries.length === 0) return null;
  return h(
    "ul",
    { class: nested ? "doc-entries nested" : "doc-entries" },
    entries.map((entry) =>
      h(
        "li",
        null,
        h(
          "div",
          { class: "entry-head" },
          h("code", { class: "entry-name" }, entry.name),
          " : ",
          h("span", { class: "entry-type" }, entry.type),
          entry.optional ? h("span", { class: "entry-optional" }, ", optional") : null,
        ),
        entry.description ? h("p", { class: "entry-description" }, entry.description) : null,
        entryList(entry.children, true),
      ),
    ),
  );
}

/** The call's shape, e.g. `client.workflows.list_executions(id, params?)`. */
export function signature(doc) {
  const args = [...doc.pathParams];
  if (doc.params.length > doc.pathParams.length) args.push("params?");
  return `client.${doc.resource}.${doc.name}(${args.join(", ")})`;
}

/**
 * @param {ReturnType<typeof civis.describeMethod>} doc
 * @param {string} helpText the method's `doc`: what `help()` prints
 */
export function methodDoc(doc, helpText) {
  const textView = h("pre", { class: "help-text", hidden: true, tabindex: "0" }, helpText);
  const htmlView = h(
    "div",
    { class: "doc-html" },
    doc.description && doc.description !== doc.summary
      ? h("p", { class: "doc-description" }, doc.description)
      : null,
    h(
      "p",
      { class: "api-url" },
      h("span", { class: "label" }, "API URL: "),
      h("code", null, `${doc.verb} ${doc.path}`),
    ),
    h("h3", null, "Parameters"),
    entryList(doc.params, false) ?? h("p", { class: "muted" }, "None."),
    h("h3", null, "Returns"),
    h(
      "p",
      { class: "returns" },
      h("code", { class: "entry-type" }, doc.returns.type),
      doc.returns.status ? ` (${doc.returns.status}` : null,
      doc.returns.status && doc.returns.description ? `: ${doc.returns.description})` : null,
      doc.returns.status && !doc.returns.description ? ")" : null,
    ),
    entryList(doc.returns.fields, false),
  );
  const toggle = h("input", {
    type: "checkbox",
    id: "show-help-text",
    onchange: () => {
      textView.hidden = !toggle.checked;
      htmlView.hidden = toggle.checked;
    },
  });
  return h(
    "article",
    { class: "method-doc", "aria-labelledby": "method-title" },
    h(
      "header",
      { class: "doc-header" },
      h(
        "h2",
        { id: "method-title" },
        h("span", { class: `verb verb-${doc.verb.toLowerCase()}` }, doc.verb),
        " ",
        h("span", { class: "doc-name" }, `${doc.resource}.${doc.name}`),
      ),
      h("p", { class: "signature" }, h("code", null, signature(doc))),
      doc.summary ? h("p", { class: "doc-summary" }, doc.summary) : null,
      doc.deprecation
        ? h(
            "p",
            { class: "deprecation", role: "note" },
            h("strong", null, "Deprecated: "),
            doc.deprecation,
          )
        : null,
      h("label", { class: "switch" }, toggle, " Show the plain help() text"),
    ),
    htmlView,
    textView,
  );
}

import type { ApiModel, Operation } from "../description/types.js";
import { type DocEntry, methodDocModel } from "./doc-model.js";
import { wrap } from "./wrap.js";

/** Lines of one entry at `indent`; nested entries (all but top-level parameters) start with `- `. */
function entryLines(entry: DocEntry, indent: string, out: string[]): void {
  out.push(
    `${indent}${indent && "- "}${entry.name} : ${entry.type}${entry.optional ? ", optional" : ""}`,
  );
  const inner = `${indent}    `;
  if (entry.description) {
    out.push(wrap(entry.description, inner));
    // civis-python sets a described property's nested list apart with a blank line.
    if (entry.children.length > 0) out.push("");
  }
  for (const child of entry.children) entryLines(child, inner, out);
}

/**
 * A method's help text in the civis-python layout: summary, `API URL`,
 * `Parameters` (nested body properties with `- `), `Returns`.
 */
export function methodDoc(model: ApiModel, op: Operation): string {
  const doc = methodDocModel(model, op);
  const out: string[] = [];
  if (doc.summary) out.push(wrap(doc.summary, ""), "");
  out.push(`API URL: ${doc.verb} ${doc.path}`, "");
  if (doc.deprecation) {
    // The spec's own "Warning:" label gives way to ours, not doubled.
    out.push(wrap(`Deprecated: ${doc.deprecation.replace(/^warning:\s*/i, "")}`, ""), "");
  }
  if (doc.params.length > 0) {
    out.push("Parameters", "----------");
    for (const entry of doc.params) entryLines(entry, "", out);
    out.push("");
  }
  out.push("Returns", "-------", doc.returns.type);
  if (doc.returns.fields.length > 0) {
    for (const entry of doc.returns.fields) entryLines(entry, "    ", out);
  } else {
    const status = `Response code ${doc.returns.status}: ${doc.returns.description || "no content"}`;
    // The spec's description can be long; every help line stays within 79 columns.
    out.push(wrap(status, "    "));
  }
  return out.join("\n");
}

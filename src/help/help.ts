import { methodOperations, resourceOperations } from "../build/build-resource.js";
import { clientInfo } from "../client/client-internals.js";
import type { Operation } from "../spec/types.js";
import { methodDoc } from "./method-doc.js";
import { wrap } from "./wrap.js";

const USAGE = [
  "help(client)                    lists the API's resources",
  "help(client.workflows)          lists a resource's methods",
  "help(client.workflows.list)     shows a method's parameters and what it returns",
].join("\n");

function signature(op: Operation): string {
  const args = [...op.pathParams, "params?"];
  return `${op.name}(${args.join(", ")})`;
}

function oneLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}

function resourceText(name: string, ops: readonly Operation[]): string {
  const rows = ops.map(
    (op) =>
      [
        signature(op),
        `${oneLine(op.summary)}${op.deprecation && !/deprecated/i.test(op.summary) ? " (deprecated)" : ""}`,
      ] as const,
  );
  const width = Math.min(48, Math.max(...rows.map(([s]) => s.length)) + 2);
  const lines = rows.map(([sig, summary]) =>
    summary === ""
      ? sig
      : sig.length + 1 > width
        ? `${sig}\n${wrap(summary, " ".repeat(width))}`
        : `${sig.padEnd(width)}${summary}`,
  );
  return [
    `Civis API /${name} resource: ${ops.length} method${ops.length === 1 ? "" : "s"}`,
    "",
    "Methods",
    "-------",
    ...lines,
  ].join("\n");
}

/** The help text of a client, a resource, or a method; undefined for anything else. */
export function helpText(target?: unknown): string {
  if (target === undefined) return USAGE;
  if (typeof target === "function") {
    const meta = methodOperations.get(target);
    if (meta) return methodDoc(meta.ctx.model, meta.op);
  }
  if (typeof target === "object" && target !== null) {
    const resource = resourceOperations.get(target);
    if (resource) return resourceText(resource.name, resource.ops);
    const client = clientInfo.get(target);
    if (client) {
      const { model } = client.ctx;
      const lines = [...client.resources].map(([name, key]) => {
        const count = model.resources.get(key)?.operations().length ?? 0;
        return `${name.padEnd(24)}${count} method${count === 1 ? "" : "s"}`;
      });
      return [
        `APIClient for ${model.title}: ${client.resources.size} resources, ${model.operationCount()} methods`,
        "",
        "Resources",
        "---------",
        ...lines,
        "",
        "Call help(client.<resource>) to list its methods.",
      ].join("\n");
    }
  }
  throw new TypeError("help() takes a client, one of its resources, or one of their methods");
}

/**
 * Prints and returns the documentation of a client, a resource or a method,
 * in civis-python's layout.
 */
export function help(target?: unknown): string {
  const text = helpText(target);
  console.log(text);
  return text;
}

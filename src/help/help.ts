import { type ClientInfo, clientInfo } from "../client/client-internals.js";
import type { Operation } from "../description/types.js";
import { methodDoc } from "../docs/method-doc.js";
import { wrap } from "../docs/wrap.js";
import { methodOperations, resourceOperations } from "../methods/build-resource.js";
import { argumentList } from "../methods/signature.js";

const USAGE =
  "help(client)                    lists the API's resources\n" +
  "help(client.workflows)          lists a resource's methods\n" +
  "help(client.workflows.list)     shows a method's parameters and what it returns";

/** `1 method`, `2 methods`. */
function methodCount(count: number): string {
  return `${count} method${count === 1 ? "" : "s"}`;
}

/** The summary's first line, marked when the operation is deprecated and the summary does not say so. */
function shortSummary(op: Operation): string {
  const line = op.summary.split(/\r?\n/, 1)[0]!.trim();
  return op.deprecation && !/deprecated/i.test(op.summary) ? `${line} (deprecated)` : line;
}

function resourceText(name: string, ops: readonly Operation[]): string {
  // One entry per method, its aliases named with it: `list_me, get_me(params?)`.
  const rows = ops.map(
    (op) =>
      [
        [op.name, ...op.aliases].join(", ") + argumentList(op, "params?"),
        shortSummary(op),
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
    `Civis API /${name} resource: ${methodCount(ops.length)}`,
    "",
    "Methods",
    "-------",
    ...lines,
  ].join("\n");
}

function clientText(client: ClientInfo): string {
  const { model } = client.ctx;
  // Counting builds every resource's operations; help(client) is the one place that needs them all.
  let total = 0;
  const lines = [...client.resources].map(([name, key]) => {
    const count = model.resources.get(key)?.operations().length ?? 0;
    total += count;
    return `${name.padEnd(24)}${methodCount(count)}`;
  });
  return [
    `APIClient for ${model.title}: ${client.resources.size} resources, ${total} methods`,
    "",
    "Resources",
    "---------",
    ...lines,
    "",
    "Call help(client.<resource>) to list its methods.",
  ].join("\n");
}

/** The help text of a client, a resource, or a method; a TypeError for anything else. */
export function helpText(target?: unknown): string {
  if (target === undefined) return USAGE;
  // WeakMap.get answers undefined for a key that is not an object, so no typeof check is needed.
  const method = methodOperations.get(target as Function);
  if (method) return methodDoc(method.ctx.model, method.op);
  const resource = resourceOperations.get(target as object);
  if (resource) return resourceText(resource.name, resource.ops);
  const client = clientInfo.get(target as object);
  if (client) return clientText(client);
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

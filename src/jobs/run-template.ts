import { fieldOf, plainBody } from "../internal.js";
import { type CivisFuture, CivisFutureBase, type CivisFutureOptions } from "./civis-future.js";
import { methodOf } from "./client-methods.js";
import type { AnswerOf } from "./job-types.js";
import { checkPollingInterval } from "./poll-schedule.js";
import { checkId, idOf } from "./run-job.js";

type CustomRun<Client> = AnswerOf<Client, "scripts", "get_custom_runs">;

/** Options of runTemplate: those of a future, and what to return. */
export interface RunTemplateOptions<Run> extends CivisFutureOptions<Run> {
  /**
   * `"json"` (default): the value of the run's first JSON value output; `"files"`: an object
   * of output name to file id for its File outputs; `"future"`: the CivisFuture, at once.
   */
  readonly returnAs?: "json" | "files" | "future";
  /**
   * More body parameters of `scripts.post_custom` (civis-python's `**kwargs`): `name`,
   * `remote_host_id`, `credential_id`...
   */
  readonly params?: Readonly<Record<string, unknown>>;
}

const RETURN_AS = ["json", "files", "future"];

function describeOutputs(outputs: readonly unknown[]): string {
  if (outputs.length === 0) return "it has no outputs";
  const shown = outputs.map((o) => `${fieldOf(o, "objectType")} "${fieldOf(o, "name")}"`);
  return `its outputs: ${shown.join(", ")}`;
}

/** The run's outputs as the `returnAs` asks; none of that kind is an error that lists them. */
function pick(outputs: readonly unknown[], returnAs: "json" | "files", where: string): unknown {
  if (returnAs === "json") {
    // civis-python returns the first when there are several, and so does this.
    const json = outputs.find((o) => fieldOf(o, "objectType") === "JSONValue");
    if (json) return fieldOf(json, "value");
  } else {
    const files = outputs.filter((o) => fieldOf(o, "objectType") === "File");
    if (files.length > 0) {
      return Object.fromEntries(files.map((o) => [fieldOf(o, "name"), fieldOf(o, "objectId")]));
    }
  }
  const kind = returnAs === "json" ? "JSON value" : "File";
  throw new Error(`${where} produced no ${kind} output; ${describeOutputs(outputs)}`);
}

/**
 * Runs a template with arguments, as civis-python's `civis.utils.run_template`: creates a
 * custom script from it (`scripts.post_custom`), runs it, and returns its JSON value output,
 * its output files, or the future (`returnAs`).
 */
export function runTemplate<Client extends object>(
  client: Client,
  templateId: number,
  args: Readonly<Record<string, unknown>>,
  options: RunTemplateOptions<CustomRun<Client>> & { readonly returnAs: "future" },
): CivisFuture<CustomRun<Client>>;
export function runTemplate<Client extends object>(
  client: Client,
  templateId: number,
  args: Readonly<Record<string, unknown>>,
  options: RunTemplateOptions<CustomRun<Client>> & { readonly returnAs: "files" },
): Promise<Record<string, number>>;
export function runTemplate<Client extends object>(
  client: Client,
  templateId: number,
  args?: Readonly<Record<string, unknown>>,
  options?: RunTemplateOptions<CustomRun<Client>> & { readonly returnAs?: "json" },
): Promise<unknown>;
export function runTemplate<Client extends object>(
  client: Client,
  templateId: number,
  args: Readonly<Record<string, unknown>> = {},
  options: RunTemplateOptions<CustomRun<Client>> = {},
): CivisFuture<CustomRun<Client>> | Promise<unknown> {
  checkId("runTemplate", "template id", templateId);
  checkPollingInterval("runTemplate", options.pollingIntervalMs);
  const { returnAs = "json", params, ...futureOptions } = options;
  if (!RETURN_AS.includes(returnAs)) {
    throw new TypeError(
      `runTemplate: returnAs must be "json", "files" or "future", got ${String(returnAs)}`,
    );
  }
  const postCustom = methodOf(client, "scripts", "post_custom");
  const postRuns = methodOf(client, "scripts", "post_custom_runs");
  const getRuns = methodOf(client, "scripts", "get_custom_runs");
  const listOutputs = methodOf(client, "scripts", "list_custom_runs_outputs");
  const init = { signal: options.signal };
  const started = (async () => {
    const script = await postCustom(
      { ...params, from_template_id: templateId, arguments: args },
      init,
    );
    const scriptId = await idOf(script, "custom script");
    return [scriptId, await idOf(await postRuns(scriptId, {}, init), "run")];
  })();
  const future = new CivisFutureBase<CustomRun<Client>>(getRuns, started, {
    ...futureOptions,
    client,
  });
  if (returnAs === "future") return future;
  return future.then(async () => {
    const outputs = await plainBody(await listOutputs(future.job_id, future.run_id, {}, init));
    const where = `Template ${templateId} (script ${future.job_id} run ${future.run_id})`;
    return pick(Array.isArray(outputs) ? outputs : [], returnAs, where);
  });
}

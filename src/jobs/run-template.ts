import { fieldOf, plainBody } from "../internal.js";
import { type CivisFuture, CivisFutureBase, type CivisFutureOptions } from "./civis-future.js";
import { type ApiCall, methodOf } from "./client-methods.js";
import type { AnswerOf } from "./job-types.js";
import { checkArgs, idOf } from "./run-job.js";

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

/** The run's outputs as the `returnAs` asks; none of that kind is an error that lists them. */
function pick(outputs: readonly unknown[], returnAs: "json" | "files", where: string): unknown {
  const json = returnAs === "json";
  const type = (o: unknown) => fieldOf(o, "objectType");
  const found = outputs.filter((o) => type(o) === (json ? "JSONValue" : "File"));
  if (found.length > 0) {
    // civis-python returns the first JSON value when there are several, and so does this.
    return json
      ? fieldOf(found[0], "value")
      : Object.fromEntries(found.map((o) => [fieldOf(o, "name"), fieldOf(o, "objectId")]));
  }
  const shown = outputs.map((o) => `${type(o)} "${fieldOf(o, "name")}"`).join(", ");
  throw new Error(
    `${where} produced no ${json ? "JSON value" : "File"} output; ${shown ? `its outputs: ${shown}` : "it has no outputs"}`,
  );
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
  checkArgs("runTemplate", options, ["template id", templateId]);
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new TypeError(
      `runTemplate: args must be an object of the template's arguments, got ${String(args)}`,
    );
  }
  const { returnAs = "json", params, ...futureOptions } = options;
  if (!["json", "files", "future"].includes(returnAs)) {
    throw new TypeError(
      `runTemplate: returnAs must be "json", "files" or "future", got ${String(returnAs)}`,
    );
  }
  const [postCustom, postRuns, getRuns, listOutputs] = [
    "post_custom",
    "post_custom_runs",
    "get_custom_runs",
    "list_custom_runs_outputs",
  ].map((name) => methodOf(client, "scripts", name)) as [ApiCall, ApiCall, ApiCall, ApiCall];
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

import { methodOperations } from "../build/build-resource.js";
import { type MethodDocModel, methodDocModel } from "./doc-model.js";

/** A method's documentation as data, for pages that render `help()` as HTML (the demo does). */
export function describeMethod(method: unknown): MethodDocModel {
  const meta = typeof method === "function" ? methodOperations.get(method) : undefined;
  if (!meta) throw new TypeError("describeMethod() takes a method of a client resource");
  return methodDocModel(meta.ctx.model, meta.op);
}

import { type MethodDocModel, methodDocModel } from "../docs/doc-model.js";
import { methodOperations } from "../methods/build-resource.js";

/** A method's documentation as data, for pages that render `help()` as HTML (the demo does). */
export function describeMethod(method: unknown): MethodDocModel {
  // WeakMap.get answers undefined for a key that is not an object.
  const meta = methodOperations.get(method as Function);
  if (!meta) throw new TypeError("describeMethod() takes a method of a client resource");
  return methodDocModel(meta.ctx.model, meta.op);
}

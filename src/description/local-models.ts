import { normalizeSpec } from "./normalize.js";
import type { ApiModel } from "./types.js";

const models = new WeakMap<object, ApiModel>();

/** Normalizes a spec object once; clients built from the same object share the operations. */
export function modelOf(spec: object): ApiModel {
  let model = models.get(spec);
  if (!model) {
    model = normalizeSpec(spec);
    models.set(spec, model);
  }
  return model;
}

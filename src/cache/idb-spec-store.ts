import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { SpecStore } from "./spec-store.js";

let store: UseStore | undefined;

/**
 * An IndexedDB store of the package's own (loaded on demand by the browser platform).
 * idb-keyval's createStore opens the database on first use, so making it does nothing.
 */
export function idbSpecStore(): SpecStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  store ??= createStore("civis-spec-cache", "specs");
  const use = store;
  return {
    get: (key) => get(key, use),
    set: (key, value) => set(key, value, use),
    del: (key) => del(key, use),
  };
}

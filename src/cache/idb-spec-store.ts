import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { SpecStore } from "./spec-store.js";

let store: UseStore | undefined;

/** An IndexedDB store of the package's own, opened on first use so importing does nothing. */
export function idbSpecStore(): SpecStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  const use = () => {
    store ??= createStore("civis-spec-cache", "specs");
    return store;
  };
  return {
    get: (key) => get(key, use()),
    set: (key, value) => set(key, value, use()),
    del: (key) => del(key, use()),
  };
}

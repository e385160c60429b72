// Types for code that runs inside the page (page.evaluate and the test pages): erased
// at run time, so nothing here reaches the browser.
import type * as civis from "../../src/browser.js";

export type Civis = typeof civis;

/** The slice of the sample API the tests call, typed as a generated API type would be. */
export interface SampleApiMethods {
  readonly users: {
    list_me(): Promise<civis.Response>;
  };
  readonly workflows: {
    list(params: { iterator: true; limit: number }): civis.PaginatedResponse<civis.Response>;
    get(id: number): Promise<civis.Response>;
  };
  readonly json_values: {
    post(params: { name: string; value: unknown }): Promise<civis.Response>;
    get(id: number): Promise<civis.Response>;
  };
}

/** A page that loaded `civis.umd.min.js`: the global `civis`. */
export interface UmdWindow {
  readonly civis: Civis;
}

/** Every client sends the same headers civis sends, so none is measured doing less. */
export const API_KEY = "bench-key";
export const AUTH = `Basic ${btoa(`${API_KEY}:`)}`;
export const HEADERS = { Authorization: AUTH, Accept: "application/json" };

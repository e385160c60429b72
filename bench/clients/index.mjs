/** Client adapters by name, imported on demand so a child process loads only the one it measures. */
export const CLIENT_MODULES = {
  civis: "./civis.mjs",
  "civis-json": "./civis-json.mjs",
  "civis-polling": "./civis-polling.mjs",
  "swagger-client": "./swagger-client.mjs",
  "openapi-client-axios": "./openapi-client-axios.mjs",
  fetch: "./fetch.mjs",
  ofetch: "./ofetch.mjs",
};

export async function loadClient(name) {
  const path = CLIENT_MODULES[name];
  if (!path) throw new Error(`unknown client "${name}"`);
  return (await import(path)).default;
}

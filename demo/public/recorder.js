// Watches the HTTP traffic of one call: every attempt's status and headers, and every retry.
// The client takes it as its `fetch` and `retries.onRetry`, so nothing is patched globally.

export function createRecorder() {
  /** @type {{ attempts: Array<{ status?: number, statusText?: string, headers?: Headers, error?: string }>, retries: unknown[] } | null} */
  let current = null;

  /** @type {typeof fetch} */
  async function recordingFetch(input, init) {
    const log = current;
    try {
      const response = await globalThis.fetch(input, init);
      log?.attempts.push({
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      return response;
    } catch (error) {
      log?.attempts.push({ error: String(error?.message ?? error) });
      throw error;
    }
  }

  return {
    fetch: recordingFetch,
    /** Retry policy for the client: the default timing, with each retry written down. */
    retries: {
      onRetry(info) {
        current?.retries.push(info);
      },
    },
    /** Starts a fresh log; requests made before (the spec download) are not recorded. */
    begin() {
      current = { attempts: [], retries: [] };
      return current;
    },
    end() {
      current = null;
    },
  };
}

import type { HookContext, Hooks } from "./hooks.js";

/**
 * Runs one kind of hook, the client's then the call's, each awaited in order. For
 * `onRequest`, the first that returns a `Response` answers the attempt.
 */
export async function runHooks(
  name: keyof Hooks,
  context: HookContext,
  sets: readonly (Hooks | undefined)[],
): Promise<globalThis.Response | undefined> {
  for (const hook of sets.flatMap((hooks) => hooks?.[name] ?? [])) {
    const answer = await hook(context);
    if (answer instanceof Response) return answer;
  }
  return undefined;
}

import type { Response } from "../internal.js";
import type { RunOf } from "./civis-future.js";

type IsAny<T> = 0 extends 1 & T ? true : false;

/** The type `client.<resource>.<method>()` resolves to, or `Response` for a loose client. */
export type AnswerOf<Client, Resource extends string, Method extends string> = Client extends {
  readonly [R in Resource]: { readonly [M in Method]: infer Getter };
}
  ? RunOf<Getter>
  : Response;

/** The item type of a list method's answer, or `Response` for a loose client. */
export type ItemOf<Client, Resource extends string, Method extends string> =
  AnswerOf<Client, Resource, Method> extends ReadonlyArray<infer Item>
    ? IsAny<Item> extends true
      ? Response
      : Item
    : Response;

/**
 * The base of every error this package defines, so one `instanceof CivisError` catches them
 * all. A bad argument is still a plain `TypeError`, as JavaScript's own APIs do.
 */
export class CivisError extends Error {
  override readonly name: string = "CivisError";
}

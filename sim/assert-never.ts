/** Exhaustiveness check for switches over unions: adding a member makes every unhandled switch a type error. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

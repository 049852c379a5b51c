import type { Compilable, CompiledQuery } from "kysely";
import type { Db } from "./database";

interface Template<R> {
  compiled: CompiledQuery<R>;
  /** For each parameter of the compiled query: which argument fills it, or -1 for a constant of the query. */
  slots: number[];
}

const sentinel = (index: number): string => `\u0000precompiled-argument-${index}\u0000`;

function compileTemplate<R>(compiled: CompiledQuery<R>, arity: number): Template<R> {
  const slots = compiled.parameters.map((value) => {
    for (let i = 0; i < arity; i++) if (value === sentinel(i)) return i;
    return -1;
  });
  for (let i = 0; i < arity; i++) {
    if (!slots.includes(i)) throw new Error(`precompiled query: argument ${i} is not a bound parameter`);
  }
  return { compiled, slots };
}

/**
 * A hot query built and compiled once per database handle instead of on every call (issue 14: Kysely's
 * builder and compiler cost tens of µs a request on the session check). The query is built with a
 * placeholder for each string argument, and each call runs the same SQL with the arguments bound in their
 * places: the arguments are always bound parameters, never SQL text. Only for queries whose SQL does not
 * depend on the arguments' values (no `in` lists of variable length, no conditional clauses). The result
 * still goes through the handle's plugins (CamelCasePlugin, which keeps no per-query state).
 */
export function precompiled<R, A extends string[]>(
  build: (db: Db, ...args: A) => Compilable<R>,
  arity: A["length"],
): (db: Db, ...args: A) => Promise<R[]> {
  const templates = new WeakMap<Db, Template<R>>();
  return async (db, ...args) => {
    let template = templates.get(db);
    if (!template) {
      const placeholders = Array.from({ length: arity }, (_, i) => sentinel(i)) as A;
      template = compileTemplate(build(db, ...placeholders).compile(), arity);
      templates.set(db, template);
    }
    const { compiled, slots } = template;
    const parameters = slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot]));
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}

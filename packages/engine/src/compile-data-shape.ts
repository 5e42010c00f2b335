import { isForbiddenName } from "./operations.ts";
import type { FieldSpec, ListSpec, RuleSet } from "./rule-set.ts";

type Factory = (values: readonly unknown[]) => Readonly<Record<string, unknown>>;

/**
 * How a table's prepared data is built: one object shape for the candidate's data and one per
 * list's rows, every declared name always present (undefined when blank), so that V8 gives all
 * of a table's candidates one hidden class and generated code reads them without hash lookups.
 */
export interface DataShape {
  /** true when the factories are generated and every object they build has the same shape */
  readonly isFixed: boolean;
  /** the table's fields, in order */
  readonly fields: readonly (readonly [string, FieldSpec])[];
  /** the table's lists, in order, each with its fields in order */
  readonly lists: readonly {
    readonly name: string;
    readonly list: ListSpec;
    readonly fields: readonly (readonly [string, FieldSpec])[];
  }[];
  /** the candidate's data from values in the order of `fields`, then `lists` */
  readonly createData: Factory;
  /** a row of each list from values in the order of its fields */
  readonly createRow: ReadonlyMap<string, Factory>;
}

// only these reach generated source, as object literal keys: "__proto__" there would set the
// prototype, and a digit would make an element
const PLAIN_NAME = /^[a-z][a-z0-9_]*$/;

function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name) && !isForbiddenName(name);
}

/** Generates the factories of a table's data and rows, or plain builders when a name is unusual. */
export function compileDataShape(ruleSet: RuleSet): DataShape {
  const topNames = [...Object.keys(ruleSet.fields), ...Object.keys(ruleSet.lists)];
  const lists = Object.entries(ruleSet.lists).map(
    ([name, list]) => [name, Object.keys(list.fields)] as const,
  );
  const isFixed =
    topNames.every(isPlainName) &&
    new Set(topNames).size === topNames.length &&
    lists.every(([, fields]) => fields.every(isPlainName));
  const build = isFixed ? factory : looseFactory;
  return {
    isFixed,
    fields: Object.entries(ruleSet.fields),
    lists: Object.entries(ruleSet.lists).map(([name, list]) => ({
      name,
      list,
      fields: Object.entries(list.fields),
    })),
    createData: build(topNames),
    createRow: new Map(lists.map(([name, fields]) => [name, build(fields)])),
  };
}

function factory(names: readonly string[]): Factory {
  // one object literal: every object it makes shares the literal's hidden class
  const properties = names.map((name, index) => `${JSON.stringify(name)}: v[${index}]`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- only checked plain names reach the source, through JSON.stringify
  return new Function("v", `"use strict"; return { ${properties.join(", ")} };`) as Factory;
}

function looseFactory(names: readonly string[]): Factory {
  return (values) => {
    const object: Record<string, unknown> = {};
    names.forEach((name, index) => {
      if (values[index] !== undefined) {
        object[name] = values[index];
      }
    });
    return object;
  };
}

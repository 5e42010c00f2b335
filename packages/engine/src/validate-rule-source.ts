import { Ajv } from "ajv";
import type { ErrorObject } from "ajv";
import { error } from "./issue.ts";
import type { Issue } from "./issue.ts";
import type { ParsedSource } from "./parse-source.ts";
import { ruleSetSchema } from "./rule-set-schema.ts";
import type { SourcePath } from "./rule-set.ts";

// Expressions are checked by checkExpression, whose messages say more than a schema can, so
// the validator takes any value there; editors get the full schema with the operation names.
const validationSchema = {
  ...ruleSetSchema,
  definitions: { ...ruleSetSchema.definitions, expression: {} },
};

// compiled once: ajv compilation is the slow part
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  validationSchema,
);

/** Checks a parsed rule or level file against the rule-set schema; every problem, located. */
export function validateRuleSource(source: ParsedSource): Issue[] {
  if (validate(source.value)) {
    return [];
  }
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === "if" || e.keyword === "anyOf") {
      continue;
    }
    const issue = toIssue(e, source);
    const key = `${issue.place.line}:${issue.place.column}:${issue.code}:${JSON.stringify(issue.params)}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function toIssue(e: ErrorObject, source: ParsedSource): Issue {
  const path = pointerToPath(e.instancePath, source.value);
  const where = path.length > 0 ? path.join(".") : "/";
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      return error("rule.unknown_key", source.locateKey([...path, key]), { key, at: where });
    }
    case "required": {
      return error("rule.required_key", source.locate(path), {
        key: String(params.missingProperty),
        at: where,
      });
    }
    case "type":
      return error("rule.wrong_type", source.locate(path), {
        at: where,
        expected: String(params.type),
        found: describe(valueAt(source.value, path)),
      });
    case "enum":
    case "const": {
      const allowed =
        e.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      return error("rule.not_allowed", source.locate(path), {
        at: where,
        allowed: allowed.map((v) => String(v)).join(", "),
        found: describe(valueAt(source.value, path)),
      });
    }
    case "propertyNames": {
      const name = String(params.propertyName);
      return error("rule.bad_name", source.locateKey([...path, name]), { at: where, name });
    }
    case "pattern":
      return error("rule.bad_name", source.locate(path), {
        at: where,
        name: describe(valueAt(source.value, path)),
      });
    default:
      return error("rule.schema", source.locate(path), {
        at: where,
        reason: e.message ?? e.keyword,
      });
  }
}

function pointerToPath(pointer: string, root: unknown): SourcePath {
  if (!pointer) {
    return [];
  }
  const path: (string | number)[] = [];
  let value = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const step = Array.isArray(value) ? Number(key) : key;
    path.push(step);
    value =
      value !== null && typeof value === "object"
        ? (value as Record<string, unknown>)[step]
        : undefined;
  }
  return path;
}

function valueAt(root: unknown, path: SourcePath): unknown {
  let value = root;
  for (const step of path) {
    value =
      value !== null && typeof value === "object"
        ? (value as Record<string, unknown>)[step]
        : undefined;
  }
  return value;
}

/** Describes a found value briefly, for "expected …, found …" messages. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return "(无)";
  }
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

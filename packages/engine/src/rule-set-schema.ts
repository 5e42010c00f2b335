import { OPERATION_NAMES } from "./operations.ts";
import { LEVELS, UNIT_TYPES } from "./vocabulary.ts";

const id = { type: "string", pattern: "^[a-z][a-z0-9_]*$" } as const;
const assumption = {
  type: "boolean",
  description: "true when no source backs the numbers of this item",
} as const;
const text = { type: "string", minLength: 1 } as const;
const isoDate = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "a date, YYYY-MM-DD",
} as const;
const nonNegative = { type: "number", minimum: 0 } as const;
const remove = { const: true, description: "removes the inherited item with this id" } as const;

/**
 * The JSON Schema of rule files and level files (draft-07, so editors complete and flag as one
 * types). Items may be partial because a table that `extends` another overrides only some keys;
 * what a merged rule set must hold is checked after the merge.
 */
export const ruleSetSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "ceping rule set or level file, format ceping/1",
  type: "object",
  if: { properties: { id: { type: "string" } }, required: ["id"] },
  then: { $ref: "#/definitions/ruleSet" },
  else: { $ref: "#/definitions/levelFile" },
  definitions: {
    expression: {
      description: "a JSON Logic expression",
      anyOf: [
        { type: ["string", "number", "boolean", "null"] },
        { type: "array", items: { $ref: "#/definitions/expression" } },
        {
          type: "object",
          minProperties: 1,
          maxProperties: 1,
          propertyNames: { enum: [...OPERATION_NAMES] },
          additionalProperties: { $ref: "#/definitions/expression" },
        },
      ],
    },
    level: { enum: [...LEVELS] },
    unitType: { enum: [...UNIT_TYPES] },
    panel: {
      type: "object",
      additionalProperties: false,
      properties: {
        aggregate: { enum: ["trimmed_mean", "mean", "median"] },
        trimFrom: { type: "integer", minimum: 3 },
        minReviewers: { type: "integer", minimum: 1 },
        assumption,
      },
    },
    validity: {
      type: "object",
      additionalProperties: false,
      properties: {
        years: { type: "integer", minimum: 1 },
        renewal: { enum: ["zero_base", "review"] },
        reviewWith: { type: "string" },
        assumption,
      },
    },
    field: {
      type: "object",
      additionalProperties: false,
      properties: {
        label: text,
        type: { enum: ["integer", "number", "ratio", "boolean", "string", "date", "enum"] },
        hint: { type: "string" },
        min: { type: "number" },
        max: { type: "number" },
        required: { type: "boolean" },
        values: { type: "array", items: text, minItems: 1, uniqueItems: true },
        assumption,
        remove,
      },
    },
    fields: {
      type: "object",
      propertyNames: id,
      additionalProperties: { $ref: "#/definitions/field" },
    },
    list: {
      type: "object",
      additionalProperties: false,
      properties: {
        label: text,
        hint: { type: "string" },
        fields: { $ref: "#/definitions/fields" },
        remove,
      },
    },
    checklistItem: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      properties: {
        id,
        label: text,
        points: nonNegative,
        when: { $ref: "#/definitions/expression" },
        field: id,
        assumption,
      },
    },
    indicator: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      properties: {
        id,
        title: text,
        max: { type: "number", exclusiveMinimum: 0 },
        methods: { type: "array", items: text },
        evidence: { type: "array", items: text },
        hint: { type: "string" },
        veto: id,
        assumption,
        remove,
        judged: {
          type: "object",
          additionalProperties: false,
          properties: {
            step: { type: "number", exclusiveMinimum: 0 },
            rubric: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["label", "points"],
                properties: { label: text, points: nonNegative },
              },
            },
            assumption,
          },
        },
        checklist: {
          description: "items, or { items: [...] }",
          anyOf: [
            { type: "array", minItems: 1, items: { $ref: "#/definitions/checklistItem" } },
            {
              type: "object",
              additionalProperties: false,
              required: ["items"],
              properties: {
                items: {
                  type: "array",
                  minItems: 1,
                  items: { $ref: "#/definitions/checklistItem" },
                },
                assumption,
              },
            },
          ],
        },
        count: {
          type: "object",
          additionalProperties: false,
          required: ["value", "each"],
          properties: {
            value: { $ref: "#/definitions/expression" },
            each: { type: "number", exclusiveMinimum: 0 },
            assumption,
          },
        },
        bands: {
          type: "object",
          additionalProperties: false,
          required: ["value", "steps"],
          properties: {
            value: { $ref: "#/definitions/expression" },
            steps: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["min", "points"],
                properties: { min: { type: "number" }, points: nonNegative, assumption },
              },
            },
            assumption,
          },
        },
        linear: {
          type: "object",
          additionalProperties: false,
          required: ["value", "zeroAt", "fullAt"],
          properties: {
            value: { $ref: "#/definitions/expression" },
            zeroAt: { type: "number" },
            fullAt: { type: "number" },
            assumption,
          },
        },
        deduct: {
          type: "object",
          additionalProperties: false,
          required: ["items"],
          properties: {
            items: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["label", "each", "count"],
                properties: {
                  label: text,
                  each: { type: "number", exclusiveMinimum: 0 },
                  count: { $ref: "#/definitions/expression" },
                  assumption,
                },
              },
            },
            assumption,
          },
        },
        points: { $ref: "#/definitions/expression" },
      },
    },
    category: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      properties: {
        id,
        title: text,
        max: { type: "number", exclusiveMinimum: 0 },
        hint: { type: "string" },
        indicators: { type: "array", items: { $ref: "#/definitions/indicator" } },
        assumption,
        remove,
      },
    },
    veto: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      properties: {
        id,
        title: text,
        hint: { type: "string" },
        when: { $ref: "#/definitions/expression" },
        raisedBy: { const: "panel" },
        assumption,
        remove,
      },
    },
    requirement: {
      type: "object",
      additionalProperties: false,
      properties: {
        title: {
          type: "object",
          additionalProperties: false,
          required: ["level"],
          properties: {
            level: { $ref: "#/definitions/level" },
            minYears: { type: "integer", minimum: 0 },
            assumption,
          },
        },
        when: { $ref: "#/definitions/expression" },
        message: text,
        assumption,
      },
    },
    ruleSet: {
      type: "object",
      additionalProperties: false,
      required: ["format", "id"],
      properties: {
        $schema: { type: "string" },
        format: { const: "ceping/1" },
        id: {
          type: "string",
          pattern: "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$",
          description: "unique id, e.g. prefecture.village",
        },
        title: text,
        level: { $ref: "#/definitions/level" },
        appliesTo: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { $ref: "#/definitions/unitType" },
        },
        version: { type: ["string", "number"] },
        effective: isoDate,
        extends: { type: "string" },
        source: {
          type: "object",
          additionalProperties: false,
          properties: { title: text, url: { type: "string" }, note: { type: "string" } },
        },
        scale: {
          type: "object",
          additionalProperties: false,
          properties: {
            base: { type: "number", exclusiveMinimum: 0 },
            bonus: nonNegative,
            assumption,
          },
        },
        fields: { $ref: "#/definitions/fields" },
        lists: {
          type: "object",
          propertyNames: id,
          additionalProperties: { $ref: "#/definitions/list" },
        },
        computed: {
          type: "object",
          propertyNames: id,
          additionalProperties: { $ref: "#/definitions/expression" },
        },
        categories: { type: "array", items: { $ref: "#/definitions/category" } },
        bonus: { type: "array", items: { $ref: "#/definitions/indicator" } },
        vetoes: { type: "array", items: { $ref: "#/definitions/veto" } },
        award: {
          type: "object",
          additionalProperties: false,
          properties: {
            threshold: nonNegative,
            nearMiss: nonNegative,
            requires: { type: "array", items: { $ref: "#/definitions/requirement" } },
            assumption,
          },
        },
        missing: { enum: ["block", "zero"] },
        panel: { $ref: "#/definitions/panel" },
        validity: { $ref: "#/definitions/validity" },
      },
    },
    levelFile: {
      type: "object",
      additionalProperties: false,
      required: ["level"],
      properties: {
        $schema: { type: "string" },
        format: { const: "ceping/1" },
        level: { $ref: "#/definitions/level" },
        title: text,
        fallback: {
          type: "object",
          propertyNames: { enum: [...UNIT_TYPES] },
          additionalProperties: { $ref: "#/definitions/unitType" },
        },
        panel: { $ref: "#/definitions/panel" },
        validity: { $ref: "#/definitions/validity" },
      },
    },
  },
} as const;

import type { Issue, Message, MessageParams, Place } from "./issue.ts";

/** Languages a person can read ceping in. */
export type Lang = "zh" | "en";

type Template = (p: MessageParams) => string;

// Each message in both languages side by side, so a new one cannot be added in one language only.
const MESSAGES = {
  // expressions
  "expr.unknown_operation": {
    zh: (p) => `未知运算"${p.op}"（可用：${p.known}）`,
    en: (p) => `unknown operation "${p.op}" (known: ${p.known})`,
  },
  "expr.forbidden_name": {
    zh: (p) => `不允许读取"${p.name}"：它不是字段、列表或计算值`,
    en: (p) => `"${p.name}" may not be read: it is no field, list or computed value`,
  },
  "expr.unknown_var": {
    zh: (p) => `"${p.name}"不是${p.scope}中的字段`,
    en: (p) => `"${p.name}" is not a field of ${p.scope}`,
  },
  "expr.dynamic_var": {
    zh: () => `var 的路径须是写明的文字，不能由运算得出`,
    en: () => `a var path must be written out, not computed`,
  },
  "expr.not_an_expression": {
    zh: (p) => `对象只能有一个键（运算名），这里有：${p.keys}`,
    en: (p) => `an object must have exactly one key (the operation), found: ${p.keys}`,
  },
  "expr.arity": {
    zh: (p) => `"${p.op}"需要${p.expected}个参数，这里有${p.found}个`,
    en: (p) => `"${p.op}" takes ${p.expected} arguments, found ${p.found}`,
  },
  "expr.list_expected": {
    zh: (p) => `"${p.op}"的第一个参数须是列表`,
    en: (p) => `the first argument of "${p.op}" must be a list`,
  },
  "expr.eval_failed": {
    zh: (p) => `表达式计算出错：${p.reason}`,
    en: (p) => `the expression failed: ${p.reason}`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

/** Every message ceping can show, by code. */
export type MessageCode = keyof typeof MESSAGES;

/** Renders a message in a language. */
export function formatMessage(message: Message, lang: Lang = "zh"): string {
  const entry: { zh: Template; en: Template } = MESSAGES[message.code];
  return entry[lang](message.params);
}

/** Renders a place as `file:line:column`, or `file path` without a line. */
export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) {
    text += `:${place.line}`;
    if (place.column !== undefined) {
      text += `:${place.column}`;
    }
  }
  if (place.path) {
    text += text ? ` ${place.path}` : place.path;
  }
  return text;
}

/** Renders an issue as one line: place, severity, message. */
export function formatIssue(issue: Issue, lang: Lang = "zh"): string {
  const severity =
    issue.severity === "error" ? (lang === "zh" ? "错误" : "error") : lang === "zh" ? "警告" : "warning";
  return `${formatPlace(issue.place)}: ${severity}: ${formatMessage(issue, lang)}`;
}

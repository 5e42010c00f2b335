import type { Template } from "./messages.ts";

/** Messages of workbooks (import, template, score sheets, results), in both languages; codes start with their area. */
export const WORKBOOK_MESSAGES = {
  // the file itself, before any sheet is read
  "xlsx.not_xlsx": {
    zh: (p) => `不是 Excel 工作簿（.xlsx），文件开头为 ${p.found}：请在 Excel 中打开后另存为 .xlsx`,
    en: (p) => `not an Excel workbook (.xlsx); the file starts with ${p.found}`,
  },
  "xlsx.not_workbook": {
    zh: (p) => `是 zip 压缩包，但不是 Excel 工作簿：缺少 ${p.missing}`,
    en: (p) => `a zip archive but no Excel workbook: ${p.missing} is missing`,
  },
  "xlsx.legacy_xls": {
    zh: () => `这是旧版 Excel 97-2003 文件（.xls）：请在 Excel 中另存为 .xlsx 后再导入`,
    en: () => `this is a legacy Excel 97-2003 file (.xls): save it as .xlsx first`,
  },
  "xlsx.encrypted": {
    zh: () => `文件设有打开密码（已加密），无法读取：请在 Excel 中取消密码后另存为 .xlsx 再导入`,
    en: () => `the file is password-protected (encrypted): remove the password and save it again`,
  },
  "xlsx.corrupt": {
    zh: (p) => `文件已损坏或格式不受支持（${p.reason}）`,
    en: (p) => `the file is damaged or of an unsupported kind (${p.reason})`,
  },
  "xlsx.too_many_entries": {
    zh: (p) => `压缩包内有 ${p.count} 个文件，超过上限 ${p.limit} 个，已拒绝读取`,
    en: (p) => `the archive holds ${p.count} files, more than the limit of ${p.limit}`,
  },
  "xlsx.unpacked_too_large": {
    zh: (p) => `解压后内容达 ${p.size}，超过上限 ${p.limit}（可能是压缩炸弹），已拒绝读取`,
    en: (p) => `it would unpack to ${p.size}, past the limit of ${p.limit} (a zip bomb?)`,
  },
  "xlsx.ratio_too_high": {
    zh: (p) =>
      `${p.entry} 的压缩比为 ${p.ratio}:1，超过上限 ${p.limit}:1（可能是压缩炸弹），已拒绝读取`,
    en: (p) =>
      `${p.entry} is compressed ${p.ratio}:1, past the limit of ${p.limit}:1 (a zip bomb?)`,
  },
  "xlsx.size_mismatch": {
    zh: (p) => `${p.entry} 解压后超过压缩包中声明的 ${p.size}：文件已损坏或被篡改，已停止读取`,
    en: (p) => `${p.entry} unpacks past its declared ${p.size}: the file is damaged or forged`,
  },
  // sheets and cells
  "xlsx.no_sheet": {
    zh: (p) => `找不到申报单位工作表：应有名为"${p.sheet}"的工作表，或把申报单位放在第一个工作表`,
    en: (p) => `no candidate sheet: name one "${p.sheet}" or put the candidates on the first sheet`,
  },
  "xlsx.empty_sheet": {
    zh: (p) => `工作表"${p.sheet}"是空的：第 1 行应为表头（${p.expected}）`,
    en: (p) => `sheet "${p.sheet}" is empty: row 1 should hold the headers (${p.expected})`,
  },
  "xlsx.no_rows": {
    zh: (p) => `工作表"${p.sheet}"只有表头，没有填写任何申报单位`,
    en: (p) => `sheet "${p.sheet}" has headers but no candidates`,
  },
  "xlsx.too_many_rows": {
    zh: (p) => `工作表"${p.sheet}"超过 ${p.limit} 行数据的上限，已停止读取`,
    en: (p) => `sheet "${p.sheet}" has more than ${p.limit} rows of data; reading stopped`,
  },
  "xlsx.too_many_columns": {
    zh: (p) => `工作表"${p.sheet}"超过 ${p.limit} 列的上限，已停止读取`,
    en: (p) => `sheet "${p.sheet}" has more than ${p.limit} columns; reading stopped`,
  },
  "xlsx.missing_column": {
    zh: (p) => `工作表"${p.sheet}"缺少"${p.column}"列（表头在第 1 行）`,
    en: (p) => `sheet "${p.sheet}" has no "${p.column}" column (headers are in row 1)`,
  },
  "xlsx.duplicate_column": {
    zh: (p) => `"${p.column}"列重复（已见于 ${p.other}）`,
    en: (p) => `the "${p.column}" column appears twice (also at ${p.other})`,
  },
  "xlsx.unknown_column": {
    zh: (p) => `"${p.column}"不是任何测评表的字段，此列不参与计分`,
    en: (p) => `"${p.column}" is no field of any table; the column is not scored`,
  },
  "xlsx.unknown_sheet": {
    zh: (p) => `工作表"${p.sheet}"不是申报单位、已获命名或任何列表，已忽略`,
    en: (p) => `sheet "${p.sheet}" is neither the candidates, the titles nor a list; ignored`,
  },
  "xlsx.example_row": {
    zh: () => `这是模板的示例行，导入时已跳过`,
    en: () => `the template's example row; skipped`,
  },
  "xlsx.orphan_row": {
    zh: (p) => `${p.sheet}：编号"${p.id}"在申报单位表中没有对应的单位`,
    en: (p) => `${p.sheet}: id "${p.id}" matches no candidate`,
  },
  "xlsx.cell_error": {
    zh: (p) => `${p.label}：单元格是错误值 ${p.found}，应为${p.expected}`,
    en: (p) => `${p.label}: the cell holds the error ${p.found}; expected ${p.expected}`,
  },
  "xlsx.formula_no_value": {
    zh: (p) => `${p.label}：公式 ${p.found} 没有计算结果，请在 Excel 中打开、保存后再导入`,
    en: (p) =>
      `${p.label}: the formula ${p.found} has no computed value; open and save it in Excel`,
  },
  // score sheets
  "xlsx.no_score_sheet": {
    zh: () => `没有找到评分表：这不是 ceping 生成的评审专家评分表`,
    en: () => `no score sheet found: this is not a reviewer's score sheet made by ceping`,
  },
  "xlsx.score_sheet_id": {
    zh: (p) => `评分表缺少隐藏的${p.what}（第 ${p.row} 行）：请勿删除隐藏列，重新生成评分表`,
    en: (p) => `the hidden ${p.what} is missing (row ${p.row}); regenerate the sheet`,
  },
  "xlsx.reviewer_missing": {
    zh: () => `评分表上没有评审专家姓名`,
    en: () => `the score sheet names no reviewer`,
  },
  "xlsx.reviewer_mismatch": {
    zh: (p) => `评审专家应为"${p.expected}"，评分表上是"${p.found}"`,
    en: (p) => `the reviewer should be "${p.expected}", the sheet names "${p.found}"`,
  },
  "xlsx.reviewer_unknown": {
    zh: (p) => `评分表上的评审专家"${p.found}"不在本次评审组中（${p.allowed}）`,
    en: (p) => `reviewer "${p.found}" is not on this panel (${p.allowed})`,
  },
  "xlsx.score_not_number": {
    zh: (p) => `"${p.indicator}"的得分应为数字，实为 ${p.found}`,
    en: (p) => `the score for "${p.indicator}" should be a number, found ${p.found}`,
  },
  "xlsx.score_range": {
    zh: (p) => `"${p.indicator}"的得分应在 0 到 ${p.max} 之间（最多两位小数），实为 ${p.found}`,
    en: (p) =>
      `the score for "${p.indicator}" must be within 0..${p.max} (two decimals at most), found ${p.found}`,
  },
  "xlsx.score_step": {
    zh: (p) => `"${p.indicator}"的得分应为 ${p.step} 的整数倍，实为 ${p.found}`,
    en: (p) => `the score for "${p.indicator}" must be a multiple of ${p.step}, found ${p.found}`,
  },
  "xlsx.score_unknown_indicator": {
    zh: (p) => `"${p.indicator}"不是适用于该单位的评审指标`,
    en: (p) => `"${p.indicator}" is no judged indicator for this candidate`,
  },
  "xlsx.score_duplicate": {
    zh: (p) => `单位"${p.id}"的"${p.indicator}"评了两次（另见 ${p.other}）`,
    en: (p) => `"${p.indicator}" of candidate "${p.id}" is scored twice (also at ${p.other})`,
  },
  "xlsx.score_blank": {
    zh: (p) => `有 ${p.count} 项未评分，不计入：${p.cells}`,
    en: (p) => `${p.count} indicators are not scored and count as pending: ${p.cells}`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

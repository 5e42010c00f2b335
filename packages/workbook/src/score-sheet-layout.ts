/** Where things are on a reviewer's score sheet, shared by its writer and its reader. */
export const SCORE_SHEET = {
  /** in the hidden column of row 1, so a sheet is known for one of ours */
  marker: "ceping-score-sheet/1",
  title: "民族团结进步示范单位测评评分表",
  candidateLabel: "申报单位：",
  typeLabel: "类型：",
  idLabel: "编号：",
  reviewerLabel: "评审专家：",
  levelsLabel: "测评级别：",
  dateLabel: "测评日期：",
  headers: ["一级指标", "二级指标", "分值", "评分方法", "得分", "备注", "单位编号", "指标编号"],
  totalLabel: "合计",
  signatureLabel: "评审专家签字：",
  signatureDateLabel: "日期：",
  /** 1-based columns */
  columns: {
    category: 1,
    title: 2,
    max: 3,
    method: 4,
    score: 5,
    note: 6,
    candidate: 7,
    indicator: 8,
  },
  infoRows: { candidate: 2, reviewer: 3 },
  headerRow: 4,
} as const;

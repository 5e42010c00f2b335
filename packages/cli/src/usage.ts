import type { Lang } from "@ceping/engine";

const USAGE: Readonly<Record<Lang, string>> = {
  zh: `ceping：民族团结进步示范单位测评

用法：
  ceping                                 终端界面，打开演示评审（首次运行时由 fixtures/ 建立）
  ceping open 评审.ceping --as 姓名       以评委或评审组长身份在终端界面中打开评审
  ceping open --rules 目录 --candidates 文件 [--scores 文件 ...] [--on 日期]
                                          在终端界面中预览测评表，保存即重新测评
  ceping score --rules 目录|文件 --candidates 文件 [--scores 文件 ...] [--on 日期]
               [--format table|json|xlsx] [-o 输出文件]
  ceping explain --rules 目录|文件 --candidates 文件 编号 [--scores 文件 ...] [--on 日期]
               [--format table|json]
  ceping template --rules 文件|目录 -o 申报表.xlsx       空白申报汇总表（含填写说明与下拉选项）
  ceping sheet --rules 目录|文件 --candidates 文件 --reviewer 姓名 -o 评分表.xlsx   评委评分表
                                          （--reviewer 甲,乙,丙 -o 目录：每位评委一份 评分表-姓名.xlsx）
  ceping rules check 路径 ...             检查测评表
  ceping rules test 路径 ... [--format table|json] [--watch]   运行测评表的测试用例（--watch：保存即重测）
  ceping rules diff 旧规则 新规则 --candidates 文件 [--scores 文件 ...] [--on 日期] [--format table|json]
                                          比较两版测评表，列出受影响的候选单位
  ceping rules schema -o 文件             写出测评表的 JSON Schema
  ceping init 评审.ceping --rules 目录|文件 --candidates 文件 [--level 级别] [--on 日期]
               [--reviewers 甲,乙,丙] [--chair 甲]      建立评审文件
                                          （评委可写作 姓名:单位:乡镇，同单位或同乡镇的自动拟回避）
  ceping reviewer 评审.ceping --as 姓名 --add 姓名[:单位:乡镇] | --chair 姓名
                                          建立评审后加入评委（同单位、同乡镇自动拟回避）或指定组长
  ceping import 评审.ceping --scores 文件 ... [--reason 理由]   导入评委评分（全部导入或全不导入）
  ceping export 评审.ceping [--format json|xlsx] [-o 输出文件]      导出结果，附日志最终哈希
  ceping verify 评审.ceping [--hash 哈希]                    复核事件链与全部结果
  ceping conflict 评审.ceping --as 姓名 --reviewer 评委 --candidate 编号 --kind 类别 [--note 说明]
                                          申报或记录回避（类别：same_unit supervisory family_employment
                                          helped_prepare township other）；--dismiss --reason 理由：组长撤销
  ceping veto 评审.ceping --as 组长 --candidate 编号 --veto 否决项 --reason 理由 [--withdraw]
                                          组长提出由评审组提出的否决项；--withdraw：撤回
  ceping dispose 评审.ceping --as 组长 --flag 分歧 --kept|--revised --reason 理由
                                          处置分歧提示：维持原分（附评委书面说明）或已修改
  ceping decide 评审.ceping --as 组长 --level 级别 --order 编号,编号,... --reason 理由
                                          决定一组并列单位的先后
  ceping quota 评审.ceping --as 组长 --level 级别 --seats 个数 [--unit-type 类型 | --region 地区] [--id 名称]
                                          设定名额（本级全部、某类单位或某地区）；同一范围再设即替换
  ceping lock 评审.ceping --as 组长       定稿：分歧已处置、名额线上并列已决定后锁定评审
                                          （以上评审组命令加 --format json 输出 {"ok":true,"hash":…}）

通用选项：
  --lang zh|en    界面语言（默认中文）
  -h, --help      显示本帮助

退出码：0 完成；1 输入有错误（逐条列出位置）；2 用法错误。
`,
  en: `ceping: scoring for ethnic unity and progress demonstration units

usage:
  ceping                                 the terminal UI on the demo assessment (made from fixtures/ on first run)
  ceping open FILE.ceping --as NAME      the terminal UI on an assessment, as a reviewer or the chair
  ceping open --rules DIR --candidates FILE [--scores FILE ...] [--on DATE]
                                          the UI on rules being written: re-scores on every save
  ceping score --rules DIR|FILE --candidates FILE [--scores FILE ...] [--on DATE]
               [--format table|json|xlsx] [-o OUT]
  ceping explain --rules DIR|FILE --candidates FILE ID [--scores FILE ...] [--on DATE]
               [--format table|json]
  ceping template --rules FILE|DIR -o OUT.xlsx          the empty candidate workbook
  ceping sheet --rules DIR|FILE --candidates FILE --reviewer NAME -o OUT.xlsx   a reviewer's score sheets
                                          (--reviewer A,B,C -o FOLDER: 评分表-NAME.xlsx for each)
  ceping rules check PATH ...             check rule files
  ceping rules test PATH ... [--format table|json] [--watch]   run the rule sets' test cases (--watch: on every save)
  ceping rules diff OLD NEW --candidates FILE [--scores FILE ...] [--on DATE] [--format table|json]
                                          what changed between two rule versions, and whom it moves
  ceping rules schema -o FILE             write the rule files' JSON Schema
  ceping init FILE.ceping --rules DIR|FILE --candidates FILE [--level L] [--on DATE]
               [--reviewers A,B,C] [--chair A]         create an assessment
                                          (a reviewer may be NAME:UNIT:TOWNSHIP: a shared unit or
                                          township proposes a conflict)
  ceping reviewer FILE.ceping --as NAME --add NAME[:UNIT:TOWNSHIP] | --chair NAME
                                          add a reviewer after init (a shared unit or township
                                          proposes conflicts), or name the chair
  ceping import FILE.ceping --scores FILE ... [--reason TEXT]   add reviewers' scores (all or none)
  ceping export FILE.ceping [--format json|xlsx] [-o OUT]   its results, with the log's final hash
  ceping verify FILE.ceping [--hash H]                 recompute the event chain and every result
  ceping conflict FILE.ceping --as NAME --reviewer R --candidate ID --kind K [--note TEXT]
                                          declare or record a conflict (回避); --dismiss --reason TEXT: the chair sets one aside
  ceping veto FILE.ceping --as CHAIR --candidate ID --veto VETO --reason TEXT [--withdraw]
                                          the chair raises a panel veto; --withdraw: withdraws it
  ceping dispose FILE.ceping --as CHAIR --flag FLAG --kept|--revised --reason TEXT
                                          dispose of a divergence flag: kept (with the reviewer's reason) or revised
  ceping decide FILE.ceping --as CHAIR --level L --order ID,ID,... --reason TEXT
                                          the chair's order for a group of tied candidates
  ceping quota FILE.ceping --as CHAIR --level L --seats N [--unit-type T | --region R] [--id ID]
                                          set a quota (the level, a unit type or a region); the same scope again replaces it
  ceping lock FILE.ceping --as CHAIR      finalize: once every flag is disposed of and no tie at a cut line is open
                                          (these panel commands print {"ok":true,"hash":…} with --format json)

options:
  --lang zh|en    language (Chinese by default)
  -h, --help      this help

exit status: 0 done; 1 the input has errors (each printed with its place); 2 wrong usage.
`,
};

/** The command line's help text. */
export function usage(lang: Lang): string {
  return USAGE[lang];
}

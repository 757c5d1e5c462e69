//! Every string the office page (office.html) shows of its own, in Chinese and English side
//! by side as in `flow::text`. A table of its own, not `flow::text`'s: the family page's wasm
//! holds every text of that table, and the office page's words must not add to its first
//! load. A household's results reuse the family page's texts.

use crate::flow::text::Lang;

macro_rules! desk_texts {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Desk { $($key),* }
        impl Desk {
            pub const ALL: &'static [Desk] = &[$(Desk::$key),*];
            /// The Chinese and English text.
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Desk::$key => ($zh, $en)),* }
            }
        }
    };
}

desk_texts! {
    Title => "特殊家庭台账核查", "Register check for special families";
    Brand => "扶助通 · 工作台", "Fuzhu · Office desk";
    Intro => "打开本街道（乡镇）的计划生育特殊家庭台账（Excel、WPS或CSV文件），逐户看可以享受的帮扶、需要核实的事项和将要符合的项目，再导出核查结果。", "Open your office's register of special families (an Excel, WPS or CSV file) to see, household by household, the support each can claim, what to confirm and what is coming, then export the results.";
    Privacy => "文件只在这台电脑的浏览器里读取和核查，不上传、不保存；点“清除”、关闭页面或30分钟没有操作，都会清除。", "The file is read and checked in this computer's browser only: nothing is uploaded or kept. Clear, closing the page or 30 minutes without use removes it.";
    ChooseFile => "选择台账文件", "Choose the register file";
    ChooseAnother => "打开另一个台账文件", "Open another register file";
    DropHint => "也可以把文件拖到这里。可以是.xlsx、.xls、.ods或.csv（UTF-8或GBK）。", "Or drop the file here: .xlsx, .xls, .ods or .csv (UTF-8 or GBK).";
    Template => "下载空白模板（.xlsx）", "Download the template (.xlsx)";
    TemplateHint => "模板有全部列名、一行示例和逐列的填写说明。", "The template has every column, an example row and a sheet explaining each column.";
    Reading => "正在读取和核查“{file}”……", "Reading and checking \"{file}\"…";
    ReadSoFar => "已读{n}户", "{n} households read";
    Failed => "无法核查“{file}”：", "Cannot check \"{file}\": ";
    Loaded => "“{file}”：共{n}户", "\"{file}\": {n} households";
    Notices => "关于这个文件", "About this file";
    Filters => "筛选", "Filter";
    FilterAll => "全部", "All";
    FilterClaimNow => "现在可以申请", "Can claim now";
    FilterCheck => "需要核实", "To confirm";
    FilterSoon => "三个月内", "Within 3 months";
    FilterThisYear => "今年内将符合", "Later this year";
    FilterErrors => "有错误", "With errors";
    FilterNotReceived => "台账未领", "Not received";
    FilterApplyThisYear => "今年需申报特别扶助", "To apply for special support this year";
    FilterNotCovered => "不适用本政策", "Not covered by this policy";
    Search => "按编号、姓名或身份证号（可只输后几位）查找", "Find by number, name or ID number (or its last digits)";
    Showing => "第{from}–{to}户，共{n}户", "Households {from}–{to} of {n}";
    NoneFound => "没有符合条件的家庭。", "No household matches.";
    Prev => "上一页", "Previous page";
    Next => "下一页", "Next page";
    TableLabel => "核查结果（可左右滚动）", "Results (scrolls sideways)";
    Row => "行号", "Row";
    Open => "第{n}行", "Row {n}";
    OpenLabel => "查看第{n}行这一户的完整结果", "Open row {n}'s full results";
    ExportXlsx => "导出Excel（.xlsx）", "Export Excel (.xlsx)";
    ExportCsv => "导出CSV", "Export CSV";
    PrintAll => "打印所列家庭的告知单（{n}户）", "Print the sheets of the households listed ({n})";
    PrintAsk => "将打印{n}户的告知单，每户从新的一页开始。户数多时，准备和打印都要一些时间；也可以先用上面的筛选或查找缩小范围。", "This prints the sheets of {n} households, each from a new page. With many households, preparing and printing take a while; you can narrow the list with a filter or the search above first.";
    PrintGo => "打印{n}户", "Print {n}";
    PrintCancel => "取消", "Cancel";
    PrintPreparing => "正在准备告知单：{n}/{total}户", "Preparing the sheets: {n} of {total}";
    PrintNone => "所列家庭里没有可以打印告知单的（不是特殊家庭、不适用本政策或有错误）。", "None of the households listed has a sheet to print (not a special family, not covered, or with errors).";
    Clear => "清除", "Clear";
    ClearLabel => "清除已打开的台账和全部结果", "Clear the register and every result";
    Cleared => "已清除。", "Cleared.";
    Wiped => "30分钟没有操作，已清除台账和结果。", "Cleared after 30 minutes without use.";
    BackToList => "返回名单", "Back to the list";
    Household => "第{n}行：{name}", "Row {n}: {name}";
    RowError => "这一户的信息有问题，还不能判断。请在台账里改正后重新打开文件：", "This household's details have a problem and cannot be decided yet. Correct the register and open the file again:";
    PrintCoverTitle => "告知单目录（共{n}户）", "Sheets printed ({n} households)";
    PrintCoverDate => "打印日期：{date}", "Printed on {date}";
    DraftOne => "打印申请审核表（参考）", "Print the draft application";
    DraftAll => "打印所列家庭的申请审核表（参考，{n}户）", "Print the draft applications of the households listed ({n})";
    ShowOwnColumns => "显示原表的其他{n}列", "Show the register's other {n} columns";
    ExportListed => "只导出所列家庭（{n}户）", "Export only the households listed ({n})";
    ExportHintDated => "导出的文件名带核查日期；每一行都有“判断日期”。列与原表相同，后面加上核查结果。", "The file's name carries the check date and every row its 判断日期: the original columns, then the results.";
    ClearAsk => "清除后，已打开的台账和全部结果都会从本页去掉，要再看需重新打开文件。确定清除吗？", "Clearing removes the register and every result from this page; to see them again, open the file again. Clear now?";
    ClearGo => "确定清除", "Clear now";
    ClearKeep => "不清除", "Keep";
    MatchTitle => "核对“{file}”的列", "Check the columns of \"{file}\"";
    MatchIntro => "表头在第{n}行。请看每一列的前三个值，在右边选它是什么；选好后点“按这样核查”。", "The header is on row {n}. Look at each column's first three values and choose on the right what it is (named as the template's columns); then press Check with these columns.";
    MatchUnknown => "有{n}列没认出来，已标出。用不上的列选“不使用这一列”即可。", "{n} columns were not recognised; they are marked. For a column you do not need, choose Do not use this column.";
    MatchMissing => "判断需要、但没找到的：", "Needed to decide, but not found:";
    MatchColumns => "表格的列", "The table's columns";
    MatchColumn => "列", "Column";
    MatchHeader => "表头", "Header";
    MatchSamples => "前三个值", "First three values";
    MatchIs => "是什么", "What it is";
    MatchSelect => "{letter}列“{header}”是", "Column {letter} \"{header}\" is";
    MatchNotUsed => "不使用这一列", "Do not use this column";
    MatchDefaults => "表中没有、将按默认处理的：", "Not in the table, so taken by default:";
    MatchAccept => "接受以上默认处理", "Accept these defaults";
    MatchRemember => "记住这个表格的列（只记表头和对应的项目，存在这台电脑的浏览器里，下次打开同样的表格不再问）", "Remember this table's columns (only the headers and what they are, kept in this computer's browser; the same table is not asked about again)";
    MatchStillMissing => "还缺：{list}。请在上表中选出是哪一列。", "Still missing: {list}. Choose in the table above which column it is.";
    MatchAcceptFirst => "请先勾选“接受以上默认处理”，或在上表中选出对应的列。", "Tick Accept these defaults first, or choose the columns in the table above.";
    MatchGo => "按这样核查", "Check with these columns";
    MatchSave => "保存列的对应关系", "Save the column matching";
    MatchOpen => "打开列的对应关系文件", "Open a column matching file";
    MatchShow => "查看列的对应关系", "See the column matching";
    MatchHint => "列的对应关系文件只有表头和对应的项目，没有任何人的信息；下次打开同样格式的台账时选它，就不用再核对。", "A column matching file holds only the headers and what they are, nothing about anyone; choose it next time you open a register laid out the same way, and the columns need no checking.";
    MatchNotAFile => "这不是扶助通保存的列的对应关系文件", "This is not a column matching file saved by Fuzhu";
    MatchUnknownField => "文件里的“{field}”（“{header}”列）不是认得的项目", "\"{field}\" (column \"{header}\") in the file is not a known field";
    MatchUnreadable => "浏览器读不出这个文件，请再选一次", "The browser could not read this file; choose it again";
    IdleSoon => "本页已将近30分钟没有操作，1分钟后将自动清除台账和结果。", "This page has not been used for almost 30 minutes: the register and results will be cleared in a minute.";
    IdleContinue => "继续使用", "Continue";
    YearlyTitle => "今年需申报特别扶助名单", "This year's special support applications";
    YearlyIntro => "按所选年度列出：女方当年年满49周岁、特别扶助金未被排除的家庭，以及台账显示未领取但符合（或可能符合）条件的家庭。花名册有完整身份证号，供上报；公示版只显示身份证号前6位和后4位，不显示出生日期和残疾详情，可张榜公示。都可按A4横向打印。", "For the chosen year: families whose mother turns 49 that year and whose special support is not ruled out, and those the register marks as not receiving it though due (or possibly due). The roster has full ID numbers, to send up; the public version shows only an ID's first 6 and last 4 characters, no birth dates and no disability details, for the notice board. Both print on A4 landscape.";
    YearlyYear => "年度", "Year";
    YearlyCount => "{year}年需申报：{n}户（女方当年年满49周岁{turning}户，台账显示未领取{missing}户）", "{year}: {n} households ({turning} whose mother turns 49, {missing} marked not receiving)";
    YearlyErrors => "另有{n}户有错误、未能判断，不在名单里。", "{n} more rows have errors and could not be decided: they are not on the list.";
    YearlyRoster => "导出花名册（.xlsx）", "Export the roster (.xlsx)";
    YearlyPublic => "导出公示版（.xlsx）", "Export the public list (.xlsx)";
    OfficeTitle => "本单位信息（印在每份告知单和名单上）", "Your office (printed on every sheet and list)";
    OfficeName => "单位名称", "Office name";
    OfficeAddress => "地址", "Address";
    OfficePhone => "电话", "Phone";
    OfficeHours => "办公时间", "Office hours";
    OfficeRemember => "记住（保存在这台电脑的浏览器里；不勾选则关闭页面后不保留）", "Remember (kept in this computer's browser; unticked, nothing is kept after the page closes)";
    OfficeFiledBy => "单位名称取自台账的填报行，可以修改。", "The name is the register's own (its filing line); you can change it.";
    OfficeBad => "“{field}”里有不能用的字符或太长，未采用。", "\"{field}\" has characters that cannot be used or is too long; not used.";
    LangSwitch => "English", "中文";
    LangSwitchLabel => "Switch to English", "切换到中文";
}

impl Desk {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        lang.pick(zh, en)
    }

    /// The text with `{name}` fields filled in.
    pub fn fill(self, lang: Lang, fields: &[(&str, &str)]) -> String {
        let mut s = self.text(lang).to_string();
        for (name, value) in fields {
            s = s.replace(&["{", name, "}"].concat(), value);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_office_text_is_written_in_both_languages() {
        for k in Desk::ALL {
            let (zh, en) = k.pair();
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
        }
    }
}

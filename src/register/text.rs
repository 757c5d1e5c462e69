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
    ExportHint => "导出的是全部家庭，列与原表相同，后面加上核查结果。", "The export holds every household: the original columns, then the results.";
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

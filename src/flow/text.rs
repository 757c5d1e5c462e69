//! Every string the app shows, in Simplified Chinese and English. One `match` holds both
//! languages side by side, so a string cannot exist in one and not the other; the tests check
//! neither side is empty. Wording addressed to the family uses `您`/`{you}`. In the volunteer
//! voice the questions keep it (the volunteer reads them to the elder, who is 您), and every
//! other text speaks of the family as 老人 and "they": never 他/她, which reads badly aloud.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Who is holding the phone: the family, or a volunteer filling it in for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Voice {
    #[default]
    Family,
    Volunteer,
    /// The office page showing a household from its register (app::desk): the facts came
    /// from the register, not from anyone's answers, and the parents may be 49 as well as 80,
    /// so the household is 这户家庭 and what was said is 台账, never 您 or 老人.
    Register,
}

/// The register voice's Chinese: 根据您的回答 → 根据台账, 您家 / 您 / 老人 → 这户家庭.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
fn register_zh(zh: &str) -> String {
    zh.replace("您的回答", "台账")
        .replace("您家", "这户家庭")
        .replace('您', "这户家庭")
        .replace("老人", "这户家庭")
}

macro_rules! texts {
    ($($key:ident => $zh:expr, $en:tt;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }
        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
            /// The Chinese text (looked up where it is a `later!` tag: `crate::later`) and the
            /// English text (a tag in the web build: pass it through `english::resolve`).
            pub fn pair(self) -> (&'static str, &'static str) {
                let (zh, en) = match self { $(Key::$key => ($zh, $crate::en!($en))),* };
                ($crate::later::resolve(zh), en)
            }

        }
    };
}

texts! {
    AppName => "扶助通", "Fuzhu";
    Tagline => later!("开封市计划生育特殊家庭扶助政策自助查询"), "Self-check for Kaifeng's support for special families";
    LangSwitch => "English", "中文";
    EnglishUnavailable => "英文版要联网打开一次，请联网后再点“English”。", "English needs a connection the first time: please connect and choose English again.";
    LangSwitchLabel => "Switch to English", "切换到中文";
    Preparing => "正在准备结果……", "Preparing the results…";
    ResultsUnavailable => "暂时还看不到结果", "The results cannot be shown yet";
    PreparingFailed => "结果要联网打开一次，请联网后再点“重试”。", "The results need a connection the first time: please connect and press Try again.";
    Retry => "重试", "Try again";
    WelcomeTitle => "看看您家可以享受哪些帮扶", "What support can {your} family get?";
    WelcomeWho => "适用于独生子女去世或有一至三级残疾、之后没有再生育或收养子女的开封市家庭。", "For Kaifeng families whose only child died or has a grade 1 to 3 disability, and who have not had or adopted another child.";
    WelcomePolicy => "依据：开封市人民政府办公室《关于进一步做好计划生育特殊家庭扶助关怀工作的实施意见》（汴政办〔2023〕24号），2023年8月1日起施行。", "Based on the Kaifeng municipal government office's implementing opinions on support for special families (汴政办〔2023〕24号), in force from 1 August 2023.";
    WelcomeTime => "大约需要3分钟，一屏只问一个问题，随时可以返回修改。", "About three minutes. One question per screen; any answer can be changed later.";
    WelcomePrivacy => "填写的内容只留在这台设备上，不会发送到任何地方。", "What is entered here stays on this device and is never sent anywhere.";
    WelcomeGentle => "有些问题会提到孩子的情况，我们尽量问得简短。", "Some questions touch on {your} child; we keep them as short as we can.";
    Start => "开始", "Start";
    Back => "上一步", "Back";
    Next => "下一步", "Next";
    Progress => "还剩{n}题", "Questions left: {n}";
    WhyWeAsk => "为什么问这个", "Why we ask";
    ChooseOne => "请选择一项。", "Please choose one.";
    ChooseEach => "请为每一位选择一项。", "Please choose one for each person.";
    PickDate => "请选择完整的年、月、日。", "Please choose the year, month and day.";
    NotARealDate => "这一天不存在，请检查日期。", "That day does not exist; please check the date.";
    DateInFuture => "日期不能晚于今天。", "The date cannot be after today.";
    DaysRange => "请填写今年住院的天数，只写数字；没有住院就填0。", "Enter the days in hospital this year as a number; 0 if none.";
    DaysNotANumber => "这里只能填数字，比如0或12，不能有小数点、负号、字母或其他符号。", "Only digits can go here, such as 0 or 12.";
    Year => "年", "Year";
    Month => "月", "Month";
    Day => "日", "Day";
    DayNotSure => "记不清", "Not sure";
    DayMattersParent => "满49周岁或满60周岁的那一天还没有过去，具体是哪一天会影响结果。请选出日子（身份证上有）。", "The 49th or 60th birthday is still to come, so the day matters: please choose it (it is on the ID card).";
    DayMattersChild => "孩子满7周岁的那一天还没有过去，具体是哪一天会影响结果。请选出日子（身份证或户口本上有）。", "The 7th birthday is still to come, so the day matters: please choose it (it is on the ID card or household register).";
    Days => "天", "days";
    Mother => "母亲", "Mother";
    Father => "父亲", "Father";
    MultiHint => "可以多选；都没有的话，直接点“下一步”。", "Tick all that apply; if none do, just press Next.";
    Yes => later!("是"), "Yes";
    No => later!("否"), "No";

    QChild => "您的独生子女现在的情况是？", "What is {your} only child's situation now?";
    QChildWhy => "本政策帮扶独生子女去世或重度残疾的家庭。问到这件事，我们很抱歉；可以随时返回或停下。", "The policy helps families whose only child has died or is severely disabled. We are sorry to ask; you may go back or stop at any time.";
    ChildDeceased => "孩子已经离世", "The child has passed away";
    ChildDisabled => "孩子有残疾，持有残疾人证", "The child has a disability certificate";
    ChildLiving => "以上都不是", "Neither of these";
    QGrade => "孩子残疾人证上的等级是？", "What grade is on the child's disability certificate?";
    QGradeWhy => "本政策适用于三级以上残疾，也就是一级、二级和三级。", "The policy covers grades 1, 2 and 3.";
    Grade1 => "一级", "Grade 1";
    Grade2 => "二级", "Grade 2";
    Grade3 => "三级", "Grade 3";
    Grade4 => "四级", "Grade 4";
    QOtherChild => "在这之后，您家有没有再生育或收养孩子？", "Since then, has {your} family had or adopted another child?";
    QOtherChildWhy => "本政策帮扶的是没有再生育、也没有收养子女的家庭。", "The policy helps families who have not had or adopted another child.";
    OtherChildNo => "没有", "No";
    OtherChildYes => "有", "Yes";
    QParents => "孩子的父母现在都健在吗？", "Are both of the child's parents living?";
    QParentsWhy => "特别扶助金等按健在的父母每人计算。", "Special support and some other help are counted per living parent.";
    LivingBoth => "父母双方都健在", "Both parents are living";
    LivingMotherOnly => "母亲健在，父亲已去世", "The mother is living; the father has died";
    LivingFatherOnly => "父亲健在，母亲已去世", "The father is living; the mother has died";
    LivingNeither => "父母都已去世（由亲属或受他们委托的人代为查询）", "Both parents have died (a relative or the person they entrusted is asking)";
    LivingDivorced => "父母都健在，已经离婚了", "Both parents are living, and divorced";
    QMotherBirth => "孩子母亲的出生日期", "The mother's date of birth";
    QMotherBirthWhy => "女方年满49周岁起可领取特别扶助金，年满60周岁起有养老照料。请按身份证上的日期选；记不清哪个月、哪一天的，可以选“记不清”，只有会影响结果时才需要选出来。", "Special support begins at the mother's 49th birthday, elder care at the 60th. Choose the date on the ID card, or \"Not sure\" for the month or the day: they are needed only where they change a result.";
    QFatherBirth => "孩子父亲的出生日期", "The father's date of birth";
    QFatherBirthWhy => "年满60周岁起可享受养老照料。请按身份证上的日期选；记不清哪个月、哪一天的，可以选“记不清”，只有会影响结果时才需要选出来。", "Elder care begins at the 60th birthday. Choose the date on the ID card, or \"Not sure\" for the month or the day: they are needed only where they change a result.";
    QHukou => "谁是开封市户籍？", "Who holds Kaifeng household registration (户籍)?";
    QHukouWhy => "这是开封市的政策；一次性救助的金额还要看夫妻几方是开封户籍（已去世的一方按去世时的户籍）。", "This is Kaifeng's policy; the one-off relief also depends on how many spouses are registered in Kaifeng (for a spouse who has died, their registration at death).";
    HukouBoth => "夫妻双方都是", "Both spouses";
    HukouMotherOnly => "只有母亲是", "Only the mother";
    HukouFatherOnly => "只有父亲是", "Only the father";
    HukouNeither => "都不是", "Neither";
    QHukouLate => "两位老人生前，户口在开封市吗？", "When they were living, were the parents registered (户籍) in Kaifeng?";
    HukouLateBoth => "两位生前都是开封户口", "Both were registered in Kaifeng";
    HukouLateMother => "只有母亲是开封户口", "Only the mother was";
    HukouLateFather => "只有父亲是开封户口", "Only the father was";
    HukouLateNeither => "都不是开封户口", "Neither was";
    QHukouWidow => "您丈夫去世时，户口在开封吗？", "When your husband died, was his household registration (户籍) in Kaifeng?";
    QHukouWidower => "您妻子去世时，户口在开封吗？", "When your wife died, was her household registration (户籍) in Kaifeng?";
    HukouYesMineToo => "在，我的户口也在开封", "Yes, and mine is in Kaifeng too";
    HukouYesNotMine => "在，我的户口不在开封", "Yes, but mine is not in Kaifeng";
    HukouNoOnlyMine => "不在，只有我的户口在开封", "No, only mine is in Kaifeng";
    HukouNeitherHere => "都不在开封", "Neither is in Kaifeng";
    QArea => "户籍在开封市哪个县（区）？", "Which county or district of Kaifeng is the registration in?";
    QAreaWhy => "用来告诉您到哪个县（区）办理。", "So we can tell {you} which local office to go to.";
    QResidence => "您家住在城镇还是农村？", "Does {your} family live in a town or in the countryside?";
    QResidenceWhy => "住房帮扶和再生育帮扶，城镇和农村家庭不一样。", "Housing help and help with having another child differ between town and countryside.";
    Urban => "城镇", "Town or city";
    Rural => "农村", "Countryside";
    QPension => "参加的是哪种养老保险？", "Which pension scheme is each parent in?";
    QPensionWhy => "参加城乡居民养老保险的，县（区）给予缴费补贴。", "Those in the resident pension scheme get a contribution subsidy from the county.";
    PensionResident => "城乡居民养老保险（新农保、城居保）", "Resident pension scheme (the old rural or urban residents' scheme)";
    PensionEmployee => "职工养老保险（单位交的，或领退休工资）", "Employee pension scheme (paid through an employer, or drawing a retirement pension)";
    SchemeNone => "没有参加，或不清楚", "None, or not sure";
    QMedical => "参加的是哪种医疗保险？", "Which medical insurance is each parent in?";
    QMedicalWhy => "参加城乡居民医保的，县（区）给予缴费补贴。", "Those in the resident medical insurance get a contribution subsidy from the county.";
    MedicalResident => "城乡居民医保（原新农合）", "Resident medical insurance (formerly the rural co-operative scheme)";
    MedicalEmployee => "职工医保（单位交的，或领退休工资）", "Employee medical insurance (paid through an employer, or drawing a retirement pension)";
    QHospitalDays => "今年住院一共多少天？", "How many days in hospital this year?";
    QHospitalDaysWhy => "住院期间每天有{}元护理补贴，每年最多{}天。没有住院就填0。", "A nursing allowance of {} yuan is paid for each day in hospital, up to {} days a year. Enter 0 if none.";
    QCare => "现在在哪里养老？", "Where does each parent live now?";
    QCareWhy => "年满60周岁后，在家养老和住养老机构的帮扶不同。", "From age 60, the help differs for living at home and living in a care home.";
    CareHome => "在家里", "At home";
    CarePublic => "公办养老机构", "A public care home";
    CarePublicPrivate => "公建民营养老机构", "A publicly built, privately run care home";
    CarePrivate => "民办养老机构", "A private care home";
    CareHomeUnknown => "住养老机构，不清楚是哪种", "In a care home, not sure which kind";
    QHealth => "身体方面有没有这些情况？", "Do any of these apply to the parents' health?";
    QHealthWhy => "行动不便的，医生可以上门；生活不能自理或失去民事行为能力的，有专门的照顾和监护安排。", "Doctors visit those with limited mobility; those who cannot look after themselves or have lost legal capacity have care and guardianship arrangements.";
    MobilityLimited => "行动不便", "Limited mobility";
    NoSelfCare => "生活不能自理", "Cannot look after themselves";
    NoCivilCapacity => "失去民事行为能力（需要别人代为做决定）", "Has lost legal capacity (others must decide for them)";
    QCircumstances => "您家有没有下面这些情况？", "Do any of these apply to {your} family?";
    QCircumstancesWhy => "这些情况各对应一项帮扶，比如住房、医疗救助、法律援助。", "Each of these opens a kind of help, such as housing, medical assistance or legal aid.";
    LowIncome => "家庭生活困难", "The family is in financial hardship";
    HousingDifficulty => "住房困难", "Short of housing";
    DilapidatedHouse => "住的是危房", "The house is dilapidated or unsafe";
    PovertyRegistered => "是建档立卡脱贫户", "Registered as lifted out of poverty (建档立卡脱贫户)";
    WantsAnotherChild => "想再要一个孩子", "Wishing to have another child";
    NeedsIvf => "需要做试管婴儿", "Needing IVF";
    WantsToAdopt => "考虑收养一个孩子", "Thinking of adopting a child";
    LegalDispute => "遇到侵害或纠纷，需要打官司", "Wronged or in a dispute that needs a lawsuit";
    QSchooling => "孩子现在在上学吗？", "Is the child in school now?";
    QSchoolingWhy => "在读高中、中职或大学的残疾独生子女，优先享受学生资助。", "A disabled only child in senior high, vocational school or college has priority for student aid.";
    SchoolHigh => "在读普通高中", "In senior high school";
    SchoolVocational => "在读中职学校", "In a vocational school";
    SchoolCollege => "在读全日制大学本科或专科", "In a full-time college course";
    SchoolNone => "没有在读以上学校", "None of these";
    QChildBirth => "孩子的出生日期", "The child's date of birth";
    QChildBirthWhy => "0—6岁的残疾儿童可以优先得到康复救助。记不清哪个月、哪一天的，可以选“记不清”，只有会影响结果时才需要选出来。", "Disabled children of 0 to 6 have priority for rehabilitation. \"Not sure\" of the month or the day is fine where it changes no result.";
    QChildCapacity => "孩子能自己处理日常事务、自己签字办事吗？", "Can the child handle everyday matters and sign papers on their own?";
    QChildCapacityWhy => "成年后不能自己处理事务（没有民事行为能力）的残疾孩子，纳入成年监护制度安排，有人帮着办事、照看权益。按实际情况选就好。", "An adult child who cannot handle their own affairs (no civil capacity) comes under adult guardianship, with someone to look after their interests.";
    CapacityYes => "能，自己能办", "Yes, on their own";
    CapacityNo => "不能，需要别人代办（法院已认定或正在申请监护）", "No, others must act for them (a court has ruled, or guardianship is being applied for)";
    QDisabilityTypes => "孩子的残疾类别是？", "What kind of disability does the child have?";
    QDisabilityTypesWhy => "视力、听力、智力、言语、孤独症、肢体残疾的0—6岁儿童优先康复。", "Children of 0 to 6 with these disabilities have priority for rehabilitation.";
    TypeVision => "视力残疾", "Vision";
    TypeHearing => "听力残疾", "Hearing";
    TypeIntellectual => "智力残疾", "Intellectual";
    TypeSpeech => "言语残疾", "Speech";
    TypeAutism => "孤独症", "Autism";
    TypePhysical => "肢体残疾（含脑瘫）", "Physical (including cerebral palsy)";
    TypeMental => "精神残疾", "Mental";
    TypeMultiple => "多重残疾", "Multiple";
    NotAsked => "（无需回答）", "(not needed)";
    Deceased => "已去世", "has died";

    SummaryTitle => "核对您的回答", "Check {your} answers";
    SummaryHint => "点“修改”可以改任何一个回答，其他回答会保留。", "Press Change to change any answer; the others are kept.";
    Change => "修改", "Change";
    SeeResults => "查看结果", "See the results";
    StartAgain => later!("重新开始"), "Start again";

    ResultsTitle => later!("您家可以享受的帮扶"), "What {your} family can receive";
    ResultsCount => later!("共{n}项可以享受、需要核实或将来可以享受。"), "{n} items can be received, need checking, or will be available later.";
    TotalMonthly => later!("每月现金"), "Cash each month";
    TotalOneOff => later!("一次性现金"), "One-off cash";
    TotalAnnual => later!("今年住院护理补贴"), "Hospital nursing allowance this year";
    Yuan => later!("{amount}元"), "{amount} yuan";
    StatusEligible => later!("可以享受"), "Can receive";
    StatusEligibleDetails => later!("可以享受，细节需要核实"), "Can receive; details to be confirmed";
    StatusCheck => later!("需要核实"), "To be confirmed";
    StatusFuture => later!("将于{date}起可以享受"), "From {date}";
    StatusLegend => later!("可以享受：条件符合，可以去办理。需要核实：由有关部门核实后才能确定。将来可以享受：到写明的日期起可以申请。"), "Can receive: the conditions are met, go and claim. To be confirmed: the office decides after checking. From a date: it can be claimed from that date.";
    StatusNotEligible => later!("不适用"), "Does not apply";
    LegendTitle => later!("这些标记是什么意思"), "What the labels mean";
    Why => later!("为什么"), "Why";
    Basis => later!("依据"), "Based on";
    ClauseRef => later!("汴政办〔2023〕24号 第{n}条"), "汴政办〔2023〕24号, clause {n}";
    ReadClause => later!("查看原文"), "Read the clause";
    GoFirst => later!("先去"), "Go first to";
    Responsible => later!("负责部门"), "Responsible agencies";
    Bring => later!("要带的材料"), "What to bring";
    FirstTitle => later!("先做这几件事"), "What to do first";
    DeadlineLine => later!("{item}：请在{date}前办理"), "{item}: apply by {date}";
    Deadline => later!("最近的期限"), "Nearest deadline";
    ToClaim => later!("要去申请的（{n}项）"), "To apply for ({n})";
    Services => later!("服务和优先照顾（{n}项）"), "Services and priorities ({n})";
    Received => later!("已经在享受的（{n}项）"), "Already receiving ({n})";
    MarkReceived => later!("我家已经在享受"), "We already receive this";
    UnmarkReceived => later!("还没有享受"), "Not receiving it yet";
    Details => later!("详细（为什么、依据、材料）"), "Details";
    AddToCalendar => later!("加到日历"), "Add to calendar";
    CalendarSaved => later!("已保存到下载，打开即可加入日历"), "Saved to downloads: open it to add it to the calendar";
    AfterDeath => later!("身后事"), "After the parents' death";
    AfterDeathWhere => later!("到时去"), "Where, when the time comes";
    CalendarLabel => later!("把“{item}”的日期加到手机日历"), "Add the date for {item} to the phone's calendar";
    ReadFirst => later!("朗读这一段"), "Read this part aloud";
    PrintReceived => later!("已经在享受的项目（不用再办理）"), "Already receiving (nothing to claim)";
    NotApplying => later!("不适用的项目（{n}项）"), "Items that do not apply ({n})";
    RulesVersion => "规则版本", "Rules version";
    CheckedOn => later!("查询日期"), "Checked on";
    NotSpecialTitle => later!("这个家庭不属于本政策的帮扶对象"), "This family is not covered by this policy";
    NotSpecialBody => later!("根据您的回答，本政策的帮扶项目都不适用。如果情况有变化，或者想再确认，可以拨打12345政务服务便民热线咨询。"), "From {your} answers, none of this policy's help applies. To make sure, call the 12345 government hotline.";
    NotCoveredTitle => later!("本政策只适用于开封市户籍家庭"), "This policy is for families registered in Kaifeng";
    Hotlines => later!("公共服务热线"), "Public hotlines";
    Disclaimer => later!("本结果根据您的回答和政策原文得出，仅供参考；最终以有关部门审核为准。"), "This result comes from {your} answers and the policy text, as guidance; the agencies' own decision is final.";
    PerPersonMonthly => later!("每人每月{rate}元，全家每月{total}元"), "{rate} yuan per person per month; {total} yuan a month for the household";
    NationalRate => later!("按国家和省规定的标准发放，以县（区）卫生健康委核定为准"), "Paid at the national and provincial rate, as the county health commission confirms it";
    ToConfirmMonthly => later!("另有待核实的每月现金"), "Monthly cash still to be confirmed";
    ToConfirmOneOff => later!("另有待核实的一次性救助"), "One-off relief still to be confirmed";
    ToConfirmAnnual => later!("另有待核实的住院护理补贴"), "Hospital nursing allowance still to be confirmed";
    ResultsTitleLate => later!("这个家庭可以申请的帮扶"), "Support this family can claim";
    OneOff => later!("一次性{amount}元"), "{amount} yuan, once";
    NursingLine => later!("住院期间每天{daily}元，每年最多{cap}天；按今年住院天数计{annual}元"), "{daily} yuan a day in hospital, at most {cap} days a year; {annual} yuan for this year's days";
    ErrorTitle => later!("出了点问题"), "Something went wrong";
    ErrorBody => later!("很抱歉，页面出错了。您的回答没有丢失，点下面的按钮重新打开即可。"), "Sorry, the page hit an error. {Your} answers are not lost; press the button below to reopen.";
    Restart => later!("重新打开"), "Reopen";
    EngineRefused => later!("无法计算："), "Cannot work this out: ";

    LargeText => "大字", "Large text";
    LargeTextLabel => "大字显示", "Show large text";
    ReadAloud => "朗读", "Read aloud";
    ReadQuestion => "朗读这个问题和选项", "Read this question and its choices aloud";
    ReadItem => later!("朗读这一项"), "Read this item aloud";
    ReadingNow => "正在朗读", "Reading aloud";
    StopReading => "停止", "Stop";
    StopReadingLabel => "停止朗读", "Stop reading aloud";
    NoVoice => "这部手机没有中文朗读语音，读不出来。可在手机设置的“文字转语音”里添加中文语音。", "This phone has no English voice to read aloud with. Add one in the phone's text-to-speech settings.";
    WhoFills => "谁在填写？", "Who is filling this in?";
    ForOwnFamily => "我为自己家填写", "For my own family";
    ForSomeoneElse => "我在帮别人填写（志愿者、社区或街道工作人员）", "For someone else (a volunteer or community staff)";
    HandoverTitle => later!("交给老人或家属"), "For the elder or the family";
    HandoverIntro => later!("请点“打印”，把办理清单交给老人或家属；也可以把这一部分念给他们听。他们用自己的手机扫描下面的二维码，也能打开同样的结果。"), "Print the claim list for the elder or the family, or read this part to them. They can also scan the code below to open the same results on their phone.";
    HandoverItems => later!("可以申请的项目"), "Items to claim";
    GoFirstList => later!("先去这些地方办理"), "Where to go first";
    QrTitle => later!("在另一部手机上打开"), "Open on another phone";
    QrCaption => later!("用手机相机或微信扫一扫这个二维码，就能在那部手机上打开这份结果。二维码里包含这些回答，请只给信任的人扫。"), "Scan this code with a phone camera or WeChat to open these results there. It carries these answers: let only people you trust scan it.";
    SaveConsent => "在这台设备上保存我的回答", "Save my answers on this device";
    SaveHint => "勾选后，下次用这台设备打开时会接着显示这些回答，也记住大字设置。不勾选，就什么都不保存。", "If ticked, this device shows these answers next time and keeps large text. If not, nothing is saved.";
    ClearAll => "清除全部回答", "Clear all answers";
    ClearAllHint => "这会删除这里填写的全部回答，也删除这台设备上保存的，然后回到第一页。确定要清除吗？", "This removes every answer, also any saved on this device, and starts again. Clear them?";
    ClearConfirm => "确定清除", "Yes, clear them";
    ShareEmpty => "链接里没有回答，请从头开始填写。", "The link has no answers in it; please start from the beginning.";
    ShareVersion => "这个链接来自另一个版本的扶助通，无法打开。请从头开始填写。", "This link was made by another version of Fuzhu and cannot be opened. Please start from the beginning.";
    ShareDamaged => "这个链接不完整或被改动过，无法恢复回答。请从头开始填写，或请对方重新发送链接。", "This link is incomplete or changed, so the answers cannot be restored. Please start again, or ask for the link again.";
    ShareInvalid => "这个链接里的回答有误（比如日期晚于今天），无法使用。请从头开始填写。", "The answers in this link are not possible (a date after today, say). Please start again.";
    ShareNewer => "这个链接来自新版本的扶助通。正在更新到新版本，更新好后会自动打开这个链接，请稍候（需要联网）。", "This link was made by a newer version of Fuzhu. Updating to it now; the link opens by itself once the update is in (this needs the internet).";
    ShareNewerTitle => "正在打开新版本的链接", "Opening a link from a newer version";
    ShareNewerGiveUp => "不等了，从头开始填写", "Do not wait; start from the beginning";
    SavedAside => "这台设备上还保存着之前的回答，打开这个链接没有改动它们。", "Earlier answers are still saved on this device; opening this link did not change them.";
    OpenSaved => "打开保存的回答", "Open the saved answers";
    ReplaceSaved => "改为保存这个链接的回答", "Save this link's answers instead";
    KeepSaved => "保留之前的，不保存这些", "Keep the earlier ones; do not save these";
    SaveReplaces => "勾选会替换这台设备上之前保存的回答。", "Ticking this replaces the answers saved earlier on this device.";
    CannotSave => "在这里无法保存回答：浏览器不允许这个页面在设备上保存。", "Answers cannot be saved here: the browser does not let this page store anything on the device.";
    OpenFullPage => "打开完整页面再保存", "Open the full page to save";
    NextFamily => "下一位", "Next person";
    NextFamilyLabel => "下一位：清除这一位的全部回答，回到第一页", "Next person: clear every answer of this one and go back to the start";
    NextFamilyAsk => "换下一位吗？这一位的全部回答会被清除，不能找回。", "Start the next person? Every answer of this one is cleared and cannot be got back.";
    NextFamilyYes => "清除，换下一位", "Clear them and start the next";
    KeepFilling => "不，继续看这一位", "No, stay with this one";
    StillThere => "还在填写吗？", "Still filling in?";
    StillThereHint => "再过一分钟没有操作，这里填写的回答会全部清除，以保护隐私。", "Without a touch within a minute, every answer here is cleared, to keep it private.";
    Continue => "继续", "Continue";
    AppVersion => "扶助通版本", "Fuzhu version";

    OfficeFirst => later!("您可以先联系："), "{You} can contact first: ";
    OfficeCall => later!("拨打"), "Call";
    PrintButton => later!("打印 / 保存为PDF"), "Print / save as PDF";
    PrintTitle => later!("办理清单"), "What to claim, and where";
    PrintIntro => later!("按办理地点整理，每个地点一页：去哪里办理，就带上那一页和该页列出的材料。"), "Sorted by where to go, one page per place: take the page and the papers it lists.";
    PrintPlaces => later!("要去的地方"), "Places to go";
    PrintPlace => later!("第{n}处，共{total}处"), "Place {n} of {total}";
    PrintAt => later!("到{agency}办理"), "At {agency}";
    PrintItems => later!("在这里办理的事项"), "Items to claim here";
    PrintBasis => later!("政策依据（原文）"), "Policy basis (the policy's own words)";
    PrintQr => later!("扫码打开这份结果"), "Scan to open these results";
    PrintNoOffice => later!("请按下面各页写明的地点去办理；有疑问可以拨打公共服务热线。"), "Go to the places on the following pages; with any question, call a public hotline.";
    MonthMatters => later!("只填年份还不够：这一年里是哪个月出生，会影响结果。请选出月份（身份证或户口本上有）。"), "The year alone is not enough: the month of birth can change a result. Please choose it (it is on the ID card or household register).";
    OtherChildMotherOnly => later!("只有母亲有（比如再婚后），父亲没有"), "Only the mother has (after remarrying, say); the father has not";
    OtherChildFatherOnly => later!("只有父亲有（比如再婚后），母亲没有"), "Only the father has (after remarrying, say); the mother has not";
    AreasDiffer => later!("夫妻两人的户籍不在同一个县（区）"), "The two are registered in different counties";
    QParentAreas => later!("两人的户籍各在哪个县（区）？"), "Which county or district is each one registered in?";
    QParentAreasWhy => later!("各人领取的帮扶，到自己户籍所在的县（区）办理。"), "What each person receives is handled in the county where that person is registered.";
    BirthAssumed => later!("{who}的出生日期只填到{given}：这期间哪一天出生，结果都一样。办理时以身份证上的日期为准。"), "{who}: date of birth given only as {given}. Any day of it gives the same results; the office goes by the ID card.";
}

impl Key {
    /// The questions, their explanations and choices (the block from `QChild` to `Deceased`):
    /// a volunteer reads them to the elder, so they keep 您 and "you" in every voice.
    pub fn asks(self) -> bool {
        (Key::QChild as u16..=Key::Deceased as u16).contains(&(self as u16))
    }

    /// The text in `lang`, addressed as `voice` wants.
    pub fn text(self, lang: Lang, voice: Voice) -> Cow<'static, str> {
        let (zh, en) = self.pair();
        let en = crate::english::resolve(en);
        let voice = if self.asks() { Voice::Family } else { voice };
        match (lang, voice) {
            (Lang::Zh, Voice::Family) => Cow::Borrowed(zh),
            (Lang::Zh, Voice::Volunteer) => {
                if has(zh, "您") {
                    Cow::Owned(zh.replace('您', "老人"))
                } else {
                    Cow::Borrowed(zh)
                }
            }
            // Only the office page speaks of a register (its wasm alone carries the words and
            // the string searcher `str::replace` brings: about 0.5 KB of the family page's
            // first load gzipped).
            #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
            (Lang::Zh, Voice::Register) => {
                if has(zh, "您") || has(zh, "老人") {
                    Cow::Owned(register_zh(zh))
                } else {
                    Cow::Borrowed(zh)
                }
            }
            #[cfg(all(target_arch = "wasm32", not(feature = "office")))]
            (Lang::Zh, Voice::Register) => Cow::Borrowed(zh),
            (Lang::En, v) => {
                if !en.contains('{') {
                    return Cow::Borrowed(en);
                }
                let (you, your, you_cap, your_cap) = match v {
                    Voice::Family => ("you", "your", "You", "Your"),
                    Voice::Volunteer => ("they", "their", "They", "Their"),
                    Voice::Register => ("the family", "the family's", "The family", "The family's"),
                };
                let filled = fill_fields(en, |name| match name {
                    "you" => Some(you),
                    "your" => Some(your),
                    "You" => Some(you_cap),
                    "Your" => Some(your_cap),
                    _ => None,
                });
                #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
                if v == Voice::Register {
                    return Cow::Owned(
                        filled
                            .replace("the family's answers", "the register")
                            .replace("The family's answers", "The register"),
                    );
                }
                Cow::Owned(filled)
            }
        }
    }

    /// The text with `{name}` fields filled in.
    pub fn fill(self, lang: Lang, voice: Voice, fields: &[(&str, &str)]) -> String {
        fill_fields(&self.text(lang, voice), |name| {
            fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
        })
    }
}

/// Whether `text` holds `part`: a plain search. `str::contains` with a string, or with a
/// character outside ASCII (such as 您), brings core's two-way string searcher into the wasm
/// (about 0.5 KB of the first load gzipped, docs/quality.md).
pub fn has(text: &str, part: &str) -> bool {
    part.is_empty()
        || text
            .as_bytes()
            .windows(part.len())
            .any(|w| w == part.as_bytes())
}

/// `text` with each `{name}` replaced by `value(name)`, as `str::replace` per field would; a
/// field it has no value for, and a lone brace, are kept as written. One pass looking for a brace (a character), rather than
/// `str::replace` with a string per field: that brings core's two-way string searcher into the
/// wasm (about 1 KB of the first load gzipped, docs/quality.md).
pub fn fill_fields<'a>(text: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let field = &rest[open + 1..];
        let Some(close) = field.find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        match value(&field[..close]) {
            Some(v) => {
                out.push_str(v);
                rest = &field[close + 1..];
            }
            // Not a field: the brace as written, and on from just after it.
            None => {
                out.push('{');
                rest = field;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// `zh` or `en`, either looked up if it is a tag (`crate::later`, `crate::english`).
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => crate::later::resolve(zh),
            Lang::En => crate::english::resolve(en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fill_fields;

    #[test]
    fn has_finds_what_contains_finds() {
        for (text, part) in [
            ("请核实。", "核实"),
            ("您家", "您"),
            ("abc", ""),
            ("", "x"),
            ("核", "核实"),
        ] {
            assert_eq!(super::has(text, part), text.contains(part), "{text} {part}");
        }
    }

    #[test]
    fn fields_are_filled_and_anything_else_is_kept_as_written() {
        let v = |n: &str| match n {
            "n" => Some("3"),
            "date" => Some("2027年3月1日"),
            _ => None,
        };
        assert_eq!(fill_fields("还剩{n}题", v), "还剩3题");
        assert_eq!(fill_fields("{date}起，{n}项", v), "2027年3月1日起，3项");
        assert_eq!(fill_fields("{n}{n}", v), "33");
        assert_eq!(fill_fields("no fields", v), "no fields");
        assert_eq!(fill_fields("{other} and {n}", v), "{other} and 3");
        assert_eq!(fill_fields("a { lone brace {n}", v), "a { lone brace 3");
        assert_eq!(fill_fields("{n} then {", v), "3 then {");
        assert_eq!(fill_fields("}{}{n}", v), "}{}3");
        assert_eq!(fill_fields("", v), "");
    }
}

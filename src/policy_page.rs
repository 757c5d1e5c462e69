//! The plain-HTML policy page (`policy.html`), written at build time from the same catalogue
//! the app reads (`fuzhu static-page`). It needs neither JavaScript nor WebAssembly, so old
//! phones and in-app browsers that cannot run the app still see every item, its conditions in
//! the policy's own words, its clause, where to go, what to bring and the public hotlines.
//! Its own room: a page of its own, generated for the release, never part of the questionnaire.

use std::fmt::Write;

use crate::flow::text::{Key, Lang, Voice};
use crate::rules::{clause, BENEFITS, HOTLINES, RULES_VERSION};

/// The file name the build writes next to `index.html`.
pub const FILE_NAME: &str = "policy.html";

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn zh(k: Key) -> String {
    escape(&k.text(Lang::Zh, Voice::Family))
}

/// The whole page, in Chinese.
pub fn html() -> String {
    let mut h = String::with_capacity(48 * 1024);
    let citation =
        |n: u8| escape(&Key::ClauseRef.fill(Lang::Zh, Voice::Family, &[("n", &n.to_string())]));
    // `write!` into a String cannot fail.
    let _ = write!(
        h,
        r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="description" content="开封市计划生育特殊家庭扶助政策（汴政办〔2023〕24号）全部帮扶项目的文字版">
<title>扶助通 文字版：开封市计划生育特殊家庭扶助政策</title>
<link rel="stylesheet" href="policy.css">
<link rel="icon" href="data:,">
</head>
<body>
<main class="policy-page">
<header>
<p class="brand">扶助通 · 文字版</p>
<h1>开封市计划生育特殊家庭可以享受的帮扶</h1>
<p class="lead">本政策共{count}项帮扶。下面逐项列出：条件（政策原文）、依据条款、先去哪里办、负责部门和要带的材料。</p>
<p class="notice">这是不需要 JavaScript 的文字版，较旧的手机和微信等应用里的浏览器也能打开。如果能正常使用，<a href="./">用问答版</a>几步就能看到您家能享受哪几项。</p>
</header>
<section aria-labelledby="who">
<h2 id="who">谁可以享受</h2>
<p>{who}</p>
<p>{policy}</p>
<p>文中的“县（区）”指户籍所在的县（区）：龙亭区、顺河回族区、鼓楼区、禹王台区、祥符区、杞县、通许县、尉氏县、兰考县，城乡一体化示范区由示范区管理委员会办理。兰考县由省直管，有关资金请向兰考县当地核实。</p>
</section>
"#,
        count = BENEFITS.len(),
        who = zh(Key::WelcomeWho),
        policy = zh(Key::WelcomePolicy),
    );
    hotlines(&mut h);
    let _ = write!(
        h,
        "<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">全部{}项</h2>\n<ol class=\"toc\">\n",
        BENEFITS.len()
    );
    for b in BENEFITS.iter() {
        let _ = writeln!(
            h,
            "<li><a href=\"#{id}\">{name}</a>（第{n}条）</li>",
            id = b.id.as_str(),
            name = escape(b.zh),
            n = b.clause
        );
    }
    h.push_str("</ol>\n</nav>\n");
    for (i, b) in BENEFITS.iter().enumerate() {
        let title = clause(b.clause).map(|c| c.title).unwrap_or_default();
        let agencies: Vec<String> = b.agencies.iter().map(|a| escape(a.agency().zh)).collect();
        let _ = write!(
            h,
            r#"<article class="item" id="{id}" aria-labelledby="{id}-title">
<h2 id="{id}-title"><span class="n">{n}.</span> {name}</h2>
<p class="clause">{basis}：{citation}　{title}</p>
<h3>条件（政策原文）</h3>
<blockquote>{quote}</blockquote>
<h3>{go}</h3>
<p>{contact}</p>
<h3>{responsible}</h3>
<p>{agencies}</p>
<h3>{bring}</h3>
<ul class="documents">
"#,
            id = b.id.as_str(),
            n = i + 1,
            name = escape(b.zh),
            basis = zh(Key::Basis),
            citation = citation(b.clause),
            title = escape(title),
            quote = escape(b.quote),
            go = zh(Key::GoFirst),
            contact = escape(b.contact.agency().zh),
            responsible = zh(Key::Responsible),
            agencies = agencies.join("、"),
            bring = zh(Key::Bring),
        );
        for d in b.documents {
            let _ = writeln!(h, "<li>{}</li>", escape(d.zh));
        }
        h.push_str("</ul>\n<p class=\"top\"><a href=\"#toc\">回到目录</a></p>\n</article>\n");
    }
    hotlines(&mut h);
    let _ = write!(
        h,
        r#"<footer>
<p>本页根据政策原文整理，仅供参考；能否享受、享受多少，以有关部门审核为准。</p>
<p>{version}：{rules}。政策自2023年8月1日起施行。</p>
</footer>
</main>
</body>
</html>
"#,
        version = zh(Key::RulesVersion),
        rules = escape(RULES_VERSION),
    );
    h
}

fn hotlines(h: &mut String) {
    let _ = write!(
        h,
        "<section class=\"hotlines\">\n<h2>{}</h2>\n<ul>\n",
        zh(Key::Hotlines)
    );
    for (n, name, _) in HOTLINES {
        let _ = writeln!(
            h,
            "<li><a href=\"tel:{n}\">{n}</a> {name}</li>",
            name = escape(name)
        );
    }
    h.push_str(
        "</ul>\n<p>各县（区）、乡镇（街道）办公室的电话本页不列出，可以拨打12345询问，或直接到户籍所在地村（居）委会咨询。</p>\n</section>\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_item_with_its_clause_quote_agencies_and_documents() {
        let page = html();
        assert_eq!(page.matches("<article class=\"item\"").count(), 25);
        for (i, b) in BENEFITS.iter().enumerate() {
            let start = page
                .find(&format!("<article class=\"item\" id=\"{}\"", b.id.as_str()))
                .unwrap_or_else(|| panic!("{} has no section", b.id.as_str()));
            let end = start + page[start..].find("</article>").unwrap();
            let section = &page[start..end];
            assert!(section.contains(&format!("{}.</span> {}", i + 1, escape(b.zh))));
            assert!(
                section.contains(&format!("汴政办〔2023〕24号 第{}条", b.clause)),
                "{} cites no clause",
                b.id.as_str()
            );
            assert!(section.contains(&escape(b.quote)), "{}", b.id.as_str());
            assert!(section.contains(&escape(b.contact.agency().zh)));
            for a in b.agencies {
                assert!(section.contains(&escape(a.agency().zh)));
            }
            for d in b.documents {
                assert!(section.contains(&format!("<li>{}</li>", escape(d.zh))));
            }
            assert!(page.contains(&format!("href=\"#{}\"", b.id.as_str())));
        }
    }

    #[test]
    fn names_only_the_public_hotlines_and_needs_no_script() {
        let page = html();
        for (n, name, _) in HOTLINES {
            assert!(page.contains(&format!("<a href=\"tel:{n}\">{n}</a> {name}")));
        }
        let tel_links: Vec<&str> = page.split("href=\"tel:").skip(1).collect();
        for link in tel_links {
            let number = &link[..link.find('"').unwrap()];
            assert!(
                HOTLINES.iter().any(|(n, _, _)| *n == number),
                "an unknown phone number {number}"
            );
        }
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"));
        assert!(!lower.contains(" style="));
        assert!(!lower.contains("<style"));
        assert!(!lower.contains("http://") && !lower.contains("https://"));
        assert!(page.contains(RULES_VERSION));
        assert!(page.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
        assert!(page.trim_end().ends_with("</html>"));
    }

    #[test]
    fn markup_in_the_data_would_be_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        // The catalogue holds none, so the page's tags are all its own.
        let page = html();
        assert_eq!(
            page.matches("<article").count(),
            page.matches("</article>").count()
        );
        assert_eq!(page.matches("<li>").count(), page.matches("</li>").count());
    }
}

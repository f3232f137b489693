//! Replies in traditional characters (`臺前縣交通運輸局對…第25號建議的答復`): the grammar's words are
//! written in simplified characters, so such a text is converted from a copy whose traditional
//! characters are folded one to one into simplified ones, and every string of the result that was cut
//! from that copy is then cut again, at the same place, from the text as written.
//!
//! Folding keeps every character's place and byte length (both forms are three UTF-8 bytes), so a
//! string found at a byte offset of the copy is the same characters of the original there. Strings
//! the converter built (joined lines, keys without their padding, ISO dates) are not in the copy and
//! stay as built. Restoring looks for each string from where the last one was found, within a budget
//! of bytes proportional to the text, so the conversion stays linear; past the budget the rest stays
//! folded.

use std::collections::HashMap;

use crate::model::query::CharIndex;
use crate::model::{Reply, MAX_JSON_BYTES};

use super::CharSet;

/// Traditional characters the grammar's words and a reply's usual words are written with, and their
/// simplified forms (sorted by the traditional character).
const FOLD: [(char, char); 194] = [
    ('並', '并'),
    ('佈', '布'),
    ('來', '来'),
    ('係', '系'),
    ('倉', '仓'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('傳', '传'),
    ('價', '价'),
    ('億', '亿'),
    ('優', '优'),
    ('兒', '儿'),
    ('內', '内'),
    ('創', '创'),
    ('劃', '划'),
    ('劑', '剂'),
    ('務', '务'),
    ('勢', '势'),
    ('區', '区'),
    ('協', '协'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圓', '圆'),
    ('團', '团'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('壩', '坝'),
    ('婦', '妇'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('屬', '属'),
    ('幫', '帮'),
    ('庫', '库'),
    ('廠', '厂'),
    ('廣', '广'),
    ('廳', '厅'),
    ('從', '从'),
    ('復', '复'),
    ('徹', '彻'),
    ('應', '应'),
    ('戶', '户'),
    ('揮', '挥'),
    ('撥', '拨'),
    ('擊', '击'),
    ('據', '据'),
    ('擬', '拟'),
    ('擴', '扩'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('橋', '桥'),
    ('機', '机'),
    ('檔', '档'),
    ('檢', '检'),
    ('歲', '岁'),
    ('歷', '历'),
    ('氣', '气'),
    ('測', '测'),
    ('準', '准'),
    ('溝', '沟'),
    ('濟', '济'),
    ('瀏', '浏'),
    ('為', '为'),
    ('燈', '灯'),
    ('爭', '争'),
    ('獲', '获'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('眾', '众'),
    ('碼', '码'),
    ('礦', '矿'),
    ('稱', '称'),
    ('筆', '笔'),
    ('築', '筑'),
    ('簡', '简'),
    ('簽', '签'),
    ('紀', '纪'),
    ('約', '约'),
    ('紅', '红'),
    ('級', '级'),
    ('組', '组'),
    ('絡', '络'),
    ('經', '经'),
    ('綜', '综'),
    ('維', '维'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繼', '继'),
    ('續', '续'),
    ('習', '习'),
    ('聯', '联'),
    ('臺', '台'),
    ('與', '与'),
    ('興', '兴'),
    ('舊', '旧'),
    ('華', '华'),
    ('萬', '万'),
    ('藥', '药'),
    ('處', '处'),
    ('號', '号'),
    ('衆', '众'),
    ('衛', '卫'),
    ('補', '补'),
    ('複', '复'),
    ('見', '见'),
    ('規', '规'),
    ('親', '亲'),
    ('覽', '览'),
    ('計', '计'),
    ('訊', '讯'),
    ('記', '记'),
    ('設', '设'),
    ('話', '话'),
    ('認', '认'),
    ('請', '请'),
    ('謝', '谢'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('財', '财'),
    ('貧', '贫'),
    ('貫', '贯'),
    ('貸', '贷'),
    ('費', '费'),
    ('資', '资'),
    ('質', '质'),
    ('車', '车'),
    ('轉', '转'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('達', '达'),
    ('遷', '迁'),
    ('還', '还'),
    ('郵', '邮'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('醫', '医'),
    ('錄', '录'),
    ('鎮', '镇'),
    ('鐵', '铁'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('陽', '阳'),
    ('際', '际'),
    ('難', '难'),
    ('電', '电'),
    ('頁', '页'),
    ('項', '项'),
    ('預', '预'),
    ('領', '领'),
    ('題', '题'),
    ('願', '愿'),
    ('類', '类'),
    ('餘', '余'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
    ('黨', '党'),
    ('齡', '龄'),
];

/// The traditional characters of [`FOLD`], in its order.
const TRADITIONAL_CHARS: [char; 194] = [
    '並', '佈', '來', '係', '倉', '個', '們', '備', '傳', '價', '億', '優', '兒', '內', '創', '劃',
    '劑', '務', '勢', '區', '協', '員', '問', '單', '國', '圍', '園', '圓', '團', '執', '報', '場',
    '壩', '婦', '學', '實', '審', '寫', '將', '專', '對', '導', '屆', '屬', '幫', '庫', '廠', '廣',
    '廳', '從', '復', '徹', '應', '戶', '揮', '撥', '擊', '據', '擬', '擴', '數', '於', '時', '書',
    '會', '東', '條', '業', '構', '標', '橋', '機', '檔', '檢', '歲', '歷', '氣', '測', '準', '溝',
    '濟', '瀏', '為', '燈', '爭', '獲', '現', '環', '產', '當', '療', '發', '眾', '碼', '礦', '稱',
    '筆', '築', '簡', '簽', '紀', '約', '紅', '級', '組', '絡', '經', '綜', '維', '網', '線', '編',
    '縣', '總', '織', '繼', '續', '習', '聯', '臺', '與', '興', '舊', '華', '萬', '藥', '處', '號',
    '衆', '衛', '補', '複', '見', '規', '親', '覽', '計', '訊', '記', '設', '話', '認', '請', '謝',
    '議', '護', '讀', '財', '貧', '貫', '貸', '費', '資', '質', '車', '轉', '辦', '農', '這', '進',
    '過', '達', '遷', '還', '郵', '鄉', '鄰', '醫', '錄', '鎮', '鐵', '長', '門', '開', '間', '閱',
    '關', '陽', '際', '難', '電', '頁', '項', '預', '領', '題', '願', '類', '餘', '驗', '體', '點',
    '黨', '齡',
];

/// [`TRADITIONAL_CHARS`] as a first test.
static TRADITIONAL: CharSet = CharSet::new(&TRADITIONAL_CHARS);

/// How many characters at the start of a text decide whether it is written in traditional characters
/// (its title, header and opening are there).
const SAMPLE: usize = 2000;
/// How many of the [`MARKS`] in the sample make it so (a stray one in a simplified text never).
const ENOUGH: usize = 3;
/// Traditional characters nearly every reply's title, header or opening holds (号, 会议, 对, 关于, 来源,
/// 发布, 区, 县, 为, 们, 这, 答复, 届): looking for these few alone keeps the test cheap for the
/// simplified texts that make up nearly all input.
const MARK_CHARS: [char; 16] = [
    '號', '會', '議', '對', '關', '於', '來', '發', '區', '縣', '為', '們', '這', '復', '複', '屆',
];
static MARKS: CharSet = CharSet::new(&MARK_CHARS);

/// The simplified form of a character of [`FOLD`].
fn simplified(c: char) -> Option<char> {
    if !TRADITIONAL.may_hold(c) {
        return None;
    }
    FOLD.binary_search_by_key(&c, |(t, _)| *t)
        .ok()
        .and_then(|k| FOLD.get(k))
        .map(|(_, s)| *s)
}

/// The text with its traditional characters folded, when its start is written in them; `None` for
/// any other text (nothing to do).
pub fn fold(text: &str) -> Option<String> {
    let found = text
        .chars()
        .take(SAMPLE)
        .filter(|c| MARKS.may_hold(*c) && MARK_CHARS.contains(c))
        .take(ENOUGH)
        .count();
    if found < ENOUGH {
        return None;
    }
    Some(text.chars().map(|c| simplified(c).unwrap_or(c)).collect())
}

/// Strings of the reply that are names of its schema's values, never text cut from the reply.
const NAMES: [&str; 5] = ["万", "亿", "万元", "亿元", "元"];

/// Cuts again from `original` every string of `reply` found in `folded` (see the module comment),
/// walking the reply's own texts ([`Reply::texts_mut`], in its JSON form's order); leaves the reply
/// as it is if the result would not load ([`Reply::from_json`]: its JSON within [`MAX_JSON_BYTES`],
/// no [`Reply::problems`]). No round trip through JSON: the converter's module carries no reader of
/// replies, nor the validation's messages (see [`facts_hold`]).
pub fn restore(reply: &mut Reply, folded: &str, original: &str) {
    let mut search = Search {
        folded,
        original,
        from: 0,
        budget: folded.len().saturating_mul(16).saturating_add(1 << 20),
    };
    let mut restored = reply.clone();
    let mut changed = false;
    restored.texts_mut(&mut |s| {
        if let Some(r) = search.restore(s) {
            *s = r;
            changed = true;
        }
    });
    if changed && facts_hold(&restored) && json_len(&restored) <= MAX_JSON_BYTES {
        *reply = restored;
    }
}

/// Whether every fact still quotes its text where it stands: the one check of [`Reply::problems`] a
/// restored reply can fail. The converter's replies are sound (its tests hold it to that, on any
/// text), and restoring changes no id, no anchor, no text's length in characters and nothing a
/// type checks while reading (a string only ever gets other characters that fold alike), but a
/// fact's text and the text it stands in can be cut again from two places that were written
/// differently.
fn facts_hold(reply: &Reply) -> bool {
    let anchors = reply.anchor_texts();
    let mut texts: HashMap<&str, CharIndex<'_>> = HashMap::new();
    let figures = reply.figures.iter().map(|f| (&f.at, f.written.as_str()));
    let funding = reply.funding.iter().map(|f| (&f.at, f.written.as_str()));
    let dates = reply.dates.iter().map(|d| (&d.at, d.date.written()));
    figures.chain(funding).chain(dates).all(|(at, written)| {
        let Some(text) = anchors.text(&at.block) else {
            return false;
        };
        let text = texts
            .entry(at.block.as_str())
            .or_insert_with(|| CharIndex::new(text));
        at.start < at.end && text.slice(at.start, at.end) == Some(written)
    })
}

/// The length of the reply's compact JSON (what [`Reply::from_json`] measured against its limit):
/// its pretty JSON ([`Reply::to_json`], which the converter's module carries anyway) less the spaces
/// and line breaks outside strings, the only bytes pretty printing adds.
fn json_len(reply: &Reply) -> usize {
    let (mut len, mut in_string, mut escaped) = (0, false, false);
    for b in reply.to_json().bytes() {
        if in_string {
            (in_string, escaped) = (escaped || b != b'"', !escaped && b == b'\\');
        } else if b == b'"' {
            in_string = true;
        } else if b == b' ' || b == b'\n' {
            continue;
        }
        len += 1;
    }
    len
}

/// Where the last string was found and how many bytes may still be looked at.
struct Search<'a> {
    folded: &'a str,
    original: &'a str,
    from: usize,
    budget: usize,
}

impl Search<'_> {
    /// The original of one string, when it was cut from the folded copy and reads otherwise there.
    fn restore(&mut self, s: &str) -> Option<String> {
        // Only a string holding a character some traditional one folds into can differ.
        let folds = |c: char| FOLD.iter().any(|(_, t)| *t == c);
        if s.is_empty() || NAMES.contains(&s) || !s.chars().any(folds) {
            return None;
        }
        let at = self.find(s)?;
        self.from = at + s.len();
        let original = self.original.get(at..at + s.len())?;
        (original != s).then(|| original.to_owned())
    }

    /// The byte offset of `s` in the folded copy: after the last string found, else anywhere.
    fn find(&mut self, s: &str) -> Option<usize> {
        let after = self.folded.get(self.from..).unwrap_or("");
        for (base, hay) in [(self.from, after), (0, self.folded)] {
            let cost = hay.len();
            if let Some(k) = hay.find(s) {
                self.budget = self.budget.saturating_sub(k + s.len());
                return Some(base + k);
            }
            if self.budget < cost {
                self.budget = 0;
                return None;
            }
            self.budget -= cost;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)] // A failing test is a panic.
    use super::*;

    #[test]
    fn folding_keeps_every_byte_offset_and_the_table_is_sorted_and_simplified() {
        for pair in FOLD.windows(2) {
            let [(a, _), (b, _)] = pair else { continue };
            assert!(a < b, "{a} before {b}");
        }
        assert_eq!(FOLD.map(|(t, _)| t), TRADITIONAL_CHARS);
        for m in MARK_CHARS {
            assert!(simplified(m).is_some(), "{m} is not folded");
        }
        for (t, s) in FOLD {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t}");
            assert!(simplified(s).is_none(), "{s} folds again");
        }
        let text = "臺前縣交通運輸局對縣十一屆人大一次會議第25號建議的答復";
        let Some(folded) = fold(text) else {
            panic!("{text} is not folded")
        };
        assert_eq!(folded.len(), text.len());
        assert!(folded.contains("第25号建议的答复"), "{folded}");
    }

    /// The JSON round trip `restore` was before it walked the reply's own texts.
    fn restore_through_json(reply: &mut Reply, folded: &str, original: &str) {
        use serde_json::Value;
        fn walk(search: &mut Search<'_>, value: &mut Value) {
            match value {
                Value::String(s) => {
                    if let Some(r) = search.restore(s) {
                        *s = r;
                    }
                }
                Value::Array(items) => items.iter_mut().for_each(|v| walk(search, v)),
                Value::Object(map) => map.values_mut().for_each(|v| walk(search, v)),
                _ => {}
            }
        }
        let Ok(mut json) = serde_json::from_str::<Value>(&reply.to_json()) else {
            return;
        };
        let mut search = Search {
            folded,
            original,
            from: 0,
            budget: folded.len().saturating_mul(16).saturating_add(1 << 20),
        };
        walk(&mut search, &mut json);
        if let Ok(restored) = Reply::from_json(&json.to_string()) {
            *reply = restored;
        }
    }

    #[test]
    fn restoring_in_place_gives_what_the_json_round_trip_gave_for_every_fixture_in_traditional_characters(
    ) {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        let mut texts = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if path.extension().is_none_or(|x| x != "txt") {
                    continue;
                }
                // Written all in traditional characters, and mixed (every other one), where the
                // same folded string can have two originals.
                for every in [1, 2] {
                    let mut n = 0;
                    let original: String = text
                        .chars()
                        .map(|c| match FOLD.iter().find(|(_, s)| *s == c) {
                            Some((t, _)) => {
                                n += 1;
                                if n % every == 0 {
                                    *t
                                } else {
                                    c
                                }
                            }
                            None => c,
                        })
                        .collect();
                    let folded: String = original
                        .chars()
                        .map(|c| simplified(c).unwrap_or(c))
                        .collect();
                    let (conversion, _) = super::super::convert_as_written(&folded);
                    let mut old = conversion.reply.clone();
                    restore_through_json(&mut old, &folded, &original);
                    let mut new = conversion.reply;
                    restore(&mut new, &folded, &original);
                    assert!(old == new, "{} ({every})", path.display());
                    let compact = serde_json::to_string(&new).map_or(0, |j| j.len());
                    assert_eq!(json_len(&new), compact, "{}", path.display());
                    texts += 1;
                }
            }
        }
        assert!(texts > 100, "{texts} texts");
    }

    #[test]
    fn the_compact_length_of_a_reply_counts_spaces_quotes_and_backslashes_inside_its_strings() {
        let mut reply = Reply::empty();
        reply.meta.title = "a \"b\" \\\" c\n\t d  ".into();
        reply.closing = vec!["\\".into(), " ".into(), "\"".into()];
        let compact = serde_json::to_string(&reply).map_or(0, |j| j.len());
        assert_eq!(json_len(&reply), compact);
    }

    #[test]
    fn a_simplified_text_or_one_stray_traditional_character_is_not_folded() {
        assert_eq!(fold("关于县政协第12号提案的答复"), None);
        assert_eq!(fold("赵於委员:您的提案收悉"), None);
    }
}

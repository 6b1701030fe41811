"""Chinese personal names written in Han characters, as the subject of a speech verb.

Chinese news names a Chinese speaker by surname and one or two given characters ("卢宇", "张近东"),
often after a title or a relative clause ending in 的 ("全国政协委员张近东", "在巴黎留学的卢宇"), and
an adverb in 地 may stand between the name and the verb ("卢宇恳切地说"). A name is read at the end of
the verb's subject clause when it opens with a common surname; a name read once is known afterwards.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

# Common single-character surnames (the few hundred that cover nearly every Chinese name) and the
# compound ones; a candidate name must open with one.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝"
)
_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "夏侯")
# Words opening with a surname's character that often end a subject clause and name no one.
_NOT_NAMES = word_set(
    "文章 方面 高层 安全 全国 全体 时报 明确 成员 关于 报告 华人 华侨 学生 师生 石油 金融 应该 单位 时间 "
    "文件 方案 高校 万人 于是 何时 林业 黄金 石化 周边 常委 宁夏 江苏 吉林 司法 解放 华为 路透 马上 "
    "何况 夏季 冷静 宗教 齐心 安徽 温州 苏州 杨浦 武汉 成都 全会 全面 常务 方式 文化 史上 余额"
)
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]{2,5}$")
# An adverb between the subject and its verb: "恳切地", "也", "还", "则", "进一步".
_ADVERB_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{2}地|也|还|则|都|更|又|再|曾|便|就|同样|进一步|一再|再次)$")


def verb_subject(clause: str, known: set[str]) -> str | None:
    """The Chinese name ending the subject clause of a speech verb (`clause`: the words between the last
    clause mark and the verb), a name already read in `known` first; None when it ends with none."""
    for _ in range(2):  # ("卢宇也恳切地说": up to two adverbs)
        stripped = _ADVERB_TAIL.sub("", clause)
        if stripped == clause or not stripped:
            break
        clause = stripped
    for name in known:
        if clause.endswith(name):
            return name
    tail = _HAN_TAIL.search(clause)
    return _name_at_end(tail.group()) if tail else None


def _name_at_end(tail: str) -> str | None:
    """A surname and one or two given characters ending `tail` (three characters when the third from the
    end is a surname's, as "委员张近东", else two), not a body's name ("卫生部") nor a common word."""
    if tail[-1] in _BODY_ENDS:
        return None
    if tail[-4:-2] in _COMPOUND:
        return tail[-4:]
    for size in (3, 2):
        name = tail[-size:]
        if len(name) == size and name[0] in _SURNAMES and name not in _NOT_NAMES:
            return name
    return None


# Last characters of bodies and groups, never of a given name: "卫生部", "公安局", "法院", "中方", "人".
_BODY_ENDS = frozenset("部局院会委厅所处署办府方队司社校厂馆团组党军警界们人家省市县区国台报网")

"""Chinese line breaking: anywhere between characters, never inside a number or a date, and never a
line that opens with closing punctuation or ends with opening punctuation."""

from __future__ import annotations

import pytest

from sme_kit.linebreak import NO_LINE_END, NO_LINE_START, balanced_lines, break_lines


def width(text: str) -> float:
    """A full-width character is 2 units, anything else 1."""
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def test_chinese_text_breaks_between_any_two_characters() -> None:
    assert break_lines("广州市民营和中小企业服务站", 10, width) == ["广州市民营", "和中小企业", "服务站"]


def test_a_number_or_code_is_never_split_when_it_fits_a_line() -> None:
    assert break_lines("编号GZSME-2026-0001", 16, width) == ["编号", "GZSME-2026-0001"]
    assert break_lines("共计2026家", 7, width) == ["共计", "2026家"]


def test_a_date_and_a_numbers_year_and_sequence_stay_on_one_line() -> None:
    assert break_lines("有效期自2026年12月1日起", 16, width) == ["有效期自", "2026年12月1日起"]
    assert break_lines("穗中小服站〔2026〕001号", 20, width) == ["穗中小服站", "〔2026〕001号"]


def test_a_run_wider_than_the_line_breaks_where_it_must() -> None:
    assert break_lines("ABCDEFGHIJ", 4, width) == ["ABCD", "EFGH", "IJ"]


@pytest.mark.parametrize(
    ("text", "line_width", "lines"),
    [
        ("服务站名单，现予以公示", 10, ["服务站名", "单，现予以", "公示"]),  # "，" carries "单" down with it
        ("申报单（天河）", 8, ["申报单", "（天河）"]),  # "（" does not end a line
        ("经审核。”以上", 8, ["经审", "核。”以", "上"]),  # two closing marks in a row travel together
    ],
)
def test_punctuation_obeys_the_rules_of_line_start_and_end(text: str, line_width: int, lines: list[str]) -> None:
    result = break_lines(text, line_width, width)

    assert result == lines
    assert all(line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END for line in result)


def test_the_first_line_may_be_narrower_for_the_indent_and_line_feeds_are_kept() -> None:
    assert break_lines("一二三四五六七八\n九十", 8, width, first_width=4) == ["一二", "三四五六", "七八", "九十"]


def test_spaces_where_a_line_breaks_are_dropped() -> None:
    assert break_lines("Tianhe Road 100", 11, width) == ["Tianhe Road", "100"]


def test_a_title_breaks_after_the_given_words_or_into_lines_of_about_equal_length() -> None:
    title = "2026年广州市民营和中小企业服务站拟认定名单公示"

    assert balanced_lines(title, 100, width) == [title]
    two_lines = ["2026年广州市民营和中小企业服务站", "拟认定名单公示"]
    assert balanced_lines(title, 40, width, break_after="服务站") == two_lines
    balanced = balanced_lines("广州市民营和中小企业服务站认定证书", 30, width)
    assert len(balanced) == 2
    assert abs(width(balanced[0]) - width(balanced[1])) <= 2

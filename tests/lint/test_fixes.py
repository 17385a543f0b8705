from __future__ import annotations

from awesomelint.lint.diagnostic import Edit, Fix
from awesomelint.lint.fixes import apply_fixes


def test_fixes_apply_bottom_up_and_keep_positions() -> None:
    text = "abc\ndef\n"
    fixes = [Fix.replace(1, 2, "b", "BBB"), Fix.replace(2, 1, "def", "D")]
    assert apply_fixes(text, fixes) == ("aBBBc\nD\n", 2)


def test_overlapping_fixes_the_one_nearer_the_end_wins() -> None:
    text = "0123456789"
    fixes = [Fix.replace(1, 2, "1234", "x"), Fix.replace(1, 4, "345", "y")]
    assert apply_fixes(text, fixes) == ("012y6789", 1)


def test_two_inserts_at_one_point_clash_but_adjacent_edits_do_not() -> None:
    text = "ab"
    assert apply_fixes(text, [Fix.replace(1, 2, "", "x"), Fix.replace(1, 2, "", "y")])[1] == 1
    assert apply_fixes(text, [Fix.replace(1, 1, "a", "A"), Fix.replace(1, 2, "b", "B")]) == (
        "AB",
        2,
    )


def test_a_fix_applies_all_its_edits_or_none() -> None:
    text = "1. a\n8. b\n9. c\n"
    renumber = Fix((Edit(2, 1, 1, "2"), Edit(3, 1, 1, "3")))
    clash = Fix.replace(3, 1, "9. c", "nine")
    result, count = apply_fixes(text, [renumber, clash])
    assert count == 1 and result == "1. a\n2. b\n3. c\n"  # never half of each


def test_edits_may_delete_across_lines_and_bad_ones_are_skipped() -> None:
    text = "a\n\n\n\nb\n"
    assert apply_fixes(text, [Fix((Edit(3, 1, 2, ""),))]) == ("a\n\nb\n", 1)
    assert apply_fixes(text, [Fix((Edit(9, 1, 1, ""),)), Fix((Edit(5, 1, 99, ""),))]) == (text, 0)


def test_many_fixes_are_fast_enough_to_be_linear() -> None:
    lines = [f"line {i} " for i in range(20000)]
    text = "\n".join(lines) + "\n"
    fixes = [Fix.replace(i + 1, len(line), " ", "") for i, line in enumerate(lines)]
    result, count = apply_fixes(text, fixes)
    assert count == 20000 and " \n" not in result

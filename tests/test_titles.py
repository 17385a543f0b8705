"""Title normalisation, with title forms taken from the seed lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.titles import content_tokens, normalise_title, title_core


@pytest.mark.parametrize(
    ("forms", "normal"),
    [
        (
            [
                "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small.",  # noqa: E501 (a real title)
                "Interpretability in the wild: a circuit for indirect object identification in GPT-2 small",  # noqa: E501 (a real title)
                "**Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT2 small**",  # noqa: E501 (a real title)
            ],
            "interpretability in the wild a circuit for indirect object identification in gpt 2 small",  # noqa: E501 (a real title)
        ),
        (
            [
                "Toy Models of Superposition.",
                "ðŸŒŸ**Toy Models of Superposition**",
                "*Toy models of superposition*",
            ],
            "toy models of superposition",
        ),
        (
            [
                "Sirenâ€™s Song in the AI Ocean",  # mojibake, as in seed 000
                "Siren’s Song in the AI Ocean",
                "Siren's Song in the AI Ocean",
            ],
            "sirens song in the ai ocean",
        ),
        (
            [
                '"Successor Heads: Recurring, Interpretable Attention Heads In The Wild"',
                "“Successor Heads” – Recurring, Interpretable Attention Heads in the Wild",
            ],
            "successor heads recurring interpretable attention heads in the wild",
        ),
        (["AtP\\*: An efficient method", "AtP*: An efficient method"], "atp an efficient method"),
        (["[Comgra](https://github.com/FlorianDietz/comgra)", "<b>Comgra</b>", "Comgra"], "comgra"),
        (["Gödel &amp; Escher", "Godel & Escher", "GÖDEL & ESCHER"], "godel escher"),
        (
            ["In-context Learning", "In context learning", "IN-CONTEXT LEARNING"],
            "in context learning",
        ),
        (["Ｔｏｙ Models", "Toy Models"], "toy models"),  # full-width letters
    ],
)
def test_title_forms_normalise_alike(forms: list[str], normal: str) -> None:
    assert [normalise_title(form) for form in forms] == [normal] * len(forms)


def test_only_encoding_is_repaired() -> None:
    # ftfy's encoding fix only: a legitimate non-Latin title is left alone.
    assert normalise_title("Трансформеры и внимание") == "трансформеры и внимание"
    assert normalise_title("大规模语言模型") == "大规模语言模型"
    assert normalise_title("हिन्दी") == "हिन्दी"  # combining vowel signs kept


def test_numbers_stay_apart_from_words() -> None:
    assert normalise_title("GPT-3") != normalise_title("GPT-2")
    assert normalise_title("Llama-2-7b-chat") == "llama 2 7 b chat"


def test_title_core_drops_asides() -> None:
    assert title_core("Locating and Editing Factual Associations in GPT (*ROME*)") == (
        "locating and editing factual associations in gpt"
    )
    assert (
        title_core("Interpretability in the Wild: GPT-2 small (arXiv)")
        == "interpretability in the wild gpt 2 small"
    )
    assert title_core("[Comgra](https://x.org) [tool]") == "comgra"


def test_content_tokens_drop_stopwords_only() -> None:
    assert content_tokens(normalise_title("A Survey of Large Language Models")) == (
        "survey",
        "large",
        "language",
        "models",
    )
    assert "not" in content_tokens("large language models are not robust")


@given(st.text(max_size=80))
def test_normalise_title_is_idempotent(title: str) -> None:
    once = normalise_title(title)
    assert normalise_title(once) == once


@given(st.text(max_size=80))
def test_normalised_titles_are_single_spaced_words(title: str) -> None:
    normal = normalise_title(title)
    assert normal == normal.strip()
    assert "  " not in normal
    assert normal == normal.casefold()


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=60))
def test_case_and_punctuation_never_count(title: str) -> None:
    assert normalise_title(title.upper()) == normalise_title(title.lower())
    assert normalise_title(f'"{title}."') == normalise_title(title)


def test_position_paper_prefix_is_position() -> None:
    # cooperleong00's list (lists/upstream) and ICML's position track
    assert normalise_title(
        "**Position Paper: Toward New Frameworks for Studying Model Representations**"
    ) == normalise_title("Position: Toward new frameworks for studying model representations")
    assert normalise_title("Position Paper Generation with LLMs") == (
        "position paper generation with llms"
    )


def test_distinctive_words_are_read_as_titles_are_compared() -> None:
    from awesomelint.titles import distinctive_words

    # the one word-set helper of the title and description rules: markup gone, letters split
    # from digits, function words and the field's vocabulary left out
    words = distinctive_words("**GPT-2**: Language Models are Unsupervised Multitask Learners")
    assert words == {"gpt", "2", "unsupervised", "multitask", "learners"}
    assert (
        distinctive_words(
            "[GPT2](https://x.org) - language models: unsupervised multitask learners"
        )
        == words
    )
    assert distinctive_words("Siren's Song in the AI Ocean") == {"sirens", "song", "ai", "ocean"}
    assert distinctive_words("Towards a Survey of Large Language Models") == {"survey"}

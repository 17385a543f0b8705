from .conftest import findings
from .fakes import Paper, Repo


def test_smoke(meta, fakes):
    fakes.arxiv["2310.11207"] = Paper(
        "Can Large Language Models Explain Themselves? A Study of LLM-Generated Self-Explanations"
    )
    fakes.repos["treeverse/dvc"] = Repo("treeverse/dvc", id=7)
    fakes.renamed["iterative/dvc"] = "treeverse/dvc"
    text = (
        "# L\n\n## P\n\n"
        "- [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2310.11207)\n"
        "- [Can Large Language Models Explain Themselves?](https://arxiv.org/abs/2310.11207)\n"
        "- [DVC](https://github.com/iterative/dvc) - Data version control.\n"
    )
    code, out, err = meta(text, "--format", "json")
    print(out, err)
    assert code == 1
    rules = [(f["rule"], f["line"]) for f in findings(out)]
    assert rules == [("wrong-paper", 5), ("repo-moved", 7)]

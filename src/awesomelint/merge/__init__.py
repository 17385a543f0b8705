"""Many upstream lists in, one list with one taxonomy out: ``merge_documents`` and its record.

- ``plan``: the merge file (inputs, taxonomy, decisions by stable id);
- ``sections``: what a heading means, boilerplate, the merged tree;
- ``entries``: one merged entry from several (title, URL, links, clean fields);
- ``ids``: stable ids for decisions;
- ``assemble``: the merge itself; ``report``: the JSON report and the review;
- ``edits``: what the maintainer changed by hand in the previous output.
"""

from awesomelint.merge.assemble import (
    ConflictReport,
    LeftOut,
    MergedEntry,
    MergeRecord,
    MergeResult,
    SourceRef,
    check_links,
    input_links,
    merge_documents,
)
from awesomelint.merge.entries import choose_title, choose_url, merge_entries, repair_url
from awesomelint.merge.plan import Decision, InputSpec, MergePlan, load_plan
from awesomelint.merge.report import report_data, review_items
from awesomelint.merge.tidy import MAX_LINE

__all__ = [
    "MAX_LINE",
    "ConflictReport",
    "Decision",
    "InputSpec",
    "LeftOut",
    "MergePlan",
    "MergeRecord",
    "MergeResult",
    "MergedEntry",
    "SourceRef",
    "check_links",
    "choose_title",
    "choose_url",
    "input_links",
    "load_plan",
    "merge_documents",
    "merge_entries",
    "repair_url",
    "report_data",
    "review_items",
]

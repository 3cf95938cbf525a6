"""Printed output is the same on every build, however ipykernel cut it into messages (issue 12).

Notebook 07 printed two error messages; under load ipykernel sent them in other chunks, and
one build showed the second message twice. relsell_book.sphinxext joins adjacent stream outputs
exactly, right after execution.
"""

from __future__ import annotations

import nbformat
from hypothesis import given
from hypothesis import strategies as st
from myst_nb.core.config import NbParserConfig
from myst_nb.core.execute.base import NotebookClientBase

from relsell_book.sphinxext import _merge_streams_after_execution, merge_stream_outputs

TEXT = "Closing rate must be between 0 and 1; got 10.\n\nThe plan has no 'where' element.\n"


def _stream(text: str, name: str = "stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    pieces, start = [], 0
    for point in points:
        pieces.append(text[start:point])
        start = point
    pieces.append(text[start:])
    return [p for p in pieces if p]


@given(st.lists(st.integers(min_value=0, max_value=500), max_size=8))
def test_any_cut_of_the_text_merges_to_the_same_single_output(cuts):
    outputs = [_stream(piece) for piece in _split(TEXT, cuts)]
    merged = merge_stream_outputs(outputs)
    assert len(merged) == 1
    assert merged[0]["text"] == TEXT


def test_the_cut_that_showed_a_message_twice():
    # what one CI build received: the first message and a newline, then the rest in two parts
    outputs = [
        _stream("Closing rate must be between 0 and 1; got 10."),
        _stream("\n\nThe plan"),
        _stream(" has no 'where' element.\n"),
    ]
    assert [o["text"] for o in merge_stream_outputs(outputs)] == [TEXT]


def test_streams_of_another_name_or_apart_stay_apart():
    image = nbformat.v4.new_output("display_data", data={"text/plain": "<chart>"})
    outputs = [
        _stream("a\n"),
        _stream("b\n", "stderr"),
        _stream("c\n"),
        image,
        _stream("d\n"),
        _stream("e\n"),
    ]
    merged = merge_stream_outputs(outputs)
    assert [(o["output_type"], o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "a\n"),
        ("stream", "stderr", "b\n"),
        ("stream", "stdout", "c\n"),
        ("display_data", None, None),
        ("stream", "stdout", "d\ne\n"),
    ]


def test_the_execution_client_merges_before_anything_renders():
    _merge_streams_after_execution()
    _merge_streams_after_execution()  # installing twice wraps once

    class FakeExecution(NotebookClientBase):
        def start_client(self):
            self.notebook.cells[0]["outputs"] = [_stream("one\n"), _stream("two"), _stream("\n")]

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('one'); print('two')")])
    with FakeExecution(nb, None, NbParserConfig(), logger=None) as client:
        outputs = client.notebook.cells[0]["outputs"]
    assert [o["text"] for o in outputs] == ["one\ntwo\n"]
    assert getattr(NotebookClientBase.__enter__, "_relsell", False)

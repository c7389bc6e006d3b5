from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.claims import train_cue_model

pytest.importorskip("sklearn", reason="training needs the train extra (scikit-learn)")

SENTENCES = [
    ("Jane Doe said the copper mine would close in May.", "said"),
    ("The union warned that wages would fall next year.", "warned"),
    ("The copper mine closed in May after a long strike.", None),
    ("Workers built a new road to the port last year.", None),
]


def _split(folder: Path, articles: int) -> Path:
    """A split in PolNeAR's layout: text/NAME.txt and attributions/NAME_annotator.ann (brat)."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for number in range(articles):
        text = " ".join(sentence for sentence, _ in SENTENCES) + "\n"
        lines = []
        for sentence, cue in SENTENCES:
            if cue:
                start = text.index(sentence) + sentence.index(cue)
                lines.append(f"T{len(lines) + 1}\tCue {start} {start + len(cue)}\t{cue}")
        (folder / "text" / f"article-{number}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"article-{number}_reader.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_training_writes_a_model_that_tells_cues_apart(tmp_path, monkeypatch, nlp):
    split = _split(tmp_path / "split", articles=12)
    model_path = tmp_path / "cue_model.json"
    monkeypatch.setattr(train_cue_model, "MODEL_PATH", model_path)
    leave_out = tmp_path / "sample.tsv"
    leave_out.write_text("path\thalf\npolnear/train/text/article-11.txt\ttune\n", encoding="utf-8")
    train_cue_model.main([str(split), "--leave-out", str(leave_out)])
    model = json.loads(model_path.read_text(encoding="utf-8"))
    assert 0 < model["threshold"] < 1
    assert model["second_half"]["cues"] > 0
    weights = model["weights"]
    assert weights["lemma=say"] > 0 > weights["lemma=close"]


def test_articles_of_the_judged_sample_are_left_out(tmp_path):
    split = _split(tmp_path / "split", articles=3)
    names = [name for name, _, _ in train_cue_model.annotated_articles(split, "polnear/train/text/article-1.txt\ttune")]
    assert names == ["article-0", "article-2"]


def test_cue_spans_read_brat_pieces_and_nothing_else(tmp_path):
    annotations = tmp_path / "a_reader.ann"
    annotations.write_text("T1\tCue 10 14;20 25\tsaid also\nT2\tSource 0 8\tJane Doe\n", encoding="utf-8")
    assert train_cue_model.cue_spans(annotations) == [(10, 14), (20, 25)]

"""Every rule and lexicon file loads, with its version/source/licence header."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.datafiles import HEADER_KEYS, all_data_files, load_data
from newsledger.errors import DataFileError

FILES = all_data_files()


def test_there_are_data_files() -> None:
    assert len(FILES) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[3])))
def test_data_file_loads_with_header(path: Path) -> None:
    content = load_data(path)
    for key in HEADER_KEYS:
        assert content[key] not in (None, ""), f"{path}: empty '{key}'"


def test_loader_names_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "x.en.yaml"
    bad.write_text("version: 1\nsource: me\n")
    with pytest.raises(DataFileError, match=r"x\.en\.yaml.*licence"):
        load_data(bad)
    bad.write_text("version: 1\nsource: me\nlicence: MIT\nwords: []\n")
    with pytest.raises(DataFileError, match="'words'"):
        load_data(bad, required=("words",))
    bad.write_text("version: [1\n")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_data(tmp_path / "x.en.yaml")


def test_words_that_yaml_1_1_calls_booleans_stay_words(tmp_path: Path) -> None:
    f = tmp_path / "w.en.yaml"
    f.write_text("version: 1\nsource: me\nlicence: MIT\nwords: [on, no, yes, off, 'in']\nflag: true\n")
    content = load_data(f)
    assert content["words"] == ["on", "no", "yes", "off", "in"]
    assert content["flag"] is True

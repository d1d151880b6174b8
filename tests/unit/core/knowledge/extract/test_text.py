from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.extract.errors import CorruptFileError, UnsupportedFileError

SIMPLIFIED = (
    "知识库让助手可以回答关于你的文件的问题。把文件拖进来，它会被切分、索引，然后在回答时引用页码。"
)
TRADITIONAL = (
    "知識庫讓助手可以回答關於你的檔案的問題。把檔案拖進來，它會被切分、索引，然後在回答時引用頁碼。"
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", SIMPLIFIED),
        ("gbk", SIMPLIFIED),
        ("gb18030", SIMPLIFIED + "𠀀"),  # a character outside GBK
        ("big5", TRADITIONAL),
        ("utf-8-sig", TRADITIONAL),
    ],
)
def test_chinese_text_decodes_in_its_encoding(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode(encoding))

    found = extract(path)

    assert [s.text for s in found.sections] == [text]
    assert found.sections[0].page is None


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_a_bom_decodes(tmp_path: Path, bom: bytes) -> None:
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    path = tmp_path / "notes.txt"
    path.write_bytes(bom + f"第一行\r\n{SIMPLIFIED}".encode(codec))

    assert extract(path).sections[0].text == f"第一行\n{SIMPLIFIED}"


def test_windows_newlines_and_nul_characters_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\x00\n")

    assert extract(path).sections[0].text == "one\ntwo\nthree\n"


def test_an_empty_or_blank_text_file_has_no_sections(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")

    assert extract(tmp_path / "empty.txt").sections == []
    assert extract(tmp_path / "blank.txt").sections == []


def test_an_unknown_extension_is_read_as_text_when_it_is_text(tmp_path: Path) -> None:
    path = tmp_path / "setup.cfg"
    path.write_text("[metadata]\nname = demo\n", encoding="utf-8")

    assert extract(path).sections[0].text == "[metadata]\nname = demo\n"


def test_an_unknown_binary_file_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "photo.heic"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)

    with pytest.raises(UnsupportedFileError, match="not a file type") as caught:
        extract(path)
    assert caught.value.code == "unsupported_file"


def test_binary_bytes_in_a_txt_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(bytes(range(256)) * 16)

    with pytest.raises(UnsupportedFileError, match="not text"):
        extract(path)


def test_json_is_flattened_into_readable_path_lines(tmp_path: Path) -> None:
    document = {
        "name": "Capsule",
        "install": {"linux": {"steps": ["download", "run  the\ninstaller"]}, "size_mb": 12.5},
        "ok": True,
        "nothing": None,
        "empty": {},
        "名称": "知识库",
    }
    path = tmp_path / "config.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    found = extract(path)

    assert len(found.sections) == 1
    assert found.sections[0].text.split("\n") == [
        "name: Capsule",
        "install.linux.steps[0]: download",
        "install.linux.steps[1]: run the installer",
        "install.size_mb: 12.5",
        "ok: true",
        "nothing: null",
        "名称: 知识库",
    ]
    assert found.sections[0].location == "name to 名称"


def test_large_json_is_split_into_sections_located_by_top_level_key(tmp_path: Path) -> None:
    document = [{"id": i, "text": "x" * 90} for i in range(200)]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    found = extract(path)

    assert len(found.sections) > 1
    assert found.sections[0].location.startswith("[0] to [")
    lines = [line for s in found.sections for line in s.text.split("\n")]
    assert len(lines) == 400
    assert lines[-1] == f"[199].text: {'x' * 90}"


def test_a_scalar_json_document_is_one_value(tmp_path: Path) -> None:
    path = tmp_path / "answer.json"
    path.write_text("42", encoding="utf-8")

    assert extract(path).sections[0].text == "value: 42"


@pytest.mark.parametrize("text", ['{"open": ', "[" * 100_000 + "]" * 100_000])
def test_broken_or_absurdly_nested_json_is_corrupt(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(CorruptFileError, match="not a real JSON"):
        extract(path)

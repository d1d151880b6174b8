from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.extract.errors import ArchiveBombError, UnsafeXmlError
from desktop.core.knowledge.extract.safety import MAX_ENTRIES, MAX_UNCOMPRESSED, check_entries

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


def test_a_zip_bomb_named_docx_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "invoice.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            for _ in range(24):
                entry.write(bytes(1024 * 1024))  # 24 MB of zeros
    assert path.stat().st_size < 100_000

    with pytest.raises(
        ArchiveBombError, match=r"compressed .* times \(word/document.xml\)"
    ) as caught:
        extract(path)
    assert caught.value.code == "archive_bomb"
    assert "zip bomb" in caught.value.message


def test_billion_laughs_in_a_docx_is_refused(tmp_path: Path) -> None:
    original = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Harmless")
    document.save(str(original))
    path = tmp_path / "laughs.docx"
    with (
        zipfile.ZipFile(original) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in source.infolist():
            data = source.read(info)
            bomb.writestr(
                info.filename, BILLION_LAUGHS if info.filename == "word/document.xml" else data
            )

    with pytest.raises(UnsafeXmlError, match=r"word/document\.xml declares XML entities") as caught:
        extract(path)
    assert caught.value.code == "unsafe_xml"


def test_an_external_entity_in_an_xlsx_part_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><Types>&x;</Types>',
        )

    with pytest.raises(UnsafeXmlError, match=r"\[Content_Types\].xml"):
        extract(path)


def test_a_dtd_hidden_after_a_long_comment_is_still_found(tmp_path: Path) -> None:
    path = tmp_path / "padded.docx"
    padding = b"<!--" + b" " * 200_000 + b"-->"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml", b'<?xml version="1.0"?>' + padding + BILLION_LAUGHS[22:]
        )

    with pytest.raises(UnsafeXmlError):
        extract(path)


def info(name: str, size: int, compressed: int) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name)
    entry.file_size, entry.compress_size = size, compressed
    return entry


def test_too_many_entries_are_refused() -> None:
    entries = [info(f"x/{i}.xml", 10, 10) for i in range(MAX_ENTRIES + 1)]

    with pytest.raises(ArchiveBombError, match="entries"):
        check_entries(entries, "many.xlsx")


def test_too_much_unpacked_data_is_refused_even_at_a_modest_ratio() -> None:
    part = MAX_UNCOMPRESSED // 4 + 1
    entries = [info(f"xl/worksheets/sheet{i}.xml", part, part // 20) for i in range(4)]

    with pytest.raises(ArchiveBombError, match="would unpack to"):
        check_entries(entries, "big.xlsx")


def test_ordinary_office_compression_passes() -> None:
    check_entries(
        [info("word/document.xml", 5_000_000, 400_000), info("tiny.xml", 900_000, 100)], "ok.docx"
    )

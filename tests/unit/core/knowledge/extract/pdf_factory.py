"""Tiny PDFs written by hand: text pages in Helvetica, image-only pages, form fields."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

IMAGE = object()  # a page holding one 1x1 grey image and no text, like a scan


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(pages: list[object], fields: dict[str, str] | None = None) -> bytes:
    """A PDF with one page per entry: a str is drawn as text ("" is a blank page), IMAGE
    is an image-only page. `fields` become filled-in AcroForm text fields on page 1."""
    objects: dict[int, bytes] = {
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
    }
    page_ids: list[int] = []
    field_ids: list[int] = []
    next_id = 5
    for name, value in (fields or {}).items():
        objects[next_id] = (
            f"<< /Type /Annot /Subtype /Widget /FT /Tx /T ({_escape(name)}) "
            f"/V ({_escape(value)}) /Rect [72 100 300 120] >>"
        ).encode("latin-1")
        field_ids.append(next_id)
        next_id += 1
    for index, page in enumerate(pages):
        if page is IMAGE:
            content = b"q 100 0 0 100 72 600 cm /Im1 Do Q"
        else:
            lines = str(page).split("\n") if page else []
            ops = "".join(f"({_escape(line)}) Tj 0 -16 Td " for line in lines)
            content = f"BT /F1 12 Tf 72 720 Td {ops}ET".encode("latin-1") if lines else b""
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        objects[content_id] = (
            b"<< /Length %d >>\nstream\n" % len(content) + content + (b"\nendstream")
        )
        annots = " ".join(f"{i} 0 R" for i in field_ids) if index == 0 else ""
        images = "/XObject << /Im1 4 0 R >>" if page is IMAGE else ""
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> {images} >> /Annots [{annots}] >>"
        ).encode("latin-1")
        page_ids.append(page_id)
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode("latin-1")
    form = f" /AcroForm << /Fields [{' '.join(f'{i} 0 R' for i in field_ids)}] >>"
    objects[1] = f"<< /Type /Catalog /Pages 2 0 R{form if field_ids else ''} >>".encode("latin-1")
    return _assemble(objects)


def _assemble(objects: dict[int, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def encrypt(pdf: bytes, user_password: str, owner_password: str) -> bytes:
    """The same PDF encrypted with AES-256; an empty user password opens it freely."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

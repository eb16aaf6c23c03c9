"""Reading generated PDFs back for the document tests: text (pdftotext), fonts (pdffonts), glyph
positions and sizes (pdfplumber)."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Any

import pdfplumber

CM = 72 / 2.54
MM = CM / 10
PUA = re.compile("[\ue000-\uf8ff]")


def pdftotext(pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
            capture_output=True,
            check=True,
        )
    return result.stdout.decode("utf-8")


def pdffonts(pdf: bytes) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, check=True, text=True
        ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def squash(text: str) -> str:
    """Text without any whitespace (extractors may add or drop spaces at line ends)."""
    return "".join(text.split())


def pages(pdf: bytes) -> list[Any]:
    return list(pdfplumber.open(io.BytesIO(pdf)).pages)


def baseline(char: dict[str, Any], page_height: float) -> float:
    """Distance of a glyph's baseline from the top edge, in points."""
    return float(page_height - char["matrix"][5])


def spacing_chars(page: Any) -> list[dict[str, Any]]:
    """Glyphs that carry text and advance the pen (marks stand for nothing in our PDFs)."""
    return [c for c in page.chars if c["text"].strip() and c["width"] > 0.01]


def png(width: int, height: int, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small solid PNG (emblem and signature images in tests)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )

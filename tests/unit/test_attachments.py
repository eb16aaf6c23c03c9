"""Attachments: bytes kept in the database, size limit, names never used as paths."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from models import attachments, settings
from models.attachments import Attachment
from models.errors import PermissionDenied, ValidationError


def test_bytes_hash_and_owner_are_kept(db, make_user) -> None:
    clerk = make_user("staff")
    data = "ประกาศรับสมัคร".encode() * 5000
    saved = attachments.add(
        clerk, "ประกาศ.pdf", data, owner_table="case", owner_id=7, purpose="to_publish"
    )
    assert saved.sha256 == hashlib.sha256(data).hexdigest() and saved.size == len(data)
    assert saved.content_type == "application/pdf"
    assert attachments.content(saved.id) == data
    listed = attachments.for_owner("case", 7)
    assert [a.filename for a in listed] == ["ประกาศ.pdf"]
    assert "data" not in listed[0].__data__  # lists do not load the bytes


def test_size_limit_from_settings(db, admin, make_user) -> None:
    settings.put(admin, "attachments.max_mb", 1)
    with pytest.raises(ValidationError) as info:
        attachments.add(make_user("staff"), "big.zip", b"x" * (1024 * 1024 + 1))
    assert "เกินขนาดที่กำหนด 1 MB" in info.value.message
    assert Attachment.select().count() == 0
    with pytest.raises(ValidationError):
        attachments.add(admin, "empty.txt", b"")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\system32\\evil.dll", "evil.dll"),
        ("รายงาน\x00.docx", "รายงาน.docx"),
        ("..", "file"),
    ],
)
def test_original_name_is_never_a_path(db, admin, tmp_path: Path, given: str, kept: str) -> None:
    saved = attachments.add(admin, given, b"data")
    assert saved.filename == kept
    out = attachments.save_copy(saved.id, tmp_path)
    assert out.parent == tmp_path and out.read_bytes() == b"data"


def test_viewers_cannot_attach(db, make_user) -> None:
    with pytest.raises(PermissionDenied):
        attachments.add(make_user("viewer"), "a.txt", b"a")


@pytest.mark.parametrize("backend", [pytest.param("mysql", marks=pytest.mark.server)])
def test_a_file_the_mysql_server_cannot_take_is_refused_before_sending(
    db, admin, backend: str
) -> None:
    packet = int(db.execute_sql("SELECT @@max_allowed_packet").fetchone()[0])
    if packet > 256 * 1024 * 1024:
        pytest.skip(f"max_allowed_packet is {packet} bytes: too large a file to build for a test")
    settings.put(admin, "attachments.max_mb", 500)  # the app's own limit is not what stops it
    with pytest.raises(ValidationError) as too_big:
        attachments.add(admin, "scan.pdf", b"x" * (packet + 1))
    assert "max_allowed_packet" in too_big.value.message and "file" in too_big.value.errors
    # Smaller than the packet, but quotes travel escaped: twice as many bytes in the statement.
    with pytest.raises(ValidationError):
        attachments.add(admin, "quotes.bin", b"'" * (packet // 2 + 1024))
    # Nothing stored, and the connection is still usable for what fits.
    assert Attachment.select().count() == 0
    fits = b"'\\\0" * (packet // 8)
    assert attachments.content(attachments.add(admin, "fits.bin", fits).id) == fits

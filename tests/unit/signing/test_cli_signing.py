"""``render memo|letter --sign FILE.p12`` and ``verify-pdf``: Thai output, exit codes, and
nothing written on a wrong password."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.unit.signing.testca import make_ca, make_user
from tests.unit.test_cli import run_cli

MEMO = {
    "department": "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. 1234",
    "number": "ภทส. 045/2569",
    "date": "2026-11-23",
    "subject": "ขอความเห็นชอบจัดซื้อเครื่องคอมพิวเตอร์แม่ข่าย",
    "recipient": "ผู้อำนวยการสำนักสนับสนุนการปฏิบัติงาน",
    "paragraphs": ["ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสารมีความจำเป็นต้องจัดซื้อ", "จึงเรียนมาเพื่อโปรดพิจารณา"],
    "signer_name": "นายสมชาย ใจดี",
    "signer_position": "นักวิชาการคอมพิวเตอร์",
    "opinions": [{"heading": "ความเห็นของ หน.ภทส.", "signer_name": "นางสาวพรทิพย์ วงศ์สุวรรณ"}],
}


def test_render_signed_then_verify(tmp_path: Path) -> None:
    ca = make_ca()
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "ลับมาก-1")
    (tmp_path / "me.p12").write_bytes(p12)
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    (tmp_path / "memo.json").write_text(json.dumps(MEMO, ensure_ascii=False), encoding="utf-8")
    config = tmp_path / "config"

    # a wrong password: a Thai message, exit 1, nothing written
    out = tmp_path / "out" / "memo.pdf"
    out.parent.mkdir()
    wrong = run_cli(
        "render", "memo", "--input", str(tmp_path / "memo.json"), "--output", str(out),
        "--sign", str(tmp_path / "me.p12"),
        config_dir=config, extra_env={"ICTDESK_SIGN_PASSWORD": "ผิด"},
    )  # fmt: skip
    assert wrong.returncode == 1
    assert "รหัสผ่านไม่ถูกต้อง" in wrong.stderr and "Traceback" not in wrong.stderr
    assert list(out.parent.iterdir()) == [], "nothing written, not even a temporary file"

    made = run_cli(
        "render", "memo", "--input", str(tmp_path / "memo.json"), "--output", str(out),
        "--sign", str(tmp_path / "me.p12"),
        config_dir=config, extra_env={"ICTDESK_SIGN_PASSWORD": "ลับมาก-1"},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "ลงนามแบบดิจิทัลโดย นายสมชาย ใจดี" in made.stdout
    assert [p.name for p in out.parent.iterdir()] == ["memo.pdf"]

    good = run_cli("verify-pdf", str(out), "--trust", str(tmp_path / "ca.pem"), config_dir=config)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "ผู้ลงนาม: นายสมชาย ใจดี (ออกโดย ICT Desk Test CA)" in good.stdout
    assert "เวลาลงนาม:" in good.stdout and "สถานะ: ถูกต้อง" in good.stdout
    assert "ช่อง signer" in good.stdout

    untrusted = run_cli("verify-pdf", str(out), config_dir=config)
    assert untrusted.returncode == 1
    assert "ใบรับรองไม่ได้ออกโดยหน่วยงานที่สำนักงานเชื่อถือ" in untrusted.stdout

    changed = bytearray(out.read_bytes())
    at = changed.index(b"ICT Desk")
    changed[at + 4] = ord("X")
    (tmp_path / "changed.pdf").write_bytes(bytes(changed))
    modified = run_cli(
        "verify-pdf", str(tmp_path / "changed.pdf"), "--trust", str(tmp_path / "ca.pem"),
        config_dir=config,
    )  # fmt: skip
    assert modified.returncode == 1
    assert "ถูกแก้ไขหลังลงนาม" in modified.stdout

    unsigned = run_cli(
        "render", "memo", "--input", str(tmp_path / "memo.json"),
        "--output", str(tmp_path / "plain.pdf"), config_dir=config,
    )  # fmt: skip
    assert unsigned.returncode == 0
    none = run_cli("verify-pdf", str(tmp_path / "plain.pdf"), config_dir=config)
    assert none.returncode == 1 and "ไม่มีลายมือชื่อดิจิทัล" in none.stdout
    letter = {
        "number": "สมศ/45",
        "address": "เลขที่ 128 ถนนพญาไท กรุงเทพมหานคร 10400",
        "date": "2026-11-23",
        "subject": "ส่งข้อมูลสารสนเทศ",
        "recipient": "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
        "paragraphs": ["ตามหนังสือที่อ้างถึง", "จึงเรียนมาเพื่อโปรดทราบ"],
        "signer_name": "นายสมชาย ใจดี",
        "signer_position": "นักวิชาการคอมพิวเตอร์",
    }
    (tmp_path / "letter.json").write_text(json.dumps(letter, ensure_ascii=False), encoding="utf-8")
    signed_letter = run_cli(
        "render", "letter", "--input", str(tmp_path / "letter.json"),
        "--output", str(tmp_path / "letter.pdf"), "--sign", str(tmp_path / "me.p12"),
        config_dir=config, extra_env={"ICTDESK_SIGN_PASSWORD": "ลับมาก-1"},
    )  # fmt: skip
    assert signed_letter.returncode == 0, signed_letter.stderr
    letter_check = run_cli(
        "verify-pdf", str(tmp_path / "letter.pdf"), "--trust", str(tmp_path / "ca.pem"),
        config_dir=config,
    )  # fmt: skip
    assert letter_check.returncode == 0 and "ช่อง signer" in letter_check.stdout
    missing = run_cli("verify-pdf", str(tmp_path / "nothing.pdf"), config_dir=config)
    assert missing.returncode == 1 and "ไม่พบไฟล์" in missing.stderr


def test_verify_pdf_trusts_the_office_certificates_in_the_database(
    sqlite_db: Any, tmp_path: Path
) -> None:
    from models.signing import trust
    from reports.signing.fields import collect
    from reports.signing.pades import load_pkcs12, sign_pdf

    ca = make_ca()
    p12, _cert, _key = make_user(ca, "นายสมชาย ใจดี", "pw")
    with collect() as fields:
        from reports.jsondocs import render_json

        pdf = render_json("memo", MEMO)
    signed = sign_pdf(pdf, load_pkcs12(p12, "pw"), fields=fields, when=dt.datetime(2026, 11, 23))
    (tmp_path / "signed.pdf").write_bytes(signed)
    config = tmp_path / "config"
    untrusted = run_cli(
        "--database", sqlite_db.test_url, "verify-pdf", str(tmp_path / "signed.pdf"),
        config_dir=config,
    )  # fmt: skip
    assert untrusted.returncode == 1
    trust.add_trusted_certificate(None, ca.pem)
    trusted = run_cli(
        "--database", sqlite_db.test_url, "verify-pdf", str(tmp_path / "signed.pdf"),
        config_dir=config,
    )  # fmt: skip
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert "สถานะ: ถูกต้อง" in trusted.stdout

"""Signing figures (a script, never a test): ``.venv/bin/python tests/benchmarks/signing.py``.

Prints, for a one-page memo with two signature blocks: importing pyHanko, adding the empty
signature fields to a rendered memo (what every print from the window now does), opening a
PKCS#12, one signature (B-B), a second incremental signature, and verifying a twice-signed PDF.
A test CA and a user certificate are made on the spot with ``cryptography``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> None:
    start = time.perf_counter()
    import pyhanko.sign
    import pyhanko.sign.validation  # noqa: F401

    print(f"import pyHanko (signing and validation): {(time.perf_counter() - start) * 1000:.0f} ms")
    from reports.memo import Memo, OpinionBlock, Paragraph, render_memo
    from reports.signing.fields import collect
    from reports.signing.pades import add_signature_fields, load_pkcs12, sign_pdf
    from reports.signing.verify import verify_pdf
    from tests.unit.signing.testca import make_ca, make_user

    memo = Memo(
        department="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. 1234",
        number="ภทส. 045/2569",
        date=dt.date(2026, 11, 23),
        subject="ขอความเห็นชอบจัดซื้อเครื่องคอมพิวเตอร์แม่ข่าย",
        recipient="รองผู้อำนวยการ (ในกำกับ)",
        body=[Paragraph("ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสารมีความจำเป็นต้องจัดซื้อ " * 4)],
        signer_name="นายสมชาย ใจดี",
        signer_position="นักวิชาการคอมพิวเตอร์",
        opinions=[OpinionBlock("ความเห็นของ หน.ภทส.", signer_name="นางสาวพรทิพย์ วงศ์สุวรรณ")],
    )
    with collect() as fields:
        pdf = render_memo(memo)
    ca = make_ca()
    p12, _c, _k = make_user(ca, "นายสมชาย ใจดี", "pw")
    p12b, _c2, _k2 = make_user(ca, "พรทิพย์ วงศ์สุวรรณ", "pw")
    when = dt.datetime(2026, 11, 23, 10)
    first_fields = add_signature_fields(pdf, fields)
    print(
        f"empty signature fields added to a memo: {timed(lambda: add_signature_fields(pdf, fields), 20):.1f} ms"
    )
    creds = load_pkcs12(p12, "pw")
    print(f"open a PKCS#12: {timed(lambda: load_pkcs12(p12, 'pw'), 10):.1f} ms")
    print(
        f"first signature (B-B): {timed(lambda: sign_pdf(first_fields, creds, when=when), 10):.0f} ms"
    )
    once = sign_pdf(first_fields, creds, when=when)
    creds_b = load_pkcs12(p12b, "pw")
    print(f"second signature: {timed(lambda: sign_pdf(once, creds_b, when=when), 10):.0f} ms")
    twice = sign_pdf(once, creds_b, when=when)
    print(f"verify two signatures: {timed(lambda: verify_pdf(twice, [ca.pem]), 10):.0f} ms")


if __name__ == "__main__":
    main()

"""Signing on the command line: ``render memo|letter ... --sign FILE.p12`` and
``verify-pdf FILE.pdf [--trust CERT.pem ...]``. No Qt.

The certificate and its password are checked before anything is rendered, so a wrong password
writes nothing. The password comes from ``ICTDESK_SIGN_PASSWORD`` or is asked on the terminal
(never an argument: it would stay in the shell's history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from models.i18n import _
from reports.errors import DocumentInputError

PASSWORD_VARIABLE = "ICTDESK_SIGN_PASSWORD"


def add_render_options(render: argparse.ArgumentParser) -> None:
    render.add_argument(
        "--sign",
        metavar="P12",
        help=_("ลงนามแบบดิจิทัลด้วยใบรับรอง .p12/.pfx (รหัสผ่านจาก ICTDESK_SIGN_PASSWORD หรือถามทางหน้าจอ)"),
    )
    render.add_argument(
        "--timestamp-url",
        metavar="URL",
        default="",
        help=_("เครื่องให้บริการตราประทับเวลา (RFC 3161) สำหรับ PAdES B-T"),
    )


def add_verify_task(tasks: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = tasks.add_parser("verify-pdf", help=_("ตรวจสอบลายมือชื่อดิจิทัลในไฟล์ PDF"))
    verify.add_argument("pdf", metavar="PDF")
    verify.add_argument(
        "--trust",
        metavar="CERT",
        action="append",
        default=[],
        help=_("ใบรับรองที่เชื่อถือ (PEM/DER) ใช้ได้หลายครั้ง นอกเหนือจากที่ตั้งไว้ในฐานข้อมูล"),
    )
    verify.set_defaults(run=task_verify_pdf)


def _read(path: Path, what: str, key: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentInputError(
            _("ไม่พบไฟล์{what} {path}").format(what=what, path=path), key
        ) from exc
    except OSError as exc:
        raise DocumentInputError(
            _("อ่านไฟล์{what} {path} ไม่ได้: {detail}").format(
                what=what, path=path, detail=exc.strerror or exc
            ),
            key,
        ) from exc


def sign_password() -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    try:
        return getpass.getpass(_("รหัสผ่านของใบรับรอง: "))
    except (EOFError, KeyboardInterrupt) as exc:
        raise DocumentInputError(_("ไม่ได้ใส่รหัสผ่านของใบรับรอง จึงไม่ได้สร้างเอกสาร"), "password") from exc


def render_signed(
    args: argparse.Namespace, apply_office_words: Callable[[str | None], bool]
) -> int:
    """Render the JSON document, sign it in its signer's block, then write it: on any error
    (wrong password, bad JSON, a timestamp server down) nothing is written."""
    from models import clock
    from reports.jsondocs import render_json_file
    from reports.signing.fields import collect
    from reports.signing.pades import load_pkcs12, sign_pdf

    source, output = Path(args.input), Path(args.output)
    # the same refusals as an unsigned render (the input itself, a missing folder, not a file)
    from reports.jsondocs import _check_output

    _check_output(source, output)
    credentials = load_pkcs12(_read(Path(args.sign), _("ใบรับรอง"), "sign"), sign_password())
    apply_office_words(args.database)  # given by desktop.cli (which imports this module)
    unsigned = output.with_name(f".{output.name}.{os.getpid()}.unsigned")
    try:
        with collect() as fields:
            render_json_file(args.kind, source, unsigned)
        pdf = unsigned.read_bytes()
    finally:
        unsigned.unlink(missing_ok=True)
    signed = sign_pdf(
        pdf, credentials, fields=fields, timestamp_url=args.timestamp_url, when=clock.now()
    )
    partial = output.with_name(f".{output.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(signed)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DocumentInputError(
            _("บันทึกไฟล์ {path} ไม่ได้: {detail}").format(path=output, detail=exc.strerror or exc),
            "output",
        ) from exc
    print(
        _("สร้างเอกสาร {path} และลงนามแบบดิจิทัลโดย {name} แล้ว").format(
            path=output, name=credentials.name
        )
    )
    return 0


def office_trust(url: str | None) -> list[bytes]:
    """The office's trusted certificates when the configured database opens (else none)."""
    import peewee

    from desktop.database_choice import resolve_database
    from models import db as dbmod
    from models.errors import EnvironmentProblem

    try:
        chosen, password = resolve_database(url)
        parsed = dbmod.parse_url(chosen or dbmod.default_url())
        if parsed.path is not None and not parsed.path.is_file():
            return []
        dbmod.init_db(parsed.url, password=password, migrate=False)
        from models.signing.trust import trusted_pems

        return trusted_pems()
    except (EnvironmentProblem, peewee.PeeweeException) as exc:
        detail = exc.message if isinstance(exc, EnvironmentProblem) else str(exc).strip()
        print(
            _("หมายเหตุ: เปิดฐานข้อมูลไม่ได้ จึงใช้เฉพาะใบรับรองจาก --trust ({detail})").format(
                detail=detail
            ),
            file=sys.stderr,
        )
        return []
    finally:
        dbmod.close_db()


def task_verify_pdf(args: argparse.Namespace) -> int:
    """Print each signature (signer, time, status); 0 only when there is at least one and every
    one is intact, unmodified since and trusted."""
    from reports.signing.verify import verify_pdf

    pdf = _read(Path(args.pdf), " PDF", "pdf")
    trust = [_read(Path(p), _("ใบรับรอง"), "trust") for p in args.trust]
    trust += office_trust(args.database)
    reports = verify_pdf(pdf, trust)
    if not reports:
        print(_("ไม่มีลายมือชื่อดิจิทัลในไฟล์ {path}").format(path=args.pdf))
        return 1
    for index, report in enumerate(reports, 1):
        print(_("ลายมือชื่อที่ {n} (ช่อง {field})").format(n=index, field=report.field))
        print(
            "  "
            + _("ผู้ลงนาม: {name} (ออกโดย {issuer})").format(name=report.signer, issuer=report.issuer)
        )
        print("  " + _("เวลาลงนาม: {when}").format(when=report.time_text(thai=False)))
        print("  " + _("สถานะ: {status}").format(status=report.status_text()))
    good = all(r.ok for r in reports)
    print(
        _("ลายมือชื่อทั้ง {n} รายการถูกต้อง เอกสารไม่ถูกแก้ไขหลังลงนาม").format(n=len(reports))
        if good
        else _("มีลายมือชื่อที่ไม่ผ่านการตรวจสอบ")
    )
    return 0 if good else 1

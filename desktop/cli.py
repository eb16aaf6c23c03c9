"""The command line: ``python main.py [--database URL] [task ...]``; no task starts the window.

Tasks run without Qt (except ``--self-test``, which builds the window offscreen), so they work on a
server or in a script. Errors the environment causes print a Thai message and exit 2; a refusal by
the rules exits 1.
"""

from __future__ import annotations

import models.drivers  # noqa: F401  # first: peewee without the MySQL driver (see the module)

# isort: split
import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from desktop import APP_VERSION, argparse_thai
from desktop.backups import backup_to_file
from desktop.config import WorkstationConfig
from desktop.database_choice import resolve_database
from models.errors import DatabaseUnavailable, DomainError, EnvironmentProblem
from models.i18n import _, set_language
from reports.errors import DocumentInputError

if TYPE_CHECKING:
    pass

Task = Callable[[argparse.Namespace], int]


def open_database(args: argparse.Namespace, *, migrate: bool = True) -> None:
    from models.db import init_db

    url, password = resolve_database(args.database)
    init_db(url, password=password, migrate=migrate)


def task_db(args: argparse.Namespace) -> int:
    from models import db as dbmod

    if args.db_action == "upgrade":
        url, password = resolve_database(args.database)
        database = dbmod.connect(url, password=password)
        parsed = dbmod.parse_url(url or dbmod.default_url())
        done = dbmod.upgrade(
            database, backup_dir=dbmod.backups_dir_for(parsed.path) if parsed.path else None
        )
        if done:  # the owner's upgrade: tables it added join the replicas' change feed now
            from models.replica import feed

            feed.install_triggers(database)
        status = dbmod.schema_status(database)
        print(
            _("ปรับรุ่นฐานข้อมูลแล้ว: {names}").format(names=", ".join(done))
            if done
            else _("ฐานข้อมูลเป็นรุ่นล่าสุดแล้ว")
        )
        print(_("รุ่นของโครงสร้างฐานข้อมูล: {n}").format(n=status.version))
        database.close()
        return 0
    if args.db_action == "status":
        url, password = resolve_database(args.database)
        database = dbmod.connect(url, password=password)
        status = dbmod.schema_status(database)
        print(
            _("ฐานข้อมูล: {where}").format(where=dbmod.parse_url(url or dbmod.default_url()).display)
        )
        print(_("ปรับรุ่นแล้ว: {n} รายการ").format(n=len(status.applied)))
        for name in status.pending:
            print(_("รอปรับรุ่น: {name}").format(name=name))
        for name in status.unknown:
            print(_("ไม่รู้จัก (จากรุ่นที่ใหม่กว่า): {name}").format(name=name))
        database.close()
        return 0
    if args.db_action == "create-roles":
        return create_server_roles(args)
    if args.db_action == "grant":
        return grant_server_rights(args)
    return backup_database(args)


def _secret(env: str, prompt: str) -> str:
    """A password from the environment (scripts) or typed at the console (never an argument:
    the process list would show it)."""
    value = os.environ.get(env)
    if value:
        return value
    import getpass

    return getpass.getpass(prompt)


def create_server_roles(args: argparse.Namespace) -> int:
    """``db create-roles``: run once by the server's administrator (an administrator's URL)."""
    from models import db as dbmod
    from models import server_roles

    url, password = resolve_database(args.database)
    database = dbmod.connect(url, password=password)
    try:
        done = server_roles.create_roles(
            database,
            owner=args.owner,
            owner_password=_secret(
                "ICTDESK_OWNER_PASSWORD",
                _("รหัสผ่านของบัญชีเจ้าของ schema {name}: ").format(name=args.owner),
            ),
            app=args.app,
            app_password=_secret(
                "ICTDESK_APP_PASSWORD", _("รหัสผ่านของบัญชีใช้งาน {name}: ").format(name=args.app)
            ),
            schema=args.schema,
        )
    finally:
        database.close()
    for line in done:
        print(line)
    print(
        _(
            "สร้างบัญชีแล้ว ขั้นต่อไป: ปรับรุ่นฐานข้อมูลด้วยบัญชี {owner} (db upgrade) "
            "แล้วให้สิทธิ์บัญชี {app} (db grant) และให้เครื่องลูกข่ายใช้บัญชี {app} เท่านั้น"
        ).format(owner=args.owner, app=args.app)
    )
    return 0


def grant_server_rights(args: argparse.Namespace) -> int:
    """``db grant``: run as the schema owner after each ``db upgrade``."""
    from models import db as dbmod
    from models import server_roles

    url, password = resolve_database(args.database)
    database = dbmod.connect(url, password=password)
    try:
        done = server_roles.grant(database, app=args.app)
    finally:
        database.close()
    for line in done:
        print(line)
    print(_("ให้สิทธิ์บัญชี {app} แล้ว {n} ตาราง").format(app=args.app, n=len(done)))
    return 0


def backup_database(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser().resolve()
    url, password = resolve_database(args.database)
    backup_to_file(url, password, output)
    print(_("สำรองฐานข้อมูลไว้ที่ {path}").format(path=output))
    return 0


def task_demo(args: argparse.Namespace) -> int:
    from models.demo import DEMO_PASSWORD, seed_demo

    open_database(args)
    logins = seed_demo()
    print(_("เพิ่มข้อมูลตัวอย่างแล้ว (ข้อมูลสมมุติ ไม่ใช่ข้อมูลจริง)"))
    print(_("ทุกบัญชีใช้รหัสผ่าน {password}").format(password=DEMO_PASSWORD))
    for login in logins:
        print(f"  {login.username:<14} {login.full_name}")
    return 0


def task_render(args: argparse.Namespace) -> int:
    from reports.jsondocs import render_json_file

    apply_office_words(args.database)
    render_json_file(args.kind, Path(args.input), Path(args.output))
    print(_("สร้างเอกสาร {path} แล้ว").format(path=args.output))
    return 0


def apply_office_words(url: str | None) -> bool:
    """A document made from JSON follows the office's words for line breaking and its font
    preference when the configured database opens; without one (none here, a server down) it is
    still made, with a note. Nothing is created or upgraded. Returns whether they were applied."""
    from models import db as dbmod
    from models.words import configure_documents

    try:
        chosen, password = resolve_database(url)
        parsed = dbmod.parse_url(chosen or dbmod.default_url())
        if parsed.path is not None and not parsed.path.is_file():
            return False  # no office database on this machine: nothing to apply
        dbmod.init_db(parsed.url, password=password, migrate=False)
        configure_documents()
        return True
    except (EnvironmentProblem, peewee.PeeweeException) as exc:
        detail = exc.message if isinstance(exc, EnvironmentProblem) else str(exc).strip()
        print(
            _("หมายเหตุ: เปิดฐานข้อมูลไม่ได้ เอกสารนี้จึงไม่ใช้คำเฉพาะของสำนักงาน ({detail})").format(
                detail=detail
            ),
            file=sys.stderr,
        )
        return False
    finally:
        dbmod.close_db()


def open_database_or_replica(args: argparse.Namespace) -> None:
    """The configured database; when it is a server that does not answer and this workstation
    holds its replica, the replica (read-only), saying so on stderr."""
    from models import db as dbmod
    from models import offline as mode
    from models.replica import files, store

    try:
        open_database(args)
        return
    except DatabaseUnavailable as exc:
        url, _password = resolve_database(args.database)
        meta = files.read_meta()
        if not url or dbmod.parse_url(url).is_embedded or meta is None:
            raise
        problem = exc
    dbmod.database.initialize(store.open_read_only())
    mode.set_offline(True, meta.refreshed_at)
    print(
        _("เชื่อมต่อเครื่องแม่ข่ายไม่ได้ ({detail}) จึงใช้สำเนาข้อมูลในเครื่องนี้ ณ {when} ({path})").format(
            detail=problem.message,
            when=mode.when_text(meta.refreshed_at),
            path=files.replica_path(),
        ),
        file=sys.stderr,
    )


def task_replica(args: argparse.Namespace) -> int:
    from models import db as dbmod
    from models import offline as mode
    from models.replica import files

    path = files.replica_path()
    if args.replica_action == "status":
        meta = files.read_meta(path)
        if meta is None:
            print(_("เครื่องนี้ยังไม่มีสำเนาข้อมูล ({path})").format(path=path))
            return 1
        from models import clock

        minutes = max(0, int((clock.now() - meta.refreshed_at).total_seconds() // 60))
        print(_("ที่เก็บ: {path}").format(path=path))
        print(
            _("ข้อมูล ณ: {when} ({minutes} นาทีที่แล้ว)").format(
                when=mode.when_text(meta.refreshed_at), minutes=minutes
            )
        )
        print(
            _("ขนาด: {mb:.1f} MB (ไฟล์แนบ {files_mb:.1f} MB)").format(
                mb=files.size_bytes(path) / 1048576, files_mb=meta.attachment_bytes / 1048576
            )
        )
        print(_("สำเนาของ: {source}").format(source=meta.source))
        return 0
    from models.replica import policy, store

    open_database(args, migrate=False)
    server = dbmod.database.obj
    if isinstance(server, peewee.SqliteDatabase):
        print(_("ฐานข้อมูลในเครื่องไม่ต้องมีสำเนา สำเนาข้อมูลใช้กับฐานข้อมูลบนเครื่องแม่ข่ายเท่านั้น"), file=sys.stderr)
        return 1
    if not policy.enabled():
        files.delete_replica(path)
        print(_("สำนักงานปิดการเก็บสำเนาข้อมูลในเครื่อง จึงลบสำเนาในเครื่องนี้แล้ว"), file=sys.stderr)
        return 1
    meta = files.read_meta(path)
    result = store.refresh(
        server,
        path=path,
        limits=policy.limits(),
        owner_user_id=meta.owner_user_id if meta else None,
        full=args.full,
    )
    kind = _("สร้างใหม่ทั้งหมด") if result.kind == "full" else _("ปรับเฉพาะที่เปลี่ยน")
    print(
        _(
            "ปรับสำเนาข้อมูลแล้ว ({kind}): {rows} แถว ใน {seconds:.2f} วินาที ขนาด {mb:.1f} MB ที่ {path}"
        ).format(
            kind=kind,
            rows=result.rows,
            seconds=result.seconds,
            mb=result.size_bytes / 1048576,
            path=path,
        )
    )
    return 0


def task_print_register(args: argparse.Namespace) -> int:
    from models import registers
    from models.words import configure_documents

    if args.list:
        open_database_or_replica(args)
        for definition in registers.all_registers():
            print(f"{definition.name:<20} {_(definition.title)}")
        return 0
    if not (args.name and args.output):
        print(_("กรุณาระบุชื่อทะเบียนและ --output (ดูรายชื่อด้วย --list)"), file=sys.stderr)
        return 1
    open_database_or_replica(args)
    configure_documents()
    path = registers.print_register(
        args.name, date_from=args.date_from, date_to=args.date_to, output=Path(args.output)
    )
    print(_("พิมพ์ทะเบียนไว้ที่ {path}").format(path=path))
    return 0


def task_export_register(args: argparse.Namespace) -> int:
    from models import registers

    if args.list:
        open_database(args)
        for definition in registers.all_registers():
            print(f"{definition.name:<20} {_(definition.title)}")
        return 0
    if not (args.name and args.output):
        print(_("กรุณาระบุชื่อทะเบียนและ --output (ดูรายชื่อด้วย --list)"), file=sys.stderr)
        return 1
    open_database(args)
    path, count = registers.export_register(
        args.name, date_from=args.date_from, date_to=args.date_to, output=Path(args.output)
    )
    print(_("ส่งออกทะเบียน {count} รายการไว้ที่ {path}").format(count=count, path=path))
    return 0


def task_send_digest(args: argparse.Namespace) -> int:
    from models import reminders

    open_database(args)
    sent = reminders.send_digests()
    print(_("ส่งอีเมลสรุปงานแล้ว {n} ฉบับ").format(n=sent))
    return 0


def _register_arguments(parser: argparse.ArgumentParser, output: str) -> None:
    """The same name, --list, --from/--to and --output for print-register and export-register."""
    parser.add_argument("name", nargs="?")
    parser.add_argument("--list", action="store_true", help=_("แสดงรายชื่อทะเบียน"))
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help=_("ตั้งแต่วันที่: YYYY-MM-DD หรือ วว/ดด/ปปปป (พ.ศ.)"),
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="DATE", help=_("ถึงวันที่: YYYY-MM-DD หรือ วว/ดด/ปปปป (พ.ศ.)")
    )
    parser.add_argument("--output", metavar=output)


def task_statistics(args: argparse.Namespace) -> int:
    """The management report (PDF with charts) or the workbook (figures and native charts) of a
    fiscal year, by the output's extension."""
    from models.errors import ValidationError as BadInput
    from models.statistics.report import write_statistics
    from models.words import configure_documents

    try:
        year = int(str(args.fiscal_year).strip().translate(_THAI_DIGITS))
    except ValueError:
        print(
            _("ปีงบประมาณ “{text}” ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2569)").format(text=args.fiscal_year),
            file=sys.stderr,
        )
        return 1
    if Path(args.output).suffix.lower() not in (".pdf", ".xlsx"):
        print(_("ไฟล์ผลลัพธ์ต้องเป็น .pdf หรือ .xlsx ({name})").format(name=args.output), file=sys.stderr)
        return 1
    open_database(args)
    configure_documents()
    try:
        path = write_statistics(None, year, Path(args.output))
    except BadInput as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(_("บันทึกสถิติปีงบประมาณ {year} ไว้ที่ {path}").format(year=year, path=path))
    return 0


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ictdesk",
        description=_("ICT Desk: งานตามกระบวนการ ทะเบียน และหนังสือราชการของ ภทส."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ICT Desk {APP_VERSION}",
        help=_("แสดงรุ่นของโปรแกรมแล้วจบ"),
    )
    parser.add_argument(
        "--database", metavar="URL", help=_("ฐานข้อมูลที่จะใช้ (sqlite:///…, postgresql://…, mysql://…)")
    )
    parser.add_argument("--lang", choices=["th", "en"], help=_("ภาษาของโปรแกรม"))
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("ทดสอบตนเอง: เปิดฐานข้อมูล ปรับรุ่น สร้างหน้าต่างหลักโดยไม่แสดงผล สร้าง PDF แล้วจบ"),
    )
    parser.add_argument(
        "--demo-on-first-start",
        action="store_true",
        help=_("ถ้าฐานข้อมูลยังว่าง ให้เพิ่มข้อมูลตัวอย่างและแสดงบัญชีทดลอง"),
    )
    tasks = parser.add_subparsers(dest="task", metavar="TASK")

    db = tasks.add_parser("db", help=_("งานฐานข้อมูล: upgrade, status, backup, create-roles, grant"))
    db_tasks = db.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    db_tasks.add_parser("upgrade", help=_("ปรับรุ่นโครงสร้างฐานข้อมูล"))
    db_tasks.add_parser("status", help=_("แสดงรุ่นของโครงสร้างฐานข้อมูล"))
    backup = db_tasks.add_parser("backup", help=_("สำรองฐานข้อมูลเป็นไฟล์"))
    backup.add_argument("--output", required=True, metavar="FILE")
    roles = db_tasks.add_parser(
        "create-roles",
        help=_("สร้างบัญชีเจ้าของ schema และบัญชีใช้งานบนเครื่องแม่ข่าย (ผู้ดูแลเครื่องแม่ข่าย)"),
    )
    roles.add_argument("--owner", default="ictdesk_owner", metavar="NAME")
    roles.add_argument("--app", default="ictdesk_app", metavar="NAME")
    roles.add_argument("--schema", default="ictdesk", metavar="NAME", help="PostgreSQL")
    grant = db_tasks.add_parser(
        "grant", help=_("ให้สิทธิ์บัญชีใช้งานกับตารางทั้งหมด (เจ้าของ schema ทำหลังปรับรุ่น)")
    )
    grant.add_argument("--app", default="ictdesk_app", metavar="NAME")
    db.set_defaults(run=task_db)

    demo = tasks.add_parser("demo", help=_("เพิ่มข้อมูลตัวอย่างของสำนักงานสมมุติ"))
    demo.set_defaults(run=task_demo)

    render = tasks.add_parser("render", help=_("สร้างหนังสือราชการ PDF จากไฟล์ JSON"))
    render.add_argument("kind", choices=["memo", "letter"])
    render.add_argument("--input", required=True, metavar="JSON")
    render.add_argument("--output", required=True, metavar="PDF")
    render.set_defaults(run=task_render)

    register = tasks.add_parser("print-register", help=_("พิมพ์ทะเบียนเป็น PDF"))
    _register_arguments(register, "PDF")
    register.set_defaults(run=task_print_register)

    replica = tasks.add_parser("replica", help=_("สำเนาข้อมูลในเครื่องสำหรับใช้เมื่อเครื่องแม่ข่ายขัดข้อง"))
    replica_tasks = replica.add_subparsers(dest="replica_action", required=True, metavar="ACTION")
    replica_tasks.add_parser("status", help=_("แสดงที่เก็บ อายุ และขนาดของสำเนาข้อมูล"))
    refresh = replica_tasks.add_parser("refresh", help=_("ปรับสำเนาข้อมูลให้ตรงกับเครื่องแม่ข่าย"))
    refresh.add_argument("--full", action="store_true", help=_("สร้างสำเนาใหม่ทั้งหมด"))
    replica.set_defaults(run=task_replica)
    export = tasks.add_parser("export-register", help=_("ส่งออกทะเบียนเป็นไฟล์ Excel (.xlsx)"))
    _register_arguments(export, "XLSX")
    export.set_defaults(run=task_export_register)

    digest = tasks.add_parser(
        "send-digest", help=_("ส่งอีเมลสรุปงานที่ถึงกำหนดให้ผู้ใช้แต่ละคน (ตั้งเวลาให้ทำวันละครั้ง)")
    )
    digest.set_defaults(run=task_send_digest)

    statistics = tasks.add_parser(
        "statistics", help=_("รายงานสถิติประจำปีงบประมาณ: PDF พร้อมแผนภูมิ หรือ Excel")
    )
    statistics.add_argument(
        "--fiscal-year", required=True, metavar="YEAR", help=_("ปีงบประมาณ พ.ศ. เช่น 2569")
    )
    statistics.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        help=_("ไฟล์ .pdf (รายงาน) หรือ .xlsx (ตัวเลขและแผนภูมิ)"),
    )
    statistics.set_defaults(run=task_statistics)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_hint(argv))
    argparse_thai.install()  # usage: and error lines in the same language as the rest
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from desktop.selftest import run_self_test

            return int(run_self_test(args))
        if args.task is None:
            from desktop.app import run_gui

            return int(run_gui(args))
        run: Task = args.run
        return run(args)
    except EnvironmentProblem as exc:
        print(exc.message, file=sys.stderr)
        if exc.advice:
            print(exc.advice, file=sys.stderr)
        return 2
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except DocumentInputError as exc:  # bad JSON for ``render``: nothing was written
        print(exc.message, file=sys.stderr)
        return 1


def _language_hint(argv: list[str]) -> str:
    """The language before argparse runs, so --help is already translated."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return WorkstationConfig.load().language

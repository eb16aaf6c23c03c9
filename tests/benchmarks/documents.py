"""Document engine figures (a script, never a test): ``.venv/bin/python tests/benchmarks/documents.py``.

Prints: memo of 1 and 2 pages rendered warm in process (targets 50 ms and 100 ms), the cold
command line ``main.py render memo``, a 1,000-row register print-out (target 3 s), and, when
LibreOffice (``soffice``) and python-docx are installed, the same memo as a .docx converted by
``soffice --headless --convert-to pdf`` with the ratio to warm in-app rendering (target 20x).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reports.memo import Memo, Paragraph, render_memo  # noqa: E402
from reports.registers import RegisterTable, TableColumn, render_register_table  # noqa: E402
from reports.samples import sample_memo  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def memo_json(memo: Memo) -> dict[str, object]:
    return {
        "department": memo.department,
        "number": memo.number,
        "date": memo.date.isoformat(),
        "subject": memo.subject,
        "recipient": memo.recipient,
        "paragraphs": [p.text for p in memo.body if isinstance(p, Paragraph)],
        "signer_name": memo.signer_name,
        "signer_position": memo.signer_position,
    }


def register(rows: int) -> RegisterTable:
    columns = [
        TableColumn("ลำดับ", 0.6, "center"),
        TableColumn("เลขครุภัณฑ์", 1.6),
        TableColumn("รายการ", 3.2),
        TableColumn("หน่วยงานที่ใช้", 2.2),
        TableColumn("วันที่ได้มา", 1.3, "center"),
        TableColumn("ราคา (บาท)", 1.3, "right"),
    ]
    data = [
        [
            str(i),
            f"7440-001-{i:04d}/2568",
            f"เครื่องคอมพิวเตอร์โน้ตบุ๊กสำหรับงานประมวลผล แบบที่ {i % 3 + 1} พร้อมกระเป๋า",
            ("สำนักสนับสนุนการปฏิบัติงาน", "สำนักประเมินคุณภาพภายนอก", "ภทส.")[i % 3],
            f"{i % 28 + 1} ม.ค. 2568",
            f"{23_000 + i * 7:,}.00",
        ]
        for i in range(1, rows + 1)
    ]
    return RegisterTable(
        "ทะเบียนครุภัณฑ์คอมพิวเตอร์",
        "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
        "ปีงบประมาณ พ.ศ. 2569",
        columns,
        data,
        landscape=True,
        printed_on=dt.date(2026, 11, 23),
    )


def soffice_figures(memo: Memo, workdir: Path) -> tuple[float, float] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice:                 not installed (apt install libreoffice-writer-nogui)")
        return None
    try:
        import docx  # python-docx, in the dev extra
        from docx.shared import Cm, Pt
    except ImportError:
        print("soffice:                 python-docx not installed (pip install python-docx)")
        return None
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Laksaman"
    style.font.size = Pt(16)
    heading = document.add_paragraph()
    heading.alignment = 1
    run = heading.add_run("บันทึกข้อความ")
    run.bold, run.font.size = True, Pt(29)
    for label, value in (
        ("ส่วนราชการ", memo.department),
        ("ที่", memo.number + "    วันที่ 23 พฤศจิกายน 2569"),
        ("เรื่อง", memo.subject),
    ):
        line = document.add_paragraph()
        bold = line.add_run(label + " ")
        bold.bold, bold.font.size = True, Pt(20)
        line.add_run(value)
    document.add_paragraph("เรียน  " + memo.recipient)
    for item in memo.body:
        if isinstance(item, Paragraph):
            paragraph = document.add_paragraph(item.text)
            paragraph.paragraph_format.first_line_indent = Cm(2.5)
            paragraph.alignment = 3
    document.add_paragraph("\n\n\n(" + memo.signer_name + ")").alignment = 2
    document.add_paragraph(memo.signer_position).alignment = 2
    source = workdir / "memo.docx"
    document.save(str(source))
    profile = workdir / "lo-profile"
    cmd = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(workdir / "out"),
        str(source),
    ]
    times = []
    for _ in range(3):  # the first run also creates the profile: report it apart
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    assert (workdir / "out" / "memo.pdf").is_file()
    return times[0], statistics.median(times[1:])


def main() -> None:
    memo1 = sample_memo()
    memo2 = sample_memo(pages=2)
    first, _ = timed(lambda: render_memo(memo1), 1)  # fonts load, ICU starts, nothing cached
    pages1 = render_memo(memo1).count(b"/Type /Page\n")
    pages2 = render_memo(memo2).count(b"/Type /Page\n")
    m1, b1 = timed(lambda: render_memo(memo1), 30)
    m2, b2 = timed(lambda: render_memo(memo2), 20)
    print(f"first memo in process:   {first:8.1f} ms (fonts load, nothing cached yet)")
    print(f"memo {pages1} page, warm:      {m1:8.1f} ms median ({b1:.1f} best; target 50)")
    print(f"memo {pages2} pages, warm:     {m2:8.1f} ms median ({b2:.1f} best; target 100)")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = workdir / "memo.json"
        source.write_text(json.dumps(memo_json(memo1), ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(ROOT / "main.py"), "render", "memo", "--input", str(source)]
        cmd += ["--output", str(workdir / "cli.pdf")]
        cold, best = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), 5)
        print(f"cold CLI render memo:    {cold:8.1f} ms median ({best:.1f} best)")

        table = register(1000)
        render_register_table(register(20))
        reg, _ = timed(lambda: render_register_table(table), 3)
        n_pages = render_register_table(table).count(b"/Type /Page\n")
        print(f"register 1,000 rows:     {reg:8.1f} ms ({n_pages} pages, landscape; target 3000)")

        lo = soffice_figures(memo1, workdir)
        if lo is not None:
            lo_first, lo_warm = lo
            print(
                f"soffice .docx -> pdf:    {lo_warm:8.1f} ms median of 2 (first run {lo_first:.0f} ms)"
            )
            print(f"ratio soffice / in-app:  {lo_warm / m1:8.1f} x (target >= 20)")


if __name__ == "__main__":
    main()

"""Realistic sample documents: the app's ``--self-test`` renders ``sample_memo()``, the benchmark
and the tests use them, and the README's JSON examples follow them. Names and numbers are made up."""

from __future__ import annotations

import datetime as dt

from reports.letter import Contact, Letter
from reports.memo import Memo, OpinionBlock, Paragraph, Table
from reports.registers import TableColumn

SAMPLE_PARAGRAPHS = [
    "ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร (ภทส.) ได้รับแจ้งจากสำนักสนับสนุนการปฏิบัติงานว่า "
    "เครื่องคอมพิวเตอร์แม่ข่ายสำหรับระบบสารบรรณอิเล็กทรอนิกส์ ซึ่งใช้งานมาตั้งแต่ปีงบประมาณ พ.ศ. 2562 "
    "มีอาการขัดข้องบ่อยครั้ง ทำให้การรับ-ส่งหนังสือราชการล่าช้า และหมดระยะเวลารับประกันแล้ว",
    "ภทส. ได้ตรวจสอบแล้วเห็นว่า ควรจัดซื้อเครื่องคอมพิวเตอร์แม่ข่ายทดแทน จำนวน 1 เครื่อง "
    "พร้อมอุปกรณ์สำรองไฟฟ้า จำนวน 2 เครื่อง วงเงินงบประมาณ 1,000,000 บาท (หนึ่งล้านบาทถ้วน) "
    "โดยใช้งบประมาณประจำปี พ.ศ. 2570 และได้สืบราคาจากผู้ขายอย่างน้อยสามราย ฯลฯ เพื่อกำหนดราคากลาง "
    "ตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
    "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบ ขอได้โปรดอนุมัติให้ดำเนินการต่อไป",
]


def sample_memo(*, pages: int = 1, thai_digits: bool = True) -> Memo:
    """A one-page memo (``pages=2`` repeats the body with a table so it runs onto a second page)."""
    body: list[Paragraph | Table] = [Paragraph(text) for text in SAMPLE_PARAGRAPHS[:2]]
    if pages >= 2:
        body.append(
            Table(
                [
                    TableColumn("ลำดับ", 0.6, "center"),
                    TableColumn("รายการ", 4),
                    TableColumn("จำนวน", 1, "center"),
                    TableColumn("ราคารวม (บาท)", 1.6, "right"),
                ],
                [
                    ["1", "เครื่องคอมพิวเตอร์แม่ข่าย แบบที่ 2 พร้อมระบบปฏิบัติการ", "1", "850,000.00"],
                    ["2", "เครื่องสำรองไฟฟ้า ขนาด 3 kVA", "2", "150,000.00"],
                    ["", "รวมเป็นเงินทั้งสิ้น (หนึ่งล้านบาทถ้วน)", "", "1,000,000.00"],
                ],
            )
        )
        body += [Paragraph(text) for text in SAMPLE_PARAGRAPHS[:2]] * (pages - 1)
    body.append(Paragraph(SAMPLE_PARAGRAPHS[2]))
    opinions = (
        [OpinionBlock("ความเห็นของ หน.ภทส.", 2, "นางสาวพรทิพย์ วงศ์สุวรรณ", "หน.ภทส.")]
        if pages >= 2
        else []
    )
    return Memo(
        department="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร สำนักสนับสนุนการปฏิบัติงาน โทร. 1234",
        number="ภทส. 045/2569",
        date=dt.date(2026, 11, 23),
        subject="ขอความเห็นชอบจัดซื้อเครื่องคอมพิวเตอร์แม่ข่ายสำหรับระบบสารบรรณอิเล็กทรอนิกส์ทดแทนเครื่องเดิม",
        recipient="ผู้อำนวยการสำนักสนับสนุนการปฏิบัติงาน",
        body=body,
        signer_name="นายสมชาย ใจดี",
        signer_position="นักวิชาการคอมพิวเตอร์",
        opinions=opinions,
        thai_digits=thai_digits,
    )


def sample_letter(*, thai_digits: bool = True) -> Letter:
    return Letter(
        number="ศธ 0201/123",
        agency="สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา (องค์การมหาชน)",
        address="ถนนพหลโยธิน เขตจตุจักร กทม. 10900",
        date=dt.date(2026, 11, 23),
        subject="ขอความอนุเคราะห์ข้อมูลสถิติการใช้งานระบบเครือข่าย",
        recipient="ผู้อำนวยการสำนักงานสถิติแห่งชาติ",
        references=["หนังสือสำนักงานสถิติแห่งชาติ ที่ สสช 0301/45"],
        enclosures=["แบบฟอร์มการขอรับข้อมูล จำนวน 1 ชุด"],
        body=[
            Paragraph(
                "ตามหนังสือที่อ้างถึง สำนักงานสถิติแห่งชาติได้แจ้งการเปิดให้บริการข้อมูลสถิติ"
                "ด้านเทคโนโลยีสารสนเทศและการสื่อสารของหน่วยงานภาครัฐ ความละเอียดแจ้งแล้ว นั้น"
            ),
            Paragraph(
                "สำนักงานฯ มีความประสงค์จะขอรับข้อมูลสถิติการใช้งานระบบเครือข่ายระหว่างปี "
                "พ.ศ. 2567-2569 เพื่อใช้ประกอบการจัดทำแผนปฏิบัติการด้านดิจิทัล ตามแบบฟอร์มที่ส่งมาด้วย"
            ),
            Paragraph("จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ด้วย จะขอบคุณยิ่ง"),
        ],
        signer_name="นายวิชัย ประเสริฐวงศ์",
        signer_position="ผู้อำนวยการสำนักงานรับรองมาตรฐาน\nและประเมินคุณภาพการศึกษา",
        contact=Contact(
            unit="ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
            phone="0 2216 3955 ต่อ 1234",
            fax="0 2216 5043",
            email="ict@example.go.th",
        ),
        thai_digits=thai_digits,
    )

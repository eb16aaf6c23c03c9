"""The asset register's columns as people name them: the titles of the Excel export and of the
import's mapping step (with the other names an office's own sheet may use), and the labels the
register, its history and its messages show. The asset records, their import and their history
all read them here."""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import N_


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # N_-marked: the column title in exports and the wizard
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: float = 16


FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "number",
        N_("เลขครุภัณฑ์"),
        True,
        ("เลขที่ครุภัณฑ์", "รหัสครุภัณฑ์", "หมายเลขครุภัณฑ์", "asset number", "asset no", "number"),
        20,
    ),
    ImportField("name", N_("ชื่อครุภัณฑ์"), True, ("ชื่อ", "รายการ", "รายการครุภัณฑ์", "name"), 30),
    ImportField("kind", N_("ประเภท"), False, ("ประเภทครุภัณฑ์", "kind", "type"), 18),
    ImportField("category", N_("หมวด"), False, ("หมวดครุภัณฑ์", "ชนิด", "category"), 22),
    ImportField("brand", N_("ยี่ห้อ"), False, ("brand", "make"), 14),
    ImportField("model_name", N_("รุ่น"), False, ("model", "รุ่น/แบบ"), 16),
    ImportField(
        "serial_number",
        N_("หมายเลขเครื่อง"),
        False,
        ("หมายเลขประจำเครื่อง", "serial", "serial number", "s/n", "sn"),
        18,
    ),
    ImportField(
        "acquired_on", N_("วันที่ได้มา"), False, ("วันที่ซื้อ", "วันที่รับ", "acquired", "purchase date")
    ),
    ImportField("price", N_("ราคา (บาท)"), False, ("ราคา", "ราคาต่อหน่วย", "มูลค่า", "price", "cost")),
    ImportField(
        "budget_source", N_("แหล่งเงิน"), False, ("แหล่งงบประมาณ", "ประเภทเงิน", "budget source")
    ),
    ImportField("budget_year", N_("ปีงบประมาณ"), False, ("budget year", "fiscal year", "ปีงบ")),
    ImportField("vendor", N_("ผู้ขาย/ผู้รับจ้าง"), False, ("ผู้ขาย", "บริษัท", "vendor", "supplier"), 26),
    ImportField(
        "warranty_end",
        N_("สิ้นสุดการรับประกัน"),
        False,
        ("วันหมดประกัน", "หมดประกัน", "warranty", "warranty end"),
    ),
    ImportField("location", N_("สถานที่ตั้ง"), False, ("ที่ตั้ง", "ห้อง", "location"), 20),
    ImportField("custodian_name", N_("ผู้รับผิดชอบ"), False, ("ผู้ครอบครอง", "ผู้ใช้งาน", "custodian"), 22),
    ImportField(
        "custodian_unit", N_("หน่วยงาน"), False, ("หน่วยงานผู้รับผิดชอบ", "unit", "department"), 24
    ),
    ImportField("status", N_("สถานะ"), False, ("status",), 16),
    ImportField("seats", N_("จำนวนสิทธิ์ใช้งาน"), False, ("จำนวนสิทธิ์", "seats", "licenses")),
    ImportField("licence_expiry", N_("วันหมดอายุสิทธิ์"), False, ("license expiry", "licence expiry")),
    ImportField("ip_address", N_("IP Address"), False, ("ip", "ไอพี")),
    ImportField("mac_address", N_("MAC Address"), False, ("mac",)),
    ImportField("notes", N_("หมายเหตุ"), False, ("notes", "remark", "remarks"), 30),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}

"""Qt's own dialogs (open/save a file, print, the standard buttons, a text box's context menu) in
Thai, and file dialogs that start in the user's Documents folder.

Qt ships no ``qtbase_th`` catalog with PySide6. When none is found (``install``), Qt's strings are
translated from the table below through a ``QTranslator``, and Qt's own (non-native) dialogs are
used, because the native ones of some desktops would stay in English; where Qt has a catalog for
the language, it is loaded and the native dialogs stay. Every string of a dialog a person sees
in daily work (open, save, print) is in the table; anything missing shows in English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QStandardPaths, Qt, QTranslator

# Qt's source texts by context ("QFileDialog", ...) -> Thai. Accelerators (&) are kept.
QT_THAI: dict[str, dict[str, str]] = {
    "QFileDialog": {
        "Look in:": "ค้นหาใน:",
        "&Look in:": "ค้นหาใน:",
        "File &name:": "ชื่อไฟล์:",
        "File name:": "ชื่อไฟล์:",
        "Files of type:": "ชนิดไฟล์:",
        "Files of &type:": "ชนิดไฟล์:",
        "Files": "ไฟล์",
        "Go back": "ย้อนกลับ",
        "Go forward": "ไปข้างหน้า",
        "Go to the parent directory": "ไปยังโฟลเดอร์ระดับบน",
        "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
        "Change to list view mode": "แสดงเป็นรายการ",
        "Change to detail view mode": "แสดงรายละเอียด",
        "List of places and bookmarks": "ตำแหน่งที่ใช้บ่อย",
        "&Open": "เปิด",
        "&Save": "บันทึก",
        "&Choose": "เลือก",
        "Open": "เปิด",
        "Save As": "บันทึกเป็น",
        "Cancel": "ยกเลิก",
        "Back": "ย้อนกลับ",
        "Forward": "ไปข้างหน้า",
        "Parent Directory": "โฟลเดอร์ระดับบน",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่",
        "New Folder": "โฟลเดอร์ใหม่",
        "List View": "แสดงเป็นรายการ",
        "Detail View": "แสดงรายละเอียด",
        "All Files (*)": "ทุกไฟล์ (*)",
        "Directories": "โฟลเดอร์",
        "Directory:": "โฟลเดอร์:",
        "Find Directory": "เลือกโฟลเดอร์",
        "My Computer": "คอมพิวเตอร์",
        "Recent Places": "ที่ใช้ล่าสุด",
        "&Rename": "เปลี่ยนชื่อ",
        "&Delete": "ลบ",
        "Show &hidden files": "แสดงไฟล์ที่ซ่อน",
        "&New Folder": "โฟลเดอร์ใหม่",
        "File": "ไฟล์",
        "File Folder": "โฟลเดอร์",
        "Folder": "โฟลเดอร์",
        "Alias": "ทางลัด",
        "Shortcut": "ทางลัด",
        "Unknown": "ไม่ทราบ",
        "%1 already exists.\nDo you want to replace it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการบันทึกทับหรือไม่",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nไม่พบไฟล์ กรุณาตรวจสอบชื่อไฟล์"
        ),
        "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่",
        "Sidebar": "แถบด้านข้าง",
    },
    "QFileSystemModel": {
        "Name": "ชื่อ",
        "Size": "ขนาด",
        "Type": "ชนิด",
        "Kind": "ชนิด",
        "Date Modified": "แก้ไขเมื่อ",
        "My Computer": "คอมพิวเตอร์",
        "Computer": "คอมพิวเตอร์",
    },
    "QPlatformTheme": {
        "OK": "ตกลง",
        "Save": "บันทึก",
        "Save All": "บันทึกทั้งหมด",
        "Open": "เปิด",
        "&Yes": "ใช่",
        "Yes to &All": "ใช่ทั้งหมด",
        "&No": "ไม่ใช่",
        "N&o to All": "ไม่ใช่ทั้งหมด",
        "Abort": "ยกเลิก",
        "Retry": "ลองใหม่",
        "Ignore": "ข้าม",
        "Close": "ปิด",
        "Cancel": "ยกเลิก",
        "Discard": "ไม่บันทึก",
        "Help": "วิธีใช้",
        "Apply": "ใช้",
        "Reset": "ตั้งค่าใหม่",
        "Restore Defaults": "คืนค่าเริ่มต้น",
    },
    "QLineEdit": {
        "&Undo": "เลิกทำ",
        "&Redo": "ทำซ้ำ",
        "Cu&t": "ตัด",
        "&Copy": "คัดลอก",
        "&Paste": "วาง",
        "Delete": "ลบ",
        "Select All": "เลือกทั้งหมด",
    },
    "QWidgetTextControl": {
        "&Undo": "เลิกทำ",
        "&Redo": "ทำซ้ำ",
        "Cu&t": "ตัด",
        "&Copy": "คัดลอก",
        "Copy &Link Location": "คัดลอกที่อยู่ลิงก์",
        "&Paste": "วาง",
        "Delete": "ลบ",
        "Select All": "เลือกทั้งหมด",
    },
    "QPrintDialog": {
        "Print": "พิมพ์",
        "&Print": "พิมพ์",
        "&Options >>": "ตัวเลือก >>",
        "&Options <<": "ตัวเลือก <<",
        "Print to File (PDF)": "พิมพ์เป็นไฟล์ (PDF)",
        "Local file": "ไฟล์ในเครื่อง",
        "Write PDF file": "เขียนไฟล์ PDF",
        "Print To File ...": "พิมพ์ลงไฟล์…",
        "Print all": "พิมพ์ทั้งหมด",
        "Print selection": "พิมพ์ส่วนที่เลือก",
        "Print current page": "พิมพ์หน้าปัจจุบัน",
        "Print range": "ช่วงที่พิมพ์",
        "The 'From' value cannot be greater than the 'To' value.": ("หน้าเริ่มต้องไม่มากกว่าหน้าสุดท้าย"),
        "File exists": "มีไฟล์นี้อยู่แล้ว",
        "<qt>Do you want to overwrite it?</qt>": "<qt>ต้องการบันทึกทับหรือไม่</qt>",
    },
    "QPrintWidget": {
        "Form": "แบบฟอร์ม",
        "Printer": "เครื่องพิมพ์",
        "&Name:": "ชื่อ:",
        "P&roperties": "คุณสมบัติ",
        "Location:": "ที่ตั้ง:",
        "Preview": "ตัวอย่าง",
        "Type:": "ชนิด:",
        "Output &file:": "ไฟล์ผลลัพธ์:",
        "...": "…",
    },
    "QPrintSettingsOutput": {
        "Form": "แบบฟอร์ม",
        "Copies": "จำนวนชุด",
        "Print range": "ช่วงที่พิมพ์",
        "Print all": "พิมพ์ทั้งหมด",
        "Pages from": "หน้า",
        "to": "ถึง",
        "Pages": "หน้า",
        "Current Page": "หน้าปัจจุบัน",
        "Selection": "ส่วนที่เลือก",
        "Output Settings": "การพิมพ์",
        "Copies:": "จำนวนชุด:",
        "Collate": "เรียงชุด",
        "Reverse": "กลับลำดับหน้า",
        "Options": "ตัวเลือก",
        "Color Mode": "สี",
        "Color": "สี",
        "Grayscale": "ขาวดำ",
        "Duplex Printing": "พิมพ์สองหน้า",
        "None": "ไม่พิมพ์สองหน้า",
        "Long side": "พลิกด้านยาว",
        "Short side": "พลิกด้านสั้น",
        "Page Set:": "หน้าที่พิมพ์:",
        "All Pages": "ทุกหน้า",
        "Odd Pages": "หน้าคี่",
        "Even Pages": "หน้าคู่",
    },
    "QPageSetupWidget": {
        "Form": "แบบฟอร์ม",
        "Paper": "กระดาษ",
        "Page size:": "ขนาดกระดาษ:",
        "Width:": "กว้าง:",
        "Height:": "สูง:",
        "Paper source:": "ถาดกระดาษ:",
        "Orientation": "แนวกระดาษ",
        "Portrait": "แนวตั้ง",
        "Landscape": "แนวนอน",
        "Reverse landscape": "แนวนอนกลับด้าน",
        "Reverse portrait": "แนวตั้งกลับด้าน",
        "Margins": "ระยะขอบ",
        "top margin": "ขอบบน",
        "left margin": "ขอบซ้าย",
        "right margin": "ขอบขวา",
        "bottom margin": "ขอบล่าง",
        "Page Layout": "การจัดหน้า",
        "Page order:": "ลำดับหน้า:",
        "Pages per sheet:": "จำนวนหน้าต่อแผ่น:",
        "Custom": "กำหนดเอง",
    },
    "QPrintPropertiesDialog": {
        "Printer Properties": "คุณสมบัติเครื่องพิมพ์",
        "Job Options": "ตัวเลือกงานพิมพ์",
        "Page": "หน้า",
        "Advanced": "ขั้นสูง",
    },
}


class ThaiQtTranslator(QTranslator):
    """Qt's strings from ``QT_THAI``; anything else stays as Qt wrote it."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None (a null string) tells Qt "not translated": it keeps its English text; an empty
        # string would blank the label
        return QT_THAI.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return False


def qt_catalog_path(language: str) -> str | None:
    """Qt's own catalog for ``language`` when PySide6 ships one."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = folder / f"qtbase_{language}.qm"
    return str(found) if found.is_file() else None


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's strings in ``language``: Qt's catalog when there is one, else (Thai) ``QT_THAI``
    and Qt's own file and print dialogs. Returns the translators installed (to remove later)."""
    installed: list[QTranslator] = []
    path = qt_catalog_path(language)
    if path is not None:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            installed.append(translator)
    use_qt_dialogs = path is None and language == "th"
    if use_qt_dialogs:
        thai = ThaiQtTranslator(app)
        app.installTranslator(thai)
        installed.append(thai)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, use_qt_dialogs)
    return installed


def documents_dir() -> Path:
    """Where file dialogs start: the user's Documents folder (the home folder without one)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def in_documents(name: str = "") -> str:
    """A file dialog's starting point: ``name`` in the Documents folder (or the folder alone);
    a name that already holds a folder is kept as it is."""
    if name and Path(name).is_absolute():
        return name
    return str(documents_dir() / name) if name else str(documents_dir())

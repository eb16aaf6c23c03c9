"""The emblem at the head of memos and letters.

The office supplies its own emblem image (setting); without one, documents carry a neutral
placeholder drawn here for the project: a plain double ring around an open document with the
letters "ICT". It is deliberately nothing like the national emblem (ตราครุฑ), so a draft printed
without the real emblem can never pass for an official document.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader

from reports.errors import DocumentInputError

PLACEHOLDER_GREY = Color(0.45, 0.45, 0.45)


def image_size(data: bytes) -> tuple[int, int]:
    """Pixel size of an emblem or signature image; a clear error when it is not an image."""
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # ReportLab raises assorted errors for unreadable images
        raise DocumentInputError("ไฟล์ภาพอ่านไม่ได้ (ใช้ไฟล์ PNG หรือ JPEG)") from exc
    return int(width), int(height)


def draw_image(canvas: Any, data: bytes, x: float, y: float, height: float) -> float:
    """Draw an image ``height`` points high with its bottom-left at (x, y); returns its width."""
    width_px, height_px = image_size(data)
    width = height * width_px / max(height_px, 1)
    canvas.drawImage(
        ImageReader(io.BytesIO(data)), x, y, width, height, mask="auto", preserveAspectRatio=True
    )
    return width


def emblem_width(image: bytes | None, height: float) -> float:
    if image is None:
        return height
    width_px, height_px = image_size(image)
    return height * width_px / max(height_px, 1)


def draw_emblem(canvas: Any, x: float, y: float, height: float, image: bytes | None) -> float:
    """Draw the office's emblem (or the placeholder) ``height`` high, bottom-left at (x, y).
    Returns the drawn width."""
    if image is not None:
        return draw_image(canvas, image, x, y, height)
    draw_placeholder(canvas, x, y, height)
    return height


def draw_placeholder(canvas: Any, x: float, y: float, size: float) -> None:
    cx, cy, r = x + size / 2, y + size / 2, size / 2
    canvas.saveState()
    canvas.setStrokeColor(PLACEHOLDER_GREY)
    canvas.setFillColor(PLACEHOLDER_GREY)
    canvas.setLineWidth(max(size * 0.025, 0.4))
    canvas.circle(cx, cy, r * 0.97, stroke=1, fill=0)
    canvas.setLineWidth(max(size * 0.012, 0.3))
    canvas.circle(cx, cy, r * 0.85, stroke=1, fill=0)
    # an open document: two pages meeting at a spine
    w, h = r * 0.95, r * 0.62
    top = cy + h * 0.6
    bottom = top - h
    path = canvas.beginPath()
    path.moveTo(cx, bottom)
    path.lineTo(cx - w / 2, bottom + h * 0.12)
    path.lineTo(cx - w / 2, top + h * 0.12)
    path.lineTo(cx, top)
    path.lineTo(cx + w / 2, top + h * 0.12)
    path.lineTo(cx + w / 2, bottom + h * 0.12)
    path.close()
    canvas.setLineWidth(max(size * 0.018, 0.3))
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.line(cx, bottom, cx, top)
    for i in range(1, 4):
        dy = h * i / 4.5
        canvas.line(cx - w * 0.4, top - dy + h * 0.1, cx - w * 0.08, top - dy)
        canvas.line(cx + w * 0.08, top - dy, cx + w * 0.4, top - dy + h * 0.1)
    from reports.textflow import draw_text  # the document font: every font in a PDF is embedded

    draw_text(canvas, cx, cy - r * 0.64, "ICT", style="bold", size=size * 0.16, align="center")
    canvas.restoreState()

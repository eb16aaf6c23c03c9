"""A person's signature image made ready for paper: a PNG with a transparent background.

A PNG that already has transparent pixels is kept as drawn. A scan (JPEG, or a PNG without
transparency) is cleaned: the paper's brightness is estimated from the image itself (Otsu's
threshold on the grey levels, so a greyish scan works as well as a white one), everything as light
as the paper becomes transparent, and the ink keeps its colour with an opacity that grows with its
darkness (smooth pen edges, no halo). The result is cropped to the ink with a small margin and
at most ``MAX_SIDE`` pixels wide or high.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

from reports.errors import DocumentInputError

MAX_SIDE = 1200
MAX_INPUT_PIXELS = 40_000_000  # a scan of an A4 page at 600 dpi is about 35 million
MARGIN = 8


def _otsu(histogram: list[int]) -> int:
    total = sum(histogram)
    weighted = sum(i * h for i, h in enumerate(histogram))
    best, best_between = 128, -1.0
    seen = seen_weighted = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen == 0 or seen == total:
            continue
        seen_weighted += level * count
        dark_mean = seen_weighted / seen
        light_mean = (weighted - seen_weighted) / (total - seen)
        between = seen * (total - seen) * (dark_mean - light_mean) ** 2
        if between > best_between:
            best, best_between = level, between
    return best


def _open(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ("PNG", "JPEG"):
            raise DocumentInputError("ไฟล์ลายมือชื่อต้องเป็นภาพ PNG หรือ JPEG", "signature")
        if image.width * image.height > MAX_INPUT_PIXELS:
            raise DocumentInputError(
                "ภาพลายมือชื่อมีขนาดใหญ่เกินไป (เกิน 40 ล้านพิกเซล) กรุณาสแกนที่ความละเอียดต่ำลง",
                "signature",
            )
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise DocumentInputError("อ่านไฟล์ลายมือชื่อไม่ได้ (ต้องเป็นภาพ PNG หรือ JPEG)", "signature") from exc
    return ImageOps.exif_transpose(image) or image


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        alpha = image.convert("RGBA").getchannel("A")
        return sum(alpha.histogram()[:250]) > 0
    return False


def _cleaned(image: Image.Image) -> Image.Image:
    rgb = image.convert("RGB")
    grey = rgb.convert("L")
    paper = _otsu(grey.histogram())
    # darker than the threshold: ink, fully opaque at half the threshold; lighter: paper
    opaque_at = max(paper // 2, 1)
    span = max(paper - opaque_at, 1)
    alpha = grey.point(
        lambda v: 0 if v >= paper else (255 if v <= opaque_at else (paper - v) * 255 // span)
    )
    rgba = rgb.copy()
    rgba.putalpha(alpha)
    return rgba


def prepare_signature(data: bytes) -> bytes:
    """The signature as a transparent PNG; a Thai ``DocumentInputError`` when it is not a PNG or
    JPEG image or holds no ink at all."""
    image = _open(data)
    rgba = image.convert("RGBA") if _has_transparency(image) else _cleaned(image)
    box = rgba.getchannel("A").point(lambda v: 255 if v > 24 else 0).getbbox()
    if box is None:
        raise DocumentInputError(
            "ไม่พบลายเส้นในภาพลายมือชื่อ (ภาพว่างหรือโปร่งใสทั้งภาพ) กรุณาเลือกไฟล์อื่น", "signature"
        )
    x1, y1, x2, y2 = box
    rgba = rgba.crop(
        (
            max(x1 - MARGIN, 0),
            max(y1 - MARGIN, 0),
            min(x2 + MARGIN, rgba.width),
            min(y2 + MARGIN, rgba.height),
        )
    )
    rgba.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    rgba.save(out, format="PNG", optimize=True)
    return out.getvalue()

"""Signature images drawn in the test: a PNG with transparency and a 'scanned' JPEG (dark ink on
slightly grey, noisy paper)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def transparent_png(colour: tuple[int, int, int] = (20, 30, 120)) -> bytes:
    image = Image.new("RGBA", (400, 140), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line(
        [(20, 100), (120, 30), (200, 110), (300, 40), (380, 90)], fill=(*colour, 255), width=6
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def scanned_jpeg() -> bytes:
    rng = random.Random(12)
    image = Image.new("RGB", (600, 240), (236, 234, 228))
    pixels = image.load()
    assert pixels is not None
    for _ in range(4000):  # paper grain
        x, y = rng.randrange(600), rng.randrange(240)
        shade = rng.randrange(215, 250)
        pixels[x, y] = (shade, shade, shade - 4)
    draw = ImageDraw.Draw(image)
    draw.line([(40, 180), (160, 50), (300, 190), (450, 60), (560, 150)], fill=(25, 25, 60), width=8)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()

"""Signed documents: where a document's signature blocks landed (``fields``), signature images
cleaned to a transparent background (``images``), PAdES signing with pyHanko (``pades``) and
verification of any PDF (``verify``). Plain bytes in and out: no Qt, no models."""

"""Hostile and ordinary files for the security tests, made in memory."""

import io
import struct
import zlib
from functools import cache

from PIL import Image
from pypdf import PdfWriter

# What a script in a polyglot would leave behind if a browser ran it.
POLYGLOT_GLOBAL = "polyglotRan"


@cache
def pdf_bytes() -> bytes:
    """A real one-page PDF, uncompressed, without the bytes that end an HTML or JS comment."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    assert b"*/" not in data and b"-->" not in data
    return data


def html_polyglot(script_url: str = "") -> bytes:
    """A file that is both an HTML page (loading ``script_url`` and opening a dialog) and a
    PDF that pypdf reads: the PDF sits in an HTML comment, its header in the first 1024 bytes."""
    script = f'<script src="{script_url}"></script>' if script_url else ""
    return (
        b"<!DOCTYPE html><html><head><title>poly</title>"
        + script.encode()
        + b"</head><body><h1>Polyglot</h1><!--\n"
        + pdf_bytes()
        + b"\n--></body></html>\n"
    )


def js_polyglot() -> bytes:
    """A file that is both JavaScript (setting a global, opening a dialog) and a PDF."""
    return (
        b"/*"
        + pdf_bytes()
        + b"*/\nwindow."
        + POLYGLOT_GLOBAL.encode()
        + b" = true;\nalert('polyglot');\n"
    )


@cache
def png_bomb() -> bytes:
    """A PNG of 10000 x 10000 pixels in about 12 KB: decoding it takes about 100 MB (1-bit) and
    converting it to RGBA 400 MB."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def png(size=(800, 400), colour="navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """The first chunks of a PNG declaring ``width`` x ``height`` pixels, and no pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )

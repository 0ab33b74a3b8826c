"""Opens every page of a rapport site in Debian's chromium (headless, through
playwright, never a downloaded browser) from file://, and reports as JSON: console
errors, failed requests, requests to anything but file://, and for each page how far
its screenshot is from blank. Screenshots are kept in SHOTS_DIR.

Usage: python site_browser.py SITE_DIR SHOTS_DIR PROFILE_DIR
"""
import json
import os
import sys
import zlib
import struct

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def png_pixels(data):
    """Distinct colours and the share of pixels unlike the top-left one, of an 8-bit
    RGB or RGBA PNG (what chromium writes), decoded with zlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8, depth
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = {2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours, differ, first = set(), 0, None
    i = 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        for x in range(0, stride, bpp * 4):
            px = bytes(line[x:x + 3])
            if first is None:
                first = px
            colours.add(px)
            if px != first:
                differ += 1
        prev = line
    return len(colours), differ


def main(site, shots, profile):
    os.makedirs(shots, exist_ok=True)
    pages = sorted(p for p in os.listdir(site) if p.endswith(".html"))
    report = {"pages": {}, "console": [], "failed": [], "foreign": []}
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )
        page = ctx.new_page()
        page.on("console", lambda m: m.type == "error" and report["console"].append(m.text))
        page.on("pageerror", lambda e: report["console"].append(str(e)))
        page.on("requestfailed", lambda r: report["failed"].append(r.url))
        page.on("request", lambda r: (not r.url.startswith("file://")) and report["foreign"].append(r.url))
        for name in pages:
            url = "file://" + os.path.abspath(os.path.join(site, name))
            resp = page.goto(url, wait_until="load")
            shot = os.path.join(shots, name.replace(".html", ".png"))
            page.screenshot(path=shot, full_page=True)
            with open(shot, "rb") as f:
                colours, differ = png_pixels(f.read())
            # The sorting script ran: every sortable header got its button.
            buttons = page.evaluate("document.querySelectorAll('table.sortable th button').length")
            headers = page.evaluate("document.querySelectorAll('table.sortable th').length")
            report["pages"][name] = {"colours": colours, "differ": differ,
                                     "buttons": buttons, "headers": headers,
                                     "ok": resp is None or resp.ok}
        ctx.close()
    print(json.dumps(report, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])

"""Opens every page of a rapport site in Debian's chromium (headless, through
playwright, never a downloaded browser) from file://, and reports as JSON: console
errors, failed requests, requests to anything but file://, and for each page how far
its screenshot is from blank. Screenshots are kept in SHOTS_DIR.

Usage: python site_browser.py SITE_DIR SHOTS_DIR PROFILE_DIR
"""
import json
import os
import sys
import base64

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# Distinct colours of a screenshot and how many pixels differ from its top-left one,
# counted by the browser on a blank page of its own (no listeners: a data: URL there
# is no request of the site's).
COUNT = """async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width; c.height = img.height;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const first = (d[0] << 16) | (d[1] << 8) | d[2];
  const seen = new Set();
  let differ = 0;
  for (let i = 0; i < d.length; i += 4) {
    const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
    seen.add(k);
    if (k !== first) { differ++; }
  }
  return [seen.size, differ];
}"""


def main(site, shots, profile):
    os.makedirs(shots, exist_ok=True)
    pages = sorted(p for p in os.listdir(site) if p.endswith(".html"))
    report = {"pages": {}, "console": [], "failed": [], "foreign": []}
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )
        analyser = ctx.new_page()
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
                colours, differ = analyser.evaluate(COUNT, base64.b64encode(f.read()).decode())
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

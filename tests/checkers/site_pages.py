"""Reads every page of a rapport site with html5lib in strict mode (an HTML5 parser
independent of the browser), checks that every link and anchor resolves, and prints
the figures the pages mark with data-figure as JSON: {name: [values...]}.

Usage: python site_pages.py SITE_DIR
"""
import json
import os
import sys
import urllib.parse

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"


def main(site):
    pages = sorted(p for p in os.listdir(site) if p.endswith(".html"))
    ids = {}
    links = []
    figures = {}
    errors = []
    for name in pages:
        with open(os.path.join(site, name), "rb") as f:
            data = f.read()
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
        try:
            tree = parser.parse(data)
        except Exception as e:  # strict mode raises on the first parse error
            errors.append(f"{name}: does not parse strictly: {e!r}")
            continue
        if parser.errors:
            errors.append(f"{name}: parse errors {parser.errors}")
        page_ids = set()
        for el in tree.iter():
            i = el.get("id")
            if i is not None:
                if i in page_ids:
                    errors.append(f"{name}: duplicate id {i}")
                page_ids.add(i)
            if el.tag == NS + "a" and el.get("href") is not None:
                links.append((name, el.get("href")))
            for attr in ("href", "src"):
                v = el.get(attr)
                if v is not None and el.tag in (NS + "link", NS + "script"):
                    links.append((name, v))
            fig = el.get("data-figure")
            if fig is not None:
                figures.setdefault(fig, []).append(el.get("data-value"))
        ids[name] = page_ids
    for page, href in links:
        url = urllib.parse.urlsplit(href)
        if url.scheme or url.netloc:
            errors.append(f"{page}: link leaves the site: {href}")
            continue
        target = urllib.parse.unquote(url.path) or page
        if not os.path.isfile(os.path.join(site, target)):
            errors.append(f"{page}: broken link {href}")
            continue
        if url.fragment and target.endswith(".html"):
            if url.fragment not in ids.get(target, set()):
                errors.append(f"{page}: no anchor #{url.fragment} in {target}")
    print(json.dumps({"pages": pages, "links": len(links), "errors": errors, "figures": figures},
                     ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])

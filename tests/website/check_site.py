#!/usr/bin/python3
"""Checks a website written by `outcomes build` with the standard library only.

Usage: check_site.py OUTDIR

(a) every internal link and image in every .html page (href, src, srcset, poster, xlink:href,
    action, CSS url()) resolves to an existing file inside OUTDIR and, with a #fragment, to an
    element with that id in the target; no link is absolute to the site root ('/...');
(b) feed.xml is an Atom feed (id, title, updated, author, entries with id, title, updated, link)
    and sitemap.xml a sitemap (urlset/url/loc) listing every page, both parsed with xml.etree;
(c) every page has <html lang>, exactly one <h1>, a skip link to #main as its first link, the
    landmarks header (banner), nav, main and footer (contentinfo), breadcrumbs on every page but
    the home page and 404.html, and the example-data banner when model.json says
    site.example_data is true;
(d) no external requests: http(s) only in <a href>, <link rel="canonical"> and
    <link rel="alternate"> (and <base href> equal to the site's base_url); never
    protocol-relative '//' or javascript: URLs;
(e) reports the largest HTML page.

Prints a summary and every problem as `path:line: message`; exits 1 when there is any problem.
"""
import json
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmldom  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REQUIRED_FILES = ["index.html", "404.html", "feed.xml", "robots.txt",
                  "assets/site.css", "model.json"]
# Attributes that hold a URL, and the elements they count on (None: any element).
URL_ATTRS = {"href": None, "src": None, "xlink:href": None, "poster": None, "action": None,
             "formaction": None, "data": {"object"}, "cite": None, "background": None}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
SECTIONING = {"article", "aside", "main", "nav", "section"}
# Whitespace and control characters browsers strip from or ignore inside a URL's scheme.
_STRIP = "".join(chr(c) for c in range(0x21))


def scheme_of(url):
    cleaned = "".join(ch for ch in url if ch not in "\t\n\r").strip(_STRIP).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


class Checker:
    def __init__(self, out):
        self.out = os.path.abspath(out)
        self.problems = []
        self.warnings = []
        self.ids = {}  # relative path -> set of ids (cached)
        self.stats = {"links": 0, "fragment_links": 0, "images": 0, "external_links": 0}
        self.site = {}
        self.base_url = ""

    # ----------------------------------------------------------------- helpers
    def problem(self, where, line, message):
        self.problems.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")

    def warning(self, where, line, message):
        self.warnings.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")

    def exists(self, rel):
        return os.path.isfile(os.path.join(self.out, rel))

    def ids_of(self, rel):
        if rel not in self.ids:
            found = set()
            path = os.path.join(self.out, rel)
            if rel.endswith((".html", ".htm")):
                root = htmldom.parse_file(path)
                for element in root.iter():
                    if element.get("id"):
                        found.add(element.get("id"))
                    if element.tag == "a" and element.get("name"):
                        found.add(element.get("name"))
            elif rel.endswith((".svg", ".xml")):
                with open(path, encoding="utf-8") as handle:
                    found.update(re.findall(r'\bid="([^"]*)"', handle.read()))
            self.ids[rel] = found
        return self.ids[rel]

    def resolve(self, page_rel, base_dir, url, where, line, what):
        """Checks one relative URL (no scheme). Returns the target's relative path or None."""
        parts = urlsplit(url)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if url.startswith("//"):
            self.problem(where, line, f"{what} '{url}' is protocol-relative: an external request")
            return None
        if path.startswith("/"):
            self.problem(where, line, f"{what} '{url}' is absolute to the site root; links must be relative")
            return None
        if path == "":
            target = page_rel
        else:
            joined = posixpath.normpath(posixpath.join(base_dir, path))
            if joined == ".." or joined.startswith("../"):
                self.problem(where, line, f"{what} '{url}' points outside the site folder")
                return None
            target = joined
            full = os.path.join(self.out, target)
            if os.path.isdir(full):
                self.problem(where, line, f"{what} '{url}' points to a folder, not a file "
                             f"(it breaks when the files are opened without a web server)")
                return None
            if not os.path.isfile(full):
                self.problem(where, line, f"{what} '{url}' is broken: {target} does not exist")
                return None
        if fragment:
            self.stats["fragment_links"] += 1
            if fragment not in self.ids_of(target):
                self.problem(where, line, f"{what} '{url}': no element with id '{fragment}' in {target}")
        return target

    # ----------------------------------------------------------------- checks
    def run(self):
        if not os.path.isdir(self.out):
            self.problem(self.out, 0, "not a folder")
            return
        for name in REQUIRED_FILES:
            if not self.exists(name):
                self.problem(name, 0, "missing")
        self.load_model()
        html_pages = []
        css_files = []
        for folder, dirs, files in os.walk(self.out):
            dirs.sort()
            for name in sorted(files):
                rel = os.path.relpath(os.path.join(folder, name), self.out).replace(os.sep, "/")
                if name.endswith((".html", ".htm")):
                    html_pages.append(rel)
                elif name.endswith(".css"):
                    css_files.append(rel)
        self.html_pages = html_pages
        for rel in html_pages:
            self.check_page(rel)
        for rel in css_files:
            self.check_css_file(rel)
        self.check_feed()
        self.check_sitemap(html_pages)
        self.check_robots()

    def load_model(self):
        path = os.path.join(self.out, "model.json")
        if not os.path.isfile(path):
            return
        try:
            with open(path, encoding="utf-8") as handle:
                model = json.load(handle)
        except ValueError as error:
            self.problem("model.json", 0, f"does not parse as JSON: {error}")
            return
        self.site = model.get("site", {}) if isinstance(model, dict) else {}
        base = self.site.get("base_url") or ""
        self.base_url = base if not base or base.endswith("/") else base + "/"

    def check_page(self, rel):
        path = os.path.join(self.out, rel)
        try:
            with open(path, encoding="utf-8") as handle:
                source = handle.read()
        except UnicodeDecodeError as error:
            self.problem(rel, 0, f"is not UTF-8: {error}")
            return
        root = htmldom.parse(source)
        page_dir = posixpath.dirname(rel)
        base_dir = page_dir
        elements = list(root.iter())

        # <base href>: allowed only as the site's own base URL; links then resolve from the root.
        for base in (e for e in elements if e.tag == "base" and e.has("href")):
            href = base.get("href")
            if self.base_url and href == self.base_url:
                base_dir = ""
            else:
                self.problem(rel, base.line, f"<base href=\"{href}\"> is not the site's base_url "
                             f"('{self.base_url}')")

        self.check_structure(rel, root, elements)
        for element in elements:
            self.check_element_urls(rel, element, base_dir)
            style = element.get("style")
            if style:
                self.check_css_text(rel, element.line, style, base_dir)
            if element.tag == "style":
                self.check_css_text(rel, element.line, element.text(), base_dir)
            if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                self.problem(rel, element.line, "<meta http-equiv=refresh> is not expected")
            # id references inside the page
            for attr in ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers"):
                value = element.get(attr)
                if value is None or (attr == "for" and element.tag != "label"):
                    continue
                for ref in value.split():
                    if ref not in self.ids_of(rel):
                        self.problem(rel, element.line, f"<{element.tag} {attr}=\"{value}\">: no element with id '{ref}'")

    def check_element_urls(self, rel, element, base_dir):
        for name, value in element.attrs:
            if name not in URL_ATTRS and name != "srcset":
                continue
            allowed = URL_ATTRS.get(name)
            if allowed is not None and element.tag not in allowed:
                continue
            if value is None:
                continue
            urls = [value]
            if name == "srcset":
                urls = [c.strip().split()[0] for c in value.split(",") if c.strip()]
            for url in urls:
                self.check_url(rel, element, name, url, base_dir)

    def check_url(self, rel, element, attr, url, base_dir):
        what = f"<{element.tag} {attr}>"
        line = element.line
        is_image = element.tag in ("img", "image", "source") or attr in ("src", "srcset", "poster")
        scheme = scheme_of(url)
        if scheme in ("javascript", "vbscript"):
            self.problem(rel, line, f"{what} '{url}' is a script URL")
            return
        if scheme in ("http", "https") or url.strip().startswith("//"):
            rels = (element.get("rel") or "").lower().split()
            if element.tag == "a" and attr == "href" and scheme:
                self.stats["external_links"] += 1
                return
            if element.tag == "link" and attr == "href" and scheme and ("canonical" in rels or "alternate" in rels):
                return
            if element.tag == "base" and attr == "href":
                return  # judged in check_page
            self.problem(rel, line, f"{what} '{url}' makes an external request")
            return
        if scheme in ("mailto", "tel") and element.tag == "a":
            return
        if scheme == "data":
            if not (is_image and url.lower().startswith("data:image/")):
                self.problem(rel, line, f"{what} has a data: URL that is not an image")
            return
        if scheme is not None:
            self.problem(rel, line, f"{what} '{url}' has an unexpected scheme '{scheme}:'")
            return
        if element.tag == "base":
            return
        if is_image:
            self.stats["images"] += 1
        else:
            self.stats["links"] += 1
        self.resolve(rel, base_dir, url, rel, line, what)

    def check_css_text(self, rel, line, text, base_dir):
        for match in CSS_URL.finditer(text):
            url = next(g for g in match.groups() if g is not None) if any(g is not None for g in match.groups()) else ""
            if url == "" or url.startswith("#"):
                continue
            scheme = scheme_of(url)
            if scheme == "data":
                continue
            if scheme is not None or url.startswith("//"):
                self.problem(rel, line, f"CSS url '{url}' makes an external request")
                continue
            self.resolve(rel, base_dir, url, rel, line, "CSS url")

    def check_css_file(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as handle:
            text = handle.read()
        for number, line_text in enumerate(text.splitlines(), 1):
            self.check_css_text(rel, number, line_text, posixpath.dirname(rel))

    def check_structure(self, rel, root, elements):
        is_home = rel == "index.html"
        is_404 = rel == "404.html"
        if not root.doctype or root.doctype.lower() != "doctype html":
            self.problem(rel, 1, "does not start with <!DOCTYPE html>")
        html = [e for e in root.children if isinstance(e, htmldom.Element) and e.tag == "html"]
        if not html:
            self.problem(rel, 0, "no <html> element")
        else:
            lang = html[0].get("lang")
            if not lang:
                self.problem(rel, html[0].line, "<html> has no lang attribute")
            elif not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", lang):
                self.problem(rel, html[0].line, f"<html lang=\"{lang}\"> is not a language tag")
            elif self.site.get("language") and lang != self.site["language"]:
                self.problem(rel, html[0].line, f"<html lang=\"{lang}\"> differs from the site's language '{self.site['language']}'")
        # The document's <title>: not the <title> of an inline SVG chart or map.
        titles = [e for e in elements
                  if e.tag == "title" and not any(a.tag == "svg" for a in e.ancestors())]
        if len(titles) != 1 or not titles[0].text().strip():
            self.problem(rel, 0, f"expected one non-empty <title>, found {len(titles)}")

        h1s = [e for e in elements if e.tag == "h1"]
        if len(h1s) != 1:
            lines = ", ".join(str(e.line) for e in h1s)
            self.problem(rel, 0, f"expected exactly one <h1>, found {len(h1s)}" + (f" (lines {lines})" if lines else ""))

        body = next((e for e in elements if e.tag == "body"), None)
        links = [e for e in (body.iter("a") if body else []) if e.has("href")]
        if not links or links[0].get("href") != "#main":
            first = links[0].get("href") if links else "none"
            self.problem(rel, 0, f"the first link is not a skip link to #main (it is '{first}')")
        mains = [e for e in elements if e.tag == "main" and not e.has("hidden")]
        if len(mains) != 1:
            self.problem(rel, 0, f"expected exactly one <main>, found {len(mains)}")
        elif mains[0].get("id") != "main":
            self.problem(rel, mains[0].line, "<main> does not have id=\"main\" (the skip link's target)")

        def top_level(tag):
            return [e for e in elements if e.tag == tag and not any(a.tag in SECTIONING for a in e.ancestors())]
        if not top_level("header"):
            self.problem(rel, 0, "no <header> landmark (banner) outside sectioning elements")
        if not [e for e in elements if e.tag == "nav"]:
            self.problem(rel, 0, "no <nav> landmark")
        if not top_level("footer"):
            self.problem(rel, 0, "no <footer> landmark (contentinfo) outside sectioning elements")

        crumbs = [e for e in elements if e.tag == "nav" and (e.get("aria-label") or "").strip().lower() == "breadcrumb"]
        if not is_home and not is_404:
            if len(crumbs) != 1:
                self.problem(rel, 0, f"expected one breadcrumb <nav aria-label=\"Breadcrumb\">, found {len(crumbs)}")
            else:
                nav = crumbs[0]
                crumb_links = [a for a in nav.iter("a") if a.has("href")]
                current = [e for e in nav.iter() if e.get("aria-current") == "page"]
                if not crumb_links:
                    self.problem(rel, nav.line, "breadcrumbs have no link")
                if len(current) != 1:
                    self.problem(rel, nav.line, "breadcrumbs do not mark the current page with aria-current=\"page\"")

        if self.site.get("example_data") is True:
            banners = [e for e in elements if "banner" in e.classes() and "example data" in e.text().lower()]
            if not banners:
                self.problem(rel, 0, "no example-data banner (model.json has site.example_data: true)")

    def url_to_file(self, url, where, what, base_dir=""):
        """An URL in feed.xml or sitemap.xml: absolute under base_url, or relative to the root."""
        if self.base_url and url.startswith(self.base_url):
            rel = url[len(self.base_url):]
        elif scheme_of(url) is not None or url.startswith("//"):
            self.problem(where, 0, f"{what} '{url}' is outside the site's base_url '{self.base_url}'")
            return None
        elif url.startswith("/"):
            self.problem(where, 0, f"{what} '{url}' is absolute to the site root")
            return None
        else:
            rel = posixpath.join(base_dir, url)
        rel = unquote(urlsplit(rel).path)
        rel = posixpath.normpath(rel) if rel else "."
        if rel == ".":
            rel = "index.html"
        elif os.path.isdir(os.path.join(self.out, rel)):
            rel = posixpath.join(rel, "index.html")
        if not self.exists(rel):
            self.problem(where, 0, f"{what} '{url}' is broken: {rel} does not exist")
            return None
        return rel

    def parse_xml(self, name):
        path = os.path.join(self.out, name)
        if not os.path.isfile(path):
            return None
        try:
            return ET.parse(path).getroot()
        except ET.ParseError as error:
            self.problem(name, error.position[0], f"does not parse as XML: {error}")
            return None

    def check_feed(self):
        root = self.parse_xml("feed.xml")
        if root is None:
            return
        if root.tag != ATOM + "feed":
            self.problem("feed.xml", 0, f"root element is {root.tag}, not an Atom <feed>")
            return

        def required(element, name, where):
            found = element.findall(ATOM + name)
            if len(found) != 1 or not (found[0].text or "").strip():
                self.problem("feed.xml", 0, f"{where} needs exactly one non-empty <{name}>, found {len(found)}")
                return None
            return found[0].text.strip()

        def check_updated(value, where):
            if value is not None and not RFC3339.match(value):
                self.problem("feed.xml", 0, f"{where} <updated> '{value}' is not an RFC 3339 date-time")

        required(root, "id", "<feed>")
        required(root, "title", "<feed>")
        feed_updated = required(root, "updated", "<feed>")
        check_updated(feed_updated, "<feed>")
        feed_has_author = bool(root.findall(ATOM + "author"))
        entries = root.findall(ATOM + "entry")
        if not entries:
            self.warning("feed.xml", 0, "the feed has no entries")
        ids = set()
        for number, entry in enumerate(entries, 1):
            where = f"<entry> {number}"
            entry_id = required(entry, "id", where)
            title = required(entry, "title", where)
            if title:
                where = f"<entry> {number} ('{title}')"
            updated = required(entry, "updated", where)
            check_updated(updated, where)
            if updated and feed_updated and RFC3339.match(updated) and RFC3339.match(feed_updated) \
                    and updated[:19] > feed_updated[:19]:
                self.problem("feed.xml", 0, f"{where} <updated> {updated} is later than the feed's {feed_updated}")
            if entry_id in ids:
                self.problem("feed.xml", 0, f"{where} repeats the id '{entry_id}'")
            ids.add(entry_id)
            if not feed_has_author and not entry.findall(ATOM + "author"):
                self.problem("feed.xml", 0, f"{where} has no <author> and the feed has none")
            links = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
            if not links or not links[0].get("href"):
                self.problem("feed.xml", 0, f"{where} has no <link rel=\"alternate\" href>")
            else:
                self.url_to_file(links[0].get("href"), "feed.xml", f"{where} link")

    def check_sitemap(self, html_pages):
        # The sitemap protocol wants absolute URLs: a site with a base_url has a sitemap, one
        # without has none.
        if not self.base_url:
            if self.exists("sitemap.xml"):
                self.problem("sitemap.xml", 0, "written although site.yaml has no base_url: its "
                             "URLs cannot be absolute")
            return
        root = self.parse_xml("sitemap.xml")
        if root is None:
            return
        if root.tag != SITEMAP + "urlset":
            self.problem("sitemap.xml", 0, f"root element is {root.tag}, not a sitemap <urlset>")
            return
        urls = root.findall(SITEMAP + "url")
        if not urls:
            self.problem("sitemap.xml", 0, "has no <url>")
        listed = set()
        relative = 0
        for number, url in enumerate(urls, 1):
            locs = url.findall(SITEMAP + "loc")
            if len(locs) != 1 or not (locs[0].text or "").strip():
                self.problem("sitemap.xml", 0, f"<url> {number} needs exactly one non-empty <loc>")
                continue
            loc = locs[0].text.strip()
            if scheme_of(loc) is None:
                relative += 1
            target = self.url_to_file(loc, "sitemap.xml", "<loc>")
            if target:
                if target in listed:
                    self.problem("sitemap.xml", 0, f"<loc> '{loc}' is listed twice")
                listed.add(target)
        for rel in html_pages:
            if rel != "404.html" and rel not in listed:
                self.problem("sitemap.xml", 0, f"does not list {rel}")
        if "404.html" in listed:
            self.problem("sitemap.xml", 0, "lists 404.html")
        if relative:
            self.problem("sitemap.xml", 0, f"{relative} <loc> are relative URLs: the sitemap "
                         "protocol wants absolute ones")

    def check_robots(self):
        path = os.path.join(self.out, "robots.txt")
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if not re.search(r"(?im)^user-agent:\s*\S", text):
            self.problem("robots.txt", 0, "has no User-agent line")
        if self.base_url and not re.search(r"(?im)^sitemap:\s*" + re.escape(self.base_url) + r"sitemap\.xml\s*$", text):
            self.problem("robots.txt", 0, f"has no 'Sitemap: {self.base_url}sitemap.xml' line")

    def report(self):
        sizes = sorted(((os.path.getsize(os.path.join(self.out, rel)), rel) for rel in getattr(self, "html_pages", [])), reverse=True)
        print(f"check_site: {self.out}")
        print(f"  {len(sizes)} HTML pages; {self.stats['links']} internal links "
              f"({self.stats['fragment_links']} with a #fragment), {self.stats['images']} images, "
              f"{self.stats['external_links']} external <a> links")
        if sizes:
            size, rel = sizes[0]
            print(f"  largest HTML page: {rel} ({size} bytes, {size / 1024:.1f} KiB); "
                  f"total {sum(s for s, _ in sizes)} bytes")
            for size, rel in sizes[1:4]:
                print(f"    next: {rel} ({size} bytes)")
        for warning in self.warnings:
            print(f"  warning: {warning}")
        if self.problems:
            print(f"FAILED: {len(self.problems)} problem(s):")
            for problem in self.problems:
                print(f"  {problem}")
        else:
            print("OK: no problems")


def main(argv):
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    checker = Checker(argv[0])
    checker.run()
    checker.report()
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

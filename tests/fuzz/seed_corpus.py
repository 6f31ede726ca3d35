#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the example
site (the repository root), the mini-site fixture and the bad-input overlays (tests/bad-input/).

Run from the repository root: python3 tests/fuzz/seed_corpus.py. It only adds and overwrites
files whose names it makes, so minimized finds merged by hand (see docs/fuzzing.md) stay. Text
seeds are cut at a line end after MAX_TEXT bytes: libFuzzer mutates small inputs best, and the
corpus stays small; whole files are kept where cutting would break them (GeoJSON, .xlsx).
"""
import json
import pathlib
import sys

MAX_TEXT = 8 * 1024
MAX_WHOLE = 64 * 1024

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"
MINI = ROOT / "tests/fixtures/mini-site"
BAD = ROOT / "tests/bad-input"


def cut(data: bytes) -> bytes:
    if len(data) <= MAX_TEXT:
        return data
    end = data.rfind(b"\n", 0, MAX_TEXT)
    return data[: end + 1] if end > 0 else data[:MAX_TEXT]


def write(target: str, name: str, data: bytes, whole: bool = False) -> None:
    if whole and len(data) > MAX_WHOLE:
        return
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if whole else cut(data))


def sources(relative_glob: str):
    """(seed name, path) for the example, the mini-site and every bad-input overlay."""
    for path in sorted(ROOT.glob(relative_glob)):
        yield "example-" + path.name, path
    for path in sorted(MINI.glob(relative_glob)):
        yield "mini-" + path.name, path
    for case in sorted(p for p in BAD.iterdir() if p.is_dir()):
        for path in sorted(case.glob(relative_glob)):
            yield case.name.split("-")[0] + "-" + path.name, path


def small_ward_files() -> dict:
    """Three-ward GeoJSON files in the shapes `outcomes new` reads."""
    def square(x: float) -> dict:
        ring = [[x, 51.5], [x + 0.01, 51.5], [x + 0.01, 51.51], [x, 51.51], [x, 51.5]]
        return {"type": "Polygon", "coordinates": [ring]}

    wards = [("E05000001", "Abbey, North & \"Old\" Town"), ("E05000002", "Brook"),
             ("E05000003", "Castle")]
    def collection(properties) -> str:
        features = [{"type": "Feature", "properties": properties(code, name),
                     "geometry": square(idx * 0.01)}
                    for idx, (code, name) in enumerate(wards)]
        return json.dumps({"type": "FeatureCollection", "features": features}, indent=1)

    return {
        "ons.geojson": collection(lambda code, name: {
            "WD25CD": code, "WD25NM": name, "LAD25CD": "E06000099", "LAD25NM": "Anytown"}),
        "code-name.geojson": collection(lambda code, name: {"code": code, "name": name}),
        "no-council.geojson": collection(lambda code, name: {"WD24CD": code, "WD24NM": name}),
    }


def main() -> int:
    for name, path in sources("data/observations/*.csv"):
        write("observations", name, path.read_bytes())
        write("csv", "observations-" + name, path.read_bytes())
    fingertips = ROOT / "tests/fixtures/fingertips/indicators-CountyUA.data.csv"
    write("observations", "fingertips-CountyUA.csv", fingertips.read_bytes())
    for name, path in sources("data/observations/*.yaml"):
        write("mapping", name, path.read_bytes())
        data = path.with_suffix(".csv")
        if data.exists():
            write("mapped_observations", name[: -len(".yaml")] + ".txt",
                  cut(path.read_bytes()) + b"%%\n" + cut(data.read_bytes()), whole=True)
    for name, path in sources("data/observations/*.xlsx"):
        write("xlsx", name, path.read_bytes(), whole=True)
    write("xlsx", "births-libreoffice.xlsx",
          (ROOT / "tests/fixtures/xlsx/births-libreoffice.xlsx").read_bytes(), whole=True)
    for name, path in sources("site.yaml"):
        write("site_config", name, path.read_bytes())
    for name, path in sources("data/outcomes.yaml"):
        write("outcomes", name, path.read_bytes())
    for name, path in sources("data/indicators/*.yaml"):
        write("indicator", name, path.read_bytes())
    for name, path in sources("data/areas.csv"):
        write("areas", name, path.read_bytes())
        write("csv", "areas-" + name, path.read_bytes())
    for name, path in sources("data/spending.csv"):
        if path.is_file():
            write("spending", name, path.read_bytes())
    for name, path in sources("data/boundaries/*.geojson"):
        write("boundaries", name, path.read_bytes(), whole=True)
    # outcomes new --boundaries: the ONS file the tests use, the example's, and small ones in
    # each shape New reads (ONS properties; "id" codes; no council).
    write("scaffold", "southend-wards-2025.geojson",
          (ROOT / "tests/fixtures/boundaries/southend-wards-2025.geojson").read_bytes(), whole=True)
    for name, path in sources("data/boundaries/*.geojson"):
        write("scaffold", name, path.read_bytes(), whole=True)
    for name, text in small_ward_files().items():
        write("scaffold", name, text.encode(), whole=True)
    for name, path in sources("content/**/*.md"):
        write("content", name, path.read_bytes())
        write("markdown", name, path.read_bytes())
    for name, path in sources("i18n/*.yaml"):
        write("i18n", name, path.read_bytes())
    for path in sorted((ROOT / "theme/i18n").glob("*.yaml")):
        write("i18n", "theme-" + path.name, path.read_bytes())
    for path in sorted((ROOT / "theme/templates").rglob("*.mustache")):
        name = str(path.relative_to(ROOT / "theme/templates")).replace("/", "-")
        write("template", "theme-" + name, path.read_bytes())
    for name, path in sources("templates/**/*.mustache"):
        write("template", name, path.read_bytes())
    # outcomes serve: request targets, as the tests of serve/internal/files.h ask them.
    targets = ["/", "/index.html", "/areas", "/areas/", "/areas?x=1#top", "/a%20b.csv",
               "/../secret.txt", "/%2e%2e/secret.txt", "/areas/%2E%2E/index.html",
               "/.outcomes-output", "/a b.csv", "/areas//./index.html", "/%5C..%5Csecret.txt"]
    for idx, target in enumerate(targets):
        write("serve", f"target-{idx + 1:02}", target.encode())
    # Periods: the first byte is the type (model::PeriodType, in order), then the text.
    periods = {
        0: ["2023", "2015-17", "2015 to 2017", "2015 - 19", "1900", "2199"],
        1: ["2014/15", "2014-15", "2014/2015", "2017/18 to 2019/20", "2017/18-2019/20"],
        2: ["2019/20", "2019-20", "2017/18 - 2019/20"],
        3: ["2014 Q2", "2023 Q4"],
        4: ["2014/15 Q2", "2020/21 Q1"],
        5: ["2024-03", "1999-12"],
        6: ["2020-22", "2020-2022", "2011-20"],
    }
    for type_idx, texts in periods.items():
        for text_idx, text in enumerate(texts):
            write("period", f"type{type_idx}-{text_idx}", bytes([type_idx]) + text.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Runs the tutorial docs/publish-your-site.md as a reader would: every ```sh block, as written
and in order, in one bash session (so a `cd` in one block holds for the next), in an empty
temporary working folder with the tool on PATH as `outcomes`. Blocks fenced any other way
(```text: installing, previewing, copying to a server, what to expect) are not run.

The tutorial tells the reader to save their council's ward boundaries as wards.geojson in the
working folder; the test puts there the file the tutorial names, Southend-on-Sea's 2025 wards
(tests/fixtures/boundaries/southend-wards-2025.geojson).

Fails when any command fails (bash -e, with pipefail and unset variables as errors), naming
the block's line, or when the tutorial's end state is missing: the built site, its sitemap
(base_url was set), the exported theme and no example-data banner.

Usage: tests/tutorial/run_tutorial.py OUTCOMES_BINARY [TUTORIAL]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "boundaries", "southend-wards-2025.geojson")


def blocks(path):
    """(language, first line number, text) of each fenced block of a Markdown file."""
    found = []
    fence = None
    with open(path, encoding="utf-8") as markdown:
        for number, line in enumerate(markdown, 1):
            if fence is None:
                match = re.match(r"^(`{3,})([\w-]*)\s*$", line)
                if match:
                    fence, language, start, text = match.group(1), match.group(2), number + 1, []
            elif line.rstrip("\n") == fence:
                found.append((language, start, "".join(text)))
                fence = None
            else:
                text.append(line)
    if fence is not None:
        sys.exit(f"tutorial: FAILED: {path}: a ``` block is not closed")
    return found


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    tutorial = sys.argv[2] if len(sys.argv) == 3 else os.path.join(ROOT, "docs", "publish-your-site.md")
    if not os.access(binary, os.X_OK):
        sys.exit(f"tutorial: FAILED: no outcomes binary at {binary} (build it first)")
    shown = os.path.relpath(tutorial, ROOT)
    runnable = [(start, text) for language, start, text in blocks(tutorial) if language == "sh"]
    if len(runnable) < 10:
        sys.exit(f"tutorial: FAILED: {shown} has {len(runnable)} sh blocks; expected the whole walk-through")

    with tempfile.TemporaryDirectory(prefix="outcomes-tutorial-") as work:
        bin_dir = os.path.join(work, ".bin")
        os.mkdir(bin_dir)
        os.symlink(binary, os.path.join(bin_dir, "outcomes"))
        os.mkdir(os.path.join(work, ".home"))
        shutil.copyfile(FIXTURE, os.path.join(work, "wards.geojson"))
        # One script: each block, announced with its place, sourced into the same shell.
        script = ["set -Eeuo pipefail",
                  "trap 'echo \"tutorial: FAILED: a command of the sh block at " + shown +
                  ":$block_line failed\" >&2' ERR"]
        for index, (start, text) in enumerate(runnable):
            block_file = os.path.join(work, ".bin", f"block-{index + 1}.sh")
            with open(block_file, "w", encoding="utf-8") as out:
                out.write(text)
            script.append(f"block_line={start}")
            script.append(f"echo '=== {shown}:{start}'; sed 's/^/$ /' {block_file}")
            script.append(f"source {block_file}")
        env = dict(os.environ)
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "/usr/bin:/bin")
        env["HOME"] = os.path.join(work, ".home")
        env["LC_ALL"] = "C.UTF-8"
        run = subprocess.run(["/bin/bash", "-c", "\n".join(script)], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=600)
        print(run.stdout, end="")
        if run.returncode != 0:
            print(f"tutorial: FAILED (exit {run.returncode})")
            return 1

        site = os.path.join(work, "my-site")
        problems = []
        for part in ("site-output/index.html", "site-output/sitemap.xml",
                     "site-output/indicators/gld/index.html", "templates/assets/site.css",
                     "data/boundaries/wards.geojson"):
            if not os.path.exists(os.path.join(site, part)):
                problems.append(f"my-site/{part} is missing")
        home = os.path.join(site, "site-output", "index.html")
        if os.path.exists(home):
            with open(home, encoding="utf-8") as page:
                text = page.read()
            if 'class="banner"' in text:
                problems.append("the published home page still has the example-data banner")
            if "#5c0b3d" not in open(os.path.join(site, "site-output", "assets", "site.css"),
                                     encoding="utf-8").read():
                problems.append("the stylesheet change did not reach the built site")
        for problem in problems:
            print(f"tutorial: FAILED: {problem}")
        if problems:
            return 1
    print(f"tutorial: ok: the {len(runnable)} sh blocks of {shown} ran as written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

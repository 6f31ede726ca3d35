#!/usr/bin/python3
"""Fails when a test calls a program that scripts/install-deps.sh does not install (and that a
fresh Debian 12 machine does not have), so `make test` works straight after a clone.

Usage: tests/tools/installer_covers_tests.py [REPO]

It reads the packages install-deps.sh installs, then every program the scripts under tests/
and .ci/ call: shell commands in command position (here-documents skipped), Python subprocess
calls, shutil.which() names and #! lines, Node spawn/execFile calls and executablePath values,
and the /usr programs of each ctest COMMAND. Each program is found on PATH, and `dpkg -S` names
its package, which must be one install-deps.sh installs, a package those depend on, or one
Debian marks required or important (every installation has those). Programs inside the
repository (node_modules/.bin, our scripts, the build) count as ours.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SHELL_WORDS = set("""if then else elif fi for while until do done case esac in function return
exit set unset export local readonly declare shift break continue echo printf read cd pwd
test true false trap wait eval exec source . : [ [[ ] ]] { } ! time command type builtin kill
mapfile let umask ulimit getopts pushd popd dirs jobs fg bg shopt hash alias""".split())
STARTERS = {"|", "||", "&&", ";", "then", "do", "else", "!", "time", "exec", "(", "$(", "`"}

problems = []


def installed_packages():
    text = open(os.path.join(ROOT, "scripts", "install-deps.sh"), encoding="utf-8").read()
    block = re.search(r"packages=\((.*?)\n\)", text, re.S).group(1)
    words = []
    for line in block.splitlines():
        words += line.split("#", 1)[0].split()
    # install-deps.sh installs Debian's nodejs and npm when the machine has none.
    return set(words) | {"nodejs", "npm"}


def shell_programs(path):
    found = set()
    functions = set()
    text = open(path, encoding="utf-8").read()
    for name in re.findall(r"^\s*(?:function\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*\(\)", text, re.M):
        functions.add(name)
    heredoc_end = None
    for raw in text.splitlines():
        if heredoc_end is not None:
            if raw.strip() == heredoc_end:
                heredoc_end = None
            continue
        marker = re.search(r"<<-?\s*['\"]?([A-Za-z_]+)['\"]?", raw)
        if marker:
            heredoc_end = marker.group(1)
        line = raw.split(" #", 1)[0]
        if line.lstrip().startswith("#"):
            continue
        line = line.replace("$(", " $( ").replace("`", " ` ").replace("|", " | ").replace(";", " ; ")
        line = line.replace("&&", " && ").replace("| |", "||")
        try:
            tokens = shlex.split(line, posix=True)
        except ValueError:
            tokens = line.split()
        expect = True
        for token in tokens:
            if expect:
                if token in STARTERS or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", token):
                    continue
                if (token not in SHELL_WORDS and token not in functions and
                        re.match(r"^(/[\w./+-]+|[a-z][\w.+-]*)$", token)):
                    found.add(token)
                expect = False
            if token in STARTERS:
                expect = True
    return found


def python_programs(path):
    text = open(path, encoding="utf-8").read()
    found = set(re.findall(r"subprocess\.(?:run|Popen|call|check_call|check_output)\(\s*\[\s*[\"']([^\"'$]+)[\"']", text))
    found |= set(re.findall(r"shutil\.which\(\s*[\"']([^\"']+)[\"']", text))
    found |= set(re.findall(r"^#!(\S+)", text))
    return found


def node_programs(path):
    text = open(path, encoding="utf-8").read()
    found = set(re.findall(r"executablePath:\s*[\"']([^\"']+)[\"']", text))
    found |= set(re.findall(r"(?:spawn|spawnSync|execFile|execFileSync)\(\s*[\"']([^\"']+)[\"']", text))
    return found


def cmake_programs(path):
    text = open(path, encoding="utf-8").read()
    return {word for word in re.findall(r"COMMAND\s+(\S+)", text) if word.startswith("/usr/")}


def package_of(program):
    path = program if program.startswith("/") else shutil.which(program)
    if not path or not os.path.exists(path):
        return None, None
    real = os.path.realpath(path)
    if real.startswith(ROOT):
        return real, "(repository)"
    # Debian 12 merges /bin into /usr/bin, but dpkg still lists many programs under /bin.
    candidates = [path, real]
    for prefix in ("/usr/bin/", "/usr/sbin/"):
        if real.startswith(prefix):
            candidates.append("/" + real[len("/usr/"):])
    for candidate in candidates:
        query = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if query.returncode == 0:
            return real, query.stdout.split(":", 1)[0].split(",")[0].strip()
    return real, "(no Debian package)"


def priority(package):
    query = subprocess.run(["dpkg-query", "-W", "-f", "${Priority}", package],
                           capture_output=True, text=True)
    return query.stdout.strip()


def with_dependencies(packages):
    """The packages and everything they depend on (apt's view, without recommends)."""
    query = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends",
                            "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces",
                            "--no-enhances"] + sorted(packages), capture_output=True, text=True)
    found = set(packages)
    for line in query.stdout.splitlines():
        line = line.strip()
        if line.startswith(("Depends:", "PreDepends:")):
            line = line.split(":", 1)[1].strip()
        if line and not line.startswith("<") and " " not in line:
            found.add(line.split(":")[0])
    return found


def main():
    installs = with_dependencies(installed_packages())
    programs = {}  # program -> first file calling it
    for folder in ("tests", ".ci"):
        for base, dirs, files in os.walk(os.path.join(ROOT, folder)):
            dirs[:] = [d for d in dirs if d not in ("node_modules", "out", "corpus")]
            for name in sorted(files):
                path = os.path.join(base, name)
                rel = os.path.relpath(path, ROOT)
                if name.endswith(".sh") or (folder == ".ci" and "." not in name):
                    found = shell_programs(path)
                elif name.endswith(".py"):
                    found = python_programs(path)
                elif name.endswith(".mjs") or name.endswith(".js"):
                    found = node_programs(path)
                elif name == "CMakeLists.txt":
                    found = cmake_programs(path)
                else:
                    continue
                # Any absolute path to a program, wherever it is written ("/usr/bin/chromium").
                found |= set(re.findall(r"/usr/s?bin/[\w.+-]+", open(path, encoding="utf-8").read()))
                for program in found:
                    programs.setdefault(program, rel)
    checked = 0
    for program, where in sorted(programs.items()):
        if program.startswith(("./", "../")) or "/" in program and not program.startswith("/"):
            continue
        if program in ("python3", "python"):
            # Tests must use Debian's /usr/bin/python3: the first python3 on PATH may be
            # another one, without Debian's python3-* packages.
            problems.append(f"{where}: calls '{program}' from PATH; call /usr/bin/python3")
            continue
        real, package = package_of(program)
        if real is None:
            # Not on this machine: a name our own scripts define, or a program nothing installs.
            if os.path.exists(os.path.join(ROOT, program)):
                continue
            problems.append(f"{where}: calls '{program}', which is not installed here and which "
                            "scripts/install-deps.sh does not install")
            continue
        checked += 1
        if package.startswith("("):
            if package == "(repository)":
                continue
            problems.append(f"{where}: calls '{program}' ({real}), which no Debian package provides")
            continue
        if package in installs or priority(package) in ("required", "important"):
            continue
        problems.append(f"{where}: calls '{program}' from Debian package '{package}', which "
                        "scripts/install-deps.sh does not install")
    for problem in problems:
        print("FAIL:", problem)
    print(f"{checked} programs called by tests and scripts checked against install-deps.sh: "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

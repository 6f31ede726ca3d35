#!/usr/bin/env python3
"""Times save -> reloaded page against a running `outcomes serve` (see bench/README.md).

    measure.py --port PORT --site DIR [--runs N] [--page /pages/about/]
               [--file content/pages/about.md]

Each run appends a unique sentence to the Markdown file, then waits for the server's "reload"
event and fetches the page as the reloaded browser would, until it carries the sentence. The
time is from just before the write to the moment that page has arrived. Prints one line per
run and a summary (median, min, max); exits 1 when a run times out. Standard library only.
"""
import argparse
import os
import queue
import statistics
import sys
import threading
import time
import urllib.request

TIMEOUT = 30.0  # seconds a run may take before it counts as failed


def listen(port, events):
    """Puts (time, event name) on `events` for every event of the stream, forever."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_outcomes/events", timeout=60) as stream:
        name = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("event:"):
                name = line[len("event:"):].strip()
            elif line == "" and name:
                events.put((time.monotonic(), name))
                name = None


def fetch(port, page):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=TIMEOUT) as response:
        return response.read().decode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--page", default="/pages/about/")
    parser.add_argument("--file", default="content/pages/about.md")
    args = parser.parse_args()

    path = os.path.join(args.site, args.file)
    with open(path, encoding="utf-8") as f:
        original = f.read()
    events = queue.Queue()
    threading.Thread(target=listen, args=(args.port, events), daemon=True).start()
    _, first = events.get(timeout=TIMEOUT)
    if first != "hello":
        sys.exit(f"measure.py: expected a hello event first, got {first!r}")

    totals, to_event = [], []
    try:
        for run in range(1, args.runs + 1):
            marker = f"Benchmark sentence {run} {time.time_ns()}."
            # Let the watcher's last poll see the previous state settled before this save.
            time.sleep(0.3)
            start = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + "\n" + marker + "\n")
            while True:
                at, name = events.get(timeout=TIMEOUT)
                if name == "reload":
                    break
            # The reloaded page: fetched again until it has the sentence (a reload for an
            # earlier save would show the old text).
            while marker not in fetch(args.port, args.page):
                if time.monotonic() - start > TIMEOUT:
                    sys.exit(f"measure.py: run {run}: the page never showed the edit")
                at, name = events.get(timeout=TIMEOUT)
            done = time.monotonic()
            totals.append(done - start)
            to_event.append(at - start)
            print(f"run {run}: reload event after {1000 * (at - start):.0f} ms, "
                  f"reloaded page after {1000 * (done - start):.0f} ms", flush=True)
    except queue.Empty:
        sys.exit("measure.py: no reload event within %.0f s" % TIMEOUT)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)

    ms = lambda seconds: f"{1000 * seconds:.0f} ms"
    print(f"save -> reloaded page, {len(totals)} runs: median {ms(statistics.median(totals))}, "
          f"min {ms(min(totals))}, max {ms(max(totals))} "
          f"(save -> reload event: median {ms(statistics.median(to_event))})")


if __name__ == "__main__":
    main()

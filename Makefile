# Quick start: `make site` builds the example site; `make test` runs every test.
# Both install missing Debian packages first (scripts/install-deps.sh).

BUILD      ?= build
BUILD_SAN  ?= build-sanitize
BUILD_FUZZ ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
JOBS       ?= $(shell nproc)

.PHONY: all deps configure tool build site check test test-unit test-sanitize fuzz fuzz-merge bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

# The tool alone (what `make site` needs) ...
tool: configure
	@cmake --build $(BUILD) -j$(JOBS) --target outcomes

# ... and everything, tests included.
build: configure
	@cmake --build $(BUILD) -j$(JOBS)

site: tool
	$(BUILD)/outcomes build --site .

check: tool
	$(BUILD)/outcomes check --site .

test: test-unit test-sanitize

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Unit and end-to-end tests again under AddressSanitizer and UndefinedBehaviorSanitizer (the
# checks by independent readers — HTML checker, browser, openpyxl, the disclosure audit — ran
# once above). The dashboard's end-to-end test runs once above too: libstdc++'s std::regex
# recurses once per character it matches, and under ASan's larger frames its patterns over a
# whole dashboard page overflow the stack (a test-side limit, not the tool's).
test-sanitize: deps
	@cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DOUTCOMES_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_SAN) -j$(JOBS)
	cd $(BUILD_SAN) && ctest --output-on-failure -j$(JOBS) -E "^(website|browser|xlsx|suppression):|^site:the dashboard's views"

# Every fuzz target of tests/fuzz/ for FUZZ_SECONDS each, built with clang's libFuzzer, ASan and
# UBSan in $(BUILD_FUZZ) (docs/fuzzing.md). Fails on a crash, leak, timeout or memory blow-up.
# (make test replays the corpora without fuzzing, and needs no clang.)
# The installer runs only when clang is missing: fuzzing needs none of the npm packages.
fuzz:
	@command -v clang++ >/dev/null 2>&1 || scripts/install-deps.sh
	@cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
	  -DCMAKE_CXX_COMPILER=clang++ -DOUTCOMES_FUZZ=ON >/dev/null
	@cmake --build $(BUILD_FUZZ) -j$(JOBS) --target fuzz_targets
	FUZZ_RUNS=$(FUZZ_RUNS) scripts/fuzz.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# After make fuzz: adds to tests/fuzz/corpus/ the inputs it found that reach new code edges.
fuzz-merge:
	scripts/fuzz-merge.sh $(BUILD_FUZZ)

bench: build
	bench/check.sh
	bench/markdown/run.sh
	bench/packs/run.sh
	bench/large-council/run.sh
	bench/hostile/run.sh
	bench/serve/run.sh

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)

# The two commands a learner or a developer needs: `make run` and `make test`.
# Both install what is missing first (system packages via apt-get; Swift packages via SwiftPM).

SWIFT ?= swift
export SWIFT_BACKTRACE := interactive=no
RUN_PACKAGES := libncurses-dev libsqlite3-dev
TEST_PACKAGES := $(RUN_PACKAGES) tmux
PREFIX ?= /usr/local

.PHONY: run test build bench lint install deps-run deps-test check-swift clean

run: deps-run
	$(SWIFT) build --product aifprep
	@.build/debug/aifprep $(ARGS)

build: deps-run
	$(SWIFT) build

test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

lint: deps-run
	$(SWIFT) run aifprep content lint

# The cold-start case runs the release aifprep, so it is built first.
bench: deps-run
	$(SWIFT) build -c release --product aifprep
	$(SWIFT) run -c release Benchmarks

# Installs the binary and the study material side by side, where the binary looks for it.
install: deps-run
	$(SWIFT) build -c release --product aifprep
	install -d $(PREFIX)/bin $(PREFIX)/share/aifprep
	install -m 755 .build/release/aifprep $(PREFIX)/bin/aifprep
	rm -rf $(PREFIX)/share/aifprep/Content && cp -R Content $(PREFIX)/share/aifprep/Content

deps-run: check-swift
	@./scripts/ensure-packages.sh $(RUN_PACKAGES)

deps-test: check-swift
	@./scripts/ensure-packages.sh $(TEST_PACKAGES)

check-swift:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "error: Swift 6.1 or newer is needed (https://swift.org/install); '$(SWIFT)' was not found" >&2; exit 1; }

clean:
	rm -rf .build

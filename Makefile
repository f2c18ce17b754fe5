# The two commands a learner or a developer needs: `make run` and `make test`.
# Both install what is missing first (system packages via apt-get; Swift packages via SwiftPM).

SWIFT ?= swift
export SWIFT_BACKTRACE := interactive=no
RUN_PACKAGES := libncurses-dev libsqlite3-dev
# tmux drives the end-to-end tests, python3 the SIGKILL and lock tests: in CI (`CI` set) a test that would skip
# for want of either fails instead.
TEST_PACKAGES := $(RUN_PACKAGES) tmux python3
# module=requirement: the real Anki library checks `aifprep export anki` (Tests/AnkiExportTests).
TEST_PYTHON_PACKAGES := anki.collection=anki==26.9.3
PREFIX ?= /usr/local

.PHONY: run test build bench lint release docs install dist dist-check deps-run deps-test check-swift clean

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

# One file that runs without Swift: the Swift runtime linked in (Linux; macOS has it in the system) and the
# study material embedded. ncursesw and sqlite3 stay shared system libraries (libncursesw6, libsqlite3-0).
STATIC := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
RELEASE_BIN := .build/release/aifprep
GENERATED := .build/generated
DESTDIR ?=

release: deps-run
	$(SWIFT) build -c release --product aifprep $(STATIC)

# The manual page, from the argument parser's generate-manual plugin (run in debug: the page is the same and the
# debug products are usually built already), and the completion scripts the binary prints.
docs: deps-run
	$(SWIFT) package plugin generate-manual --configuration debug --authors "aifprep authors" >/dev/null
	install -d $(GENERATED)/completions
	install -m 644 "$$(find .build/plugins -path '*GenerateManual*' -name aifprep.1 | head -1)" $(GENERATED)/aifprep.1
	.build/debug/aifprep --generate-completion-script bash > $(GENERATED)/completions/aifprep.bash
	.build/debug/aifprep --generate-completion-script zsh > $(GENERATED)/completions/_aifprep
	.build/debug/aifprep --generate-completion-script fish > $(GENERATED)/completions/aifprep.fish

# Installs the binary (material built in), the manual page and completions for bash, zsh and fish under PREFIX.
install: release docs
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 -s $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/aifprep
	install -m 644 $(GENERATED)/aifprep.1 $(DESTDIR)$(PREFIX)/share/man/man1/aifprep.1
	install -m 644 $(GENERATED)/completions/aifprep.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/aifprep
	install -m 644 $(GENERATED)/completions/_aifprep $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_aifprep
	install -m 644 $(GENERATED)/completions/aifprep.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/aifprep.fish
	@# A copy of Content/ from an older install would shadow the material built into the new binary.
	@if [ -d $(DESTDIR)$(PREFIX)/share/aifprep/Content ]; then \
		echo "Removing the old study material copy $(DESTDIR)$(PREFIX)/share/aifprep/Content (now built in)"; \
		rm -rf $(DESTDIR)$(PREFIX)/share/aifprep/Content; rmdir $(DESTDIR)$(PREFIX)/share/aifprep 2>/dev/null || true; fi
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/aifprep, its manual page (man aifprep) and completions for bash, zsh and fish"

# dist/aifprep-VERSION-OS-ARCH.tar.gz: the binary, README.md, LICENSE, the manual page and the completions.
dist: release docs
	@set -e; version=$$($(RELEASE_BIN) --version); \
	os=$$(uname -s | tr A-Z a-z); arch=$$(uname -m); name=aifprep-$$version-$$os-$$arch; \
	rm -rf dist/$$name dist/$$name.tar.gz; install -d dist/$$name/completions; \
	install -m 755 -s $(RELEASE_BIN) dist/$$name/aifprep; \
	install -m 644 README.md LICENSE $(GENERATED)/aifprep.1 dist/$$name/; \
	install -m 644 $(GENERATED)/completions/* dist/$$name/completions/; \
	tar -C dist -czf dist/$$name.tar.gz $$name; rm -rf dist/$$name; \
	echo "dist/$$name.tar.gz: $$(du -h dist/$$name.tar.gz | cut -f1)"

# What CI runs after `make test`: build the tarball, then run its binary alone in an empty folder with a clean
# environment (no Swift library in ldd, exam --plain and content lint on the embedded material).
dist-check: dist
	./scripts/dist-check.sh dist/aifprep-*.tar.gz

deps-run: check-swift
	@./scripts/ensure-packages.sh $(RUN_PACKAGES)

deps-test: check-swift
	@./scripts/ensure-packages.sh $(TEST_PACKAGES)
	@./scripts/ensure-python-packages.sh $(TEST_PYTHON_PACKAGES)

check-swift:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "error: Swift 6.1 or newer is needed (https://swift.org/install); '$(SWIFT)' was not found" >&2; exit 1; }

clean:
	rm -rf .build dist

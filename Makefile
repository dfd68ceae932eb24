# pact: build, run, test and install. GNU make.
#   make          build ./pact
#   make run      install what is missing, build, start pact
#   make check    install what is missing, build, run every test
#   make analyze  gcc -fanalyzer and clang --analyze on every source file
#   make install  PREFIX=/usr/local DESTDIR=

MAKEFLAGS += --no-print-directory
NPROC := $(shell nproc 2>/dev/null || echo 1)
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
LOCALEDIR = $(PREFIX)/share/locale
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
       -Wwrite-strings -Wundef -Wpointer-arith -Werror
# The core (src/) is a library of its own: no curses flags and no screens/
# include path, so a core file that includes a screen header does not build.
# The terminal code (screens/) sees both.
SQLITE_CFLAGS = $(shell pkg-config --cflags sqlite3 2>/dev/null)
# pkg-config's -D flags for ncursesw are the two below; we set them for all files.
CURSES_CFLAGS = $(filter-out -D%,$(shell pkg-config --cflags ncursesw 2>/dev/null))
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS)
BASE_CPPFLAGS = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -DLOCALEDIR='"$(LOCALEDIR)"'
CORE_CPPFLAGS = $(BASE_CPPFLAGS) -iquote src -iquote build/gen $(SQLITE_CFLAGS) $(CPPFLAGS)
ALL_CPPFLAGS = $(BASE_CPPFLAGS) -iquote src -iquote screens -iquote build/gen \
               $(SQLITE_CFLAGS) $(CURSES_CFLAGS) $(CPPFLAGS)
CORE_LIBS = $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3) -lcsv -lcrypt -lm
LIBS = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo) $(CORE_LIBS)
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Debian packages the build and the tests need.
DEB_PACKAGES = gcc libc6-dev make pkg-config libncurses-dev libsqlite3-dev libcsv-dev \
               libcmocka-dev libcrypt-dev tmux gettext sqlite3 locales man-db groff-base \
               python3-html5lib time

CORE_SRC = $(wildcard src/*.c)
TUI_SRC = $(filter-out screens/main.c,$(shell find screens -name '*.c' | sort))
ALL_SRC = $(CORE_SRC) $(TUI_SRC) screens/main.c
# Shipped data compiled into the binary: data/NAME.EXT becomes the string
# pact_NAME_EXT, so an installed pact needs no files beside it.
EMBED = schema_sql prompts_txt werkvormen_csv tree_txt demo_budgets_csv demo_experiments_csv \
	demo_evaluations_csv demo_en_experiments_csv demo_en_evaluations_csv
CORE_OBJ = $(CORE_SRC:%.c=build/obj/%.o) $(EMBED:%=build/obj/gen/%.o)
CORE_SAN_OBJ = $(CORE_SRC:%.c=build/san/%.o) $(EMBED:%=build/san/gen/%.o)
TUI_OBJ = $(TUI_SRC:%.c=build/obj/%.o)
TUI_SAN_OBJ = $(TUI_SRC:%.c=build/san/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)

FUZZ_TARGETS = import tree deck ballots pabulib
FUZZ_SECONDS ?= 60
FUZZ_CC = clang
# libFuzzer comes with clang; it is needed only for make fuzz.
FUZZ_PACKAGES = clang libclang-rt-14-dev
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=all
FUZZ_OBJ = $(CORE_SRC:%.c=build/fuzz/%.o) $(EMBED:%=build/fuzz/gen/%.o)
REPLAY_BIN = $(FUZZ_TARGETS:%=build/replay/fuzz_%)

.PHONY: all deps run check unit shell-tests bench pot install uninstall clean fuzz fuzz-deps \
	fuzz-replay valgrind reliability analyze analyze-deps
.DEFAULT_GOAL := all

# Translations: data/po/LANG.po, compiled to build/locale (where an
# uninstalled pact finds them) and installed under $(LOCALEDIR).
LANGS = nl
MO = $(LANGS:%=build/locale/%/LC_MESSAGES/pact.mo)

all: pact $(MO)

build/locale/%/LC_MESSAGES/pact.mo: data/po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ $<

pact: build/obj/screens/main.o build/libpact-tui.a build/libpact-core.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# Made anew each time: a member of a renamed or removed source must not linger.
build/libpact-core.a: $(CORE_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

build/libpact-tui.a: $(TUI_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

build/pact-san: build/san/screens/main.o build/libpact-tui-san.a build/libpact-core-san.a
	$(CC) $(ALL_CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS)

build/libpact-core-san.a: $(CORE_SAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

build/libpact-tui-san.a: $(TUI_SAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

build/obj/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/obj/screens/%.o: screens/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/san/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) $(ALL_CFLAGS) -O1 -g $(SAN) -MMD -MP -c -o $@ $<

build/san/screens/%.o: screens/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 -g $(SAN) -MMD -MP -c -o $@ $<

build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) $(ALL_CFLAGS) -O1 -g $(SAN) -MMD -MP -c -o $@ $<

# The core's compile flags, for tests/layers.sh.
.PHONY: print-core-cppflags
print-core-cppflags:
	@echo $(CORE_CPPFLAGS)

.SECONDEXPANSION:
.PRECIOUS: build/gen/%.c
build/gen/%.c: data/$$(subst _,.,$$*)
	@mkdir -p $(dir $@)
	{ echo 'const char pact_$*[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; echo ';'; } > $@

# Unit tests of the core link the core alone (a core symbol that needs the
# screens fails to link); the suites that test screens link both.
TUI_TESTS = test_screens test_dutch
build/tests/%: tests/unit/%.c build/libpact-core-san.a
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) -iquote tests/lib $(ALL_CFLAGS) -O1 -g $(SAN) -o $@ $< build/libpact-core-san.a \
		$(CORE_LIBS) -lcmocka

$(TUI_TESTS:%=build/tests/%): build/tests/%: tests/unit/%.c build/libpact-tui-san.a \
		build/libpact-core-san.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) -iquote tests/lib $(ALL_CFLAGS) -O1 -g $(SAN) -o $@ $< build/libpact-tui-san.a \
		build/libpact-core-san.a $(LIBS) -lcmocka

# Install the Debian packages that are missing (with sudo when not root).
deps:
	@$(MAKE) install-packages PACKAGES="$(DEB_PACKAGES)"
	@# The Dutch locale, so that LANG=nl_NL.UTF-8 works (and is tested).
	@locale -a 2>/dev/null | grep -qix 'nl_NL.utf8' || { \
	  echo "Making the locale nl_NL.UTF-8"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo localedef -i nl_NL -f UTF-8 nl_NL.UTF-8; }

# Headless Chromium draws the HTML reports (tests/report.sh, make report-picture).
BROWSER_PACKAGES = chromium
.PHONY: deps-browser report-picture
deps-browser:
	@$(MAKE) install-packages PACKAGES="$(BROWSER_PACKAGES)"

# data/doc/report.png for the README: the English session report of the
# test fixture (tests/report.sh), drawn by headless Chromium.
report-picture: pact $(MO) deps-browser
	PACT=pact PACT_SAN=pact PACT_PLAIN=pact REPORT_PICTURE=$(CURDIR)/data/doc/report.png \
	  tests/run t_report_html_renders_in_chromium

fuzz-deps:
	@$(MAKE) install-packages PACKAGES="$(DEB_PACKAGES) $(FUZZ_PACKAGES)"

.PHONY: install-packages
install-packages:
	@missing=; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

# make run ARGS="--lang nl" passes options on to pact.
run: deps
	$(MAKE) pact $(MO)
	./pact $(ARGS)

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	  LSAN_OPTIONS=suppressions=tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1 $$t || fail=1; done; exit $$fail

# One test per core at a time (tests/run TEST_JOBS).
shell-tests: pact build/pact-san
	TEST_JOBS=$(NPROC) PACT=build/pact-san PACT_SAN=build/pact-san PACT_PLAIN=pact tests/run

check: deps
	$(MAKE) -j$(NPROC) pact build/pact-san $(UNIT_BIN) $(REPLAY_BIN) $(MO)
	$(MAKE) po-check
	$(MAKE) unit
	$(MAKE) fuzz-replay
	$(MAKE) shell-tests

# --- valgrind ---------------------------------------------------------------
# The terminal suite (every tmux test) with pact under valgrind: any memory
# error or definite leak fails the test that met it (exit status 98) and
# leaves its report in build/valgrind/.
valgrind: pact $(MO)
	@$(MAKE) install-packages PACKAGES="$(DEB_PACKAGES) valgrind"
	rm -rf build/valgrind
	PACT=tests/valgrind-pact PACT_SAN=tests/valgrind-pact PACT_PLAIN=pact TIME_SCALE=6 \
	  VALGRIND_DIR=$(CURDIR)/build/valgrind tests/run tmux_
	@if [ -n "$$(find build/valgrind -name '*.log' -size +0 2>/dev/null)" ]; then \
	  cat build/valgrind/*.log; echo "valgrind found errors"; exit 1; fi
	@echo "valgrind: no errors, no definite leaks"

# tests/RELIABILITY.md, from real runs of make fuzz, the crash, concurrency,
# hostile-input and privacy tests, and make valgrind.
reliability: fuzz-deps
	tests/reliability

# --- static analysis -------------------------------------------------------
# make analyze runs gcc's -fanalyzer and clang's static analyser on every .c
# of src/ and screens/, with each layer's flags; any finding fails. Each file
# leaves a stamp, so a second run checks only what changed (-j2 helps).
ANALYZE_GCC = gcc
ANALYZE_CLANG = clang
ANALYZE_PACKAGES = gcc clang
ANALYZE_FLAGS = -std=c11 $(WARN) -O0 -g
ANALYZE_STAMPS = $(ALL_SRC:%.c=build/analyze/gcc/%.ok) $(ALL_SRC:%.c=build/analyze/clang/%.ok)

analyze-deps:
	@$(MAKE) install-packages PACKAGES="$(ANALYZE_PACKAGES)"

analyze: analyze-deps
	@$(MAKE) $(ANALYZE_STAMPS)
	@echo "analyze: gcc -fanalyzer and clang --analyze found nothing"

build/analyze/gcc/src/%.ok: src/%.c
	@mkdir -p $(dir $@)
	$(ANALYZE_GCC) -fanalyzer $(CORE_CPPFLAGS) $(ANALYZE_FLAGS) -MMD -MP -MF $@.d -MT $@ \
		-c -o /dev/null $<
	@touch $@

build/analyze/gcc/screens/%.ok: screens/%.c
	@mkdir -p $(dir $@)
	$(ANALYZE_GCC) -fanalyzer $(ALL_CPPFLAGS) $(ANALYZE_FLAGS) -MMD -MP -MF $@.d -MT $@ \
		-c -o /dev/null $<
	@touch $@

# clang --analyze reports findings as warnings without failing (even with
# -Werror), so any line it prints fails the file.
CLANG_ANALYZE = $(ANALYZE_CLANG) --analyze -Xanalyzer -analyzer-output=text $(ANALYZE_FLAGS) \
	-MMD -MP -MF $@.d -MT $@ -o /dev/null

build/analyze/clang/src/%.ok: src/%.c
	@mkdir -p $(dir $@)
	@echo "$(ANALYZE_CLANG) --analyze $<"
	@$(CLANG_ANALYZE) $(CORE_CPPFLAGS) $< 2>$@.log; rc=$$?; \
	  if [ $$rc -ne 0 ] || [ -s $@.log ]; then cat $@.log; exit 1; fi
	@touch $@

build/analyze/clang/screens/%.ok: screens/%.c
	@mkdir -p $(dir $@)
	@echo "$(ANALYZE_CLANG) --analyze $<"
	@$(CLANG_ANALYZE) $(ALL_CPPFLAGS) $< 2>$@.log; rc=$$?; \
	  if [ $$rc -ne 0 ] || [ -s $@.log ]; then cat $@.log; exit 1; fi
	@touch $@

# --- fuzzing ---------------------------------------------------------------
# make fuzz runs each libFuzzer target for FUZZ_SECONDS (default 60) on a
# working corpus seeded from tests/fuzz/corpus; an input that crashes is
# written to tests/fuzz/regressions/TARGET/, which make check replays (with
# the seed corpus) under AddressSanitizer and UBSan through a plain driver.
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CORE_CPPFLAGS) -std=c11 $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CORE_CPPFLAGS) -std=c11 $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/libpact-fuzz.a: $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libpact-fuzz.a tests/lib/fuzz_harness.h
	$(FUZZ_CC) $(CORE_CPPFLAGS) -iquote tests/lib -std=c11 $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
		build/fuzz/libpact-fuzz.a $(CORE_LIBS)

build/replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c build/libpact-core-san.a \
		tests/lib/fuzz_harness.h
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CPPFLAGS) -iquote tests/lib $(ALL_CFLAGS) -O1 -g $(SAN) -o $@ $< tests/fuzz/replay.c \
		build/libpact-core-san.a $(CORE_LIBS)

fuzz-replay: $(REPLAY_BIN)
	@for t in $(FUZZ_TARGETS); do \
	  UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=tests/lsan.supp:print_suppressions=0 \
	  build/replay/fuzz_$$t $$(find tests/fuzz/corpus/$$t tests/fuzz/regressions/$$t -type f 2>/dev/null | sort) \
	    || exit 1; done

fuzz: fuzz-deps
	$(MAKE) $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz-corpus/$$t tests/fuzz/regressions/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=tests/fuzz/regressions/$$t/ \
	    build/fuzz-corpus/$$t tests/fuzz/corpus/$$t 2>build/fuzz/fuzz_$$t.log \
	    || { tail -40 build/fuzz/fuzz_$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' build/fuzz/fuzz_$$t.log; \
	done

# Benchmarks print figures; they are not part of make check.
build/bench/%: tests/bench/%.c build/libpact-tui.a build/libpact-core.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< build/libpact-tui.a build/libpact-core.a $(LIBS)

bench: deps pact build/bench/list_bench
	build/bench/list_bench
	tests/bench/brainstorm.sh
	tests/bench/csv.sh
	tests/bench/tally.sh

# Every catalogue complete: each string the sources mark for translation
# (extracted afresh) is translated, none fuzzy.
.PHONY: po-check
po-check:
	@mkdir -p build/po
	@xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=NP_:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 --add-comments --package-name=pact \
		--msgid-bugs-address=pact -o build/po/pact.pot $(ALL_SRC)
	@for l in $(LANGS); do \
	  msgmerge --quiet --no-fuzzy-matching data/po/$$l.po build/po/pact.pot -o build/po/$$l.po && \
	  stats=$$(LC_ALL=C msgfmt -c --statistics -o /dev/null build/po/$$l.po 2>&1) || { echo "$$stats"; exit 1; }; \
	  echo "$$l: $$stats"; \
	  case "$$stats" in *untranslated*|*fuzzy*) echo "$$l: the catalogue is not complete (make pot, then translate data/po/$$l.po)"; exit 1;; esac; \
	done

# The template of translatable strings, for translators.
pot:
	@mkdir -p data/po
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=NP_:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 --add-comments \
		--package-name=pact --msgid-bugs-address= -o data/po/pact.pot $(ALL_SRC)

install: pact $(MO)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 pact $(DESTDIR)$(BINDIR)/pact
	install -d $(DESTDIR)$(MANDIR)
	install -m 644 pact.1 $(DESTDIR)$(MANDIR)/pact.1
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 build/locale/$$l/LC_MESSAGES/pact.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/pact.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pact $(DESTDIR)$(MANDIR)/pact.1 $(LANGS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/pact.mo)

clean:
	rm -rf build pact

-include $(shell find build -name '*.d' 2>/dev/null)

# The two commands of the README, and the pieces they are made of.
#   make run   — install what is missing, build, start the web application with demo data on SQLite and print its
#                address and the demo logins (PORT=8080, DATA=kopsehat-data)
#   make test  — install what is missing, build, run every test, then again under ASan + UBSan
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
EXAMPLE ?= examples/ksp-sejahtera-bersama-2025.json
JOBS ?= $(shell nproc)

.PHONY: deps build run assess-example pg test test-release test-asan bench bench-web bench-national fuzz clean

deps:
	@bash scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

PORT ?= 8080
DATA ?= kopsehat-data
run: build
	@$(BUILD)/kopsehat serve --demo --data $(DATA) --port $(PORT)

# The command-line assessment of the bundled example (what `make run` did before the web application).
assess-example: build
	@$(BUILD)/kopsehat assess $(EXAMPLE)

# The throw-away PostgreSQL server the store tests run on (see scripts/pg-test.sh); started once, left running.
pg: deps
	@bash scripts/pg-test.sh start >/dev/null

test-release: build pg
	KOPSEHAT_TEST_PG=$$(bash scripts/pg-test.sh url) ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: deps pg
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKOPSEHAT_SANITIZE=ON -DKOPSEHAT_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	KOPSEHAT_TEST_PG=$$(bash scripts/pg-test.sh url) \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

test: test-release test-asan

# Benchmarks run on an optimised (-O3) build of their own.
BENCH_BUILD ?= build-bench
bench: deps
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOPSEHAT_TESTS=OFF >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target kopsehat assess_bench
	KOPSEHAT_BIN=$(BENCH_BUILD)/kopsehat bash bench/run_batch_bench.sh
	taskset -c 0 $(BENCH_BUILD)/assess_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

# The web load benchmark: a region of 5,000 cooperatives x 5 years, wrk against the regional dashboard, and nginx
# serving the same page as a static file for reference (bench/web_load.sh; results in bench/RESULTS.md).
bench-web: deps
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOPSEHAT_TESTS=OFF >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target kopsehat web_seed
	KOPSEHAT_BIN=$(BENCH_BUILD)/kopsehat WEB_SEED_BIN=$(BENCH_BUILD)/web_seed bash bench/web_load.sh

# The same at national scale on PostgreSQL (issue 15): 130,000 cooperatives x 5 years in 514 regencies of 38
# provinces, KKPKK from 2023 (earlier years ksp-2016), on the throw-away server of scripts/pg-test.sh; the national,
# a provincial and a regency page and API answer, each p99 < 100 ms with 16 connections, the server on one core.
bench-national: deps
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOPSEHAT_TESTS=OFF >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target kopsehat web_seed
	WEB_PG_URL=$$(bash scripts/pg-test.sh start) WEB_COOPS=130000 WEB_REGIONS=514 WEB_PROVINCES=38 \
	  WEB_KKPKK_FROM=2023 WEB_SKIP_NGINX=1 KOPSEHAT_BIN=$(BENCH_BUILD)/kopsehat WEB_SEED_BIN=$(BENCH_BUILD)/web_seed \
	  bash bench/web_load.sh

# A few minutes of libFuzzer on the laporan reader + engine (development; CI runs the seed corpus in `make test`).
FUZZ_SECONDS ?= 180
fuzz: deps
	@CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DKOPSEHAT_FUZZ=ON -DKOPSEHAT_TESTS=OFF -DKOPSEHAT_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) --target laporan_fuzz -j $(JOBS)
	mkdir -p $(FUZZ_BUILD)/corpus
	$(FUZZ_BUILD)/laporan_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=8192 $(FUZZ_BUILD)/corpus fuzz/corpus

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(BENCH_BUILD)

# The two set-up commands of README.md. Everything else is CMake.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: run test bench build configure bootstrap clean format

bootstrap:
	@scripts/bootstrap

configure: bootstrap
	@cmake --preset default >/dev/null

build: configure
	@cmake --build --preset default -j $(JOBS)

run: configure
	@cmake --build --preset default -j $(JOBS) --target runtime
	$(BUILD_DIR)/bin/hisxd --config config/hisx.yaml

test: build
	ctest --preset default -j $(JOBS)

# Benchmarks (not part of `make test`): slip and QR rendering against bare cairo calls; a booking
# against a read, SQLite and PostgreSQL; fast_lane payments against the bare transaction and
# call-next at 8 windows against one, PostgreSQL.
bench: build
	BUILD_DIR=$(BUILD_DIR) bench/run

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)

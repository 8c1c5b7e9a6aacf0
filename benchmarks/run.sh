#!/usr/bin/env bash
# Builds the benchmarks (and the modules they measure) and runs one harness:
#   benchmarks/run.sh CloneBenchmark [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1; shift
./mvnw -q -pl benchmarks -am package -DskipTests
exec java -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "dev.driftless.benchmarks.$main" "$@"

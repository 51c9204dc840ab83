#!/bin/sh
# Runs the benchmark suite and writes BENCHMARKS.md (see BENCHMARKS.md, "Commands").
#   benchmarks/run.sh            quick profile (~14 min on 2 idle cores)
#   benchmarks/run.sh --full     full profile
# Other options are passed to dev.quarry.benchmarks.harness.Harness.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.harness.Harness "$@"

#!/usr/bin/env bash
# Runs the sync-service benchmark harness (a main, not a test). Usage, from anywhere:
#   sync-service/benchmarks/run-benchmark.sh [--users=100000] [--groups=5000] [--infra-heap=4g]
#   BENCH_HEAP=-Xmx512m sync-service/benchmarks/run-benchmark.sh --users=1000000 --groups=20000
# Needs the local PostgreSQL (schema sync_bench in database "test" is recreated) and a JDK >= 21.
# Figures are printed and appended to sync-service/benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl sync-service -am install -DskipTests
./mvnw -q -pl sync-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd sync-service
exec "$JAVA_HOME/bin/java" ${BENCH_HEAP:--Xmx2g} -XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow \
  --enable-native-access=ALL-UNNAMED -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dlogging.configuration=file:benchmarks/logging.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.m365platform.sync.bench.SyncBenchmark "$@"

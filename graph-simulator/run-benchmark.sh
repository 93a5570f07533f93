#!/usr/bin/env bash
# Runs the simulator benchmark (start-up, generation, memory of a 1M-user tenant, users served per second) and
# writes graph-simulator/target/benchmarks/graph-simulator.txt. Args: [servedUsers=100000] [bigUsers=1000000].
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
../mvnw -q -f pom.xml test-compile
cp="target/classes:target/test-classes:$(../mvnw -q -f pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "$cp" io.m365platform.graphsim.bench.SimulatorBenchmark "$@"

#!/usr/bin/env bash
# The platform on this machine with one command: builds what is needed (only when sources changed since the last
# build), then starts Kafka, the Graph simulator with a demo tenant and every service, connects the demo tenant,
# syncs it and prints where to look. Ctrl-C stops everything. Options: ./run-local.sh --help (local-stack/README.md).
set -euo pipefail
cd "$(dirname "$0")"

# --help answers at once, before anything is built (the launcher prints the same file).
for arg in "$@"; do
  case "$arg" in
    --help|-h) cat local-stack/src/main/resources/io/m365platform/localstack/usage.txt; exit 0 ;;
  esac
done

# A JDK >= 21 (the same search as .ci/run).
pick_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate ${version%%.*}"; return 0; fi
  done
  return 1
}
read -r JAVA_HOME java_version < <(pick_jdk) || { echo "No JDK >= 21 found: set JAVA_HOME to one." >&2; exit 1; }
export JAVA_HOME

# What the stack runs; -am adds contracts, graph-client, graph-simulator, service-commons.
modules=local-stack,connection-service,sync-service,usage-service,action-service
# The stamp of the last successful build lives with the build output (mvn clean removes both), not in .local
# (which --fresh deletes).
stamp=local-stack/target/build.stamp
launcher=local-stack/target/local-stack.jar

needs_build() {
  [ -f "$stamp" ] && [ -f "$launcher" ] || return 0
  for m in ${modules//,/ }; do [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || [ "$m" = local-stack ] || return 0; done
  # Any source or pom changed since the last build?
  [ -n "$(find pom.xml */pom.xml */src/main -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

if needs_build; then
  mkdir -p local-stack/target
  build_log=local-stack/target/build.log
  echo "== Building the platform (first run, or sources changed): ./mvnw -pl $modules -am package -DskipTests"
  echo "   full output: $build_log"
  started=$(date +%s)
  # Show one line per module as it is built; keep everything else in the log.
  if ! ./mvnw -B -ntp -pl "$modules" -am package -Dmaven.test.skip=true 2>&1 | tee "$build_log" \
      | sed -nu 's/^\[INFO\] Building \(.*\) \[[0-9]*\/[0-9]*\]$/   building \1/p'; then
    :
  fi
  if ! grep -q "BUILD SUCCESS" "$build_log"; then
    echo "   The build failed. Last lines of $build_log:" >&2
    grep -E "^\[ERROR\]" "$build_log" | head -n 25 >&2
    exit 1
  fi
  touch "$stamp"
  echo "   built in $(( $(date +%s) - started )) s"
fi

jvm_flags=(-Xmx768m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED)
# Class data sharing: the first run records the classes it loads (Kafka's broker is thousands), later runs map them
# and start faster. The archive is rebuilt by the JVM when the jars change.
jvm_flags+=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=local-stack/target/local-stack.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
# Kafka uses sun.misc.Unsafe; JDK 23+ warns unless allowed.
[ "$java_version" -ge 23 ] && jvm_flags+=(--sun-misc-unsafe-memory-access=allow)
exec "$JAVA_HOME/bin/java" "${jvm_flags[@]}" -jar "$launcher" "$@"

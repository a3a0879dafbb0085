#!/usr/bin/env bash
# Startup benchmark: process start to the first 201 (a created call), beside the machine's ceiling
# (bench/Ceiling.java, a minimal JDK HttpServer, to its first 201) and the peer (WireMock standalone,
# to its first canned 201), each the median of RUNS starts in a fresh working directory, so every
# Dialtone start creates its H2 files and applies its migrations, except where a row says it
# restarted on the files an earlier start left.
# Usage: bench/startup.sh   (RUNS=3 by default; the table also goes to bench/results-startup.md)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SID=ACd1a170ed1a170ed1a170ed1a170e0000
TOKEN=dialtonedevtoken0000000000000000
PORT=18093
JAVA17=$(command -v java)
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JVM_FLAGS=(-Xmx96m -XX:+UseSerialGC) # Dialtone's documented launch settings (README, pom, Dockerfile)

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken; stop what listens there" >&2; exit 1; fi
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench
FAT_NAME=$(ls target/dialtone-*.jar | head -1) THIN_NAME=target/dialtone/dialtone.jar
FAT=$PWD/$FAT_NAME THIN=$PWD/$THIN_NAME
WORK=$(mktemp -d)
PID=
# Waits for what it killed, so no process still writes into the directory being removed.
cleanup() { [ -n "$PID" ] && kill -- -"$PID" 2> /dev/null; wait 2> /dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
javac -d "$WORK/ceiling" bench/Ceiling.java

create_call() {
  curl -s -o /dev/null -w '%{http_code}' -u "$SID:$TOKEN" "http://127.0.0.1:$PORT/2010-04-01/Accounts/$SID/Calls.json" \
    --data-urlencode To=+14155550100 --data-urlencode From=+15005550006 \
    --data-urlencode 'Twiml=<Response><Hangup/></Response>' 2> /dev/null || true
}
get() { curl -s -o /dev/null -w '%{http_code}' "$1" 2> /dev/null || true; }

# once NAME EXPECTED PROBE COMMAND…: milliseconds from spawning COMMAND in a fresh directory until
# PROBE prints EXPECTED; COMMAND runs in a session of its own, stopped afterwards with every process
# it started (spring-boot:run forks the application's JVM) and waited for.
once() {
  local name=$1 expected=$2 probe=$3 dir; shift 3
  dir=${SAME:-$(mktemp -d "$WORK/run.XXXX")}
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec setsid "$@" > "$dir/out.log" 2>&1) &
  PID=$!
  await "$name" "$expected" "$probe" "$dir"
  echo $((($(date +%s%N) - t0) / 1000000))
  stop
}
await() { # NAME EXPECTED PROBE DIR
  until [ "$($3)" = "$2" ]; do
    if ! kill -0 "$PID" 2> /dev/null; then echo "$1 exited while starting:" >&2; tail -20 "$4/out.log" >&2; exit 1; fi
    sleep 0.02 # a probe costs a few milliseconds of a core the start needs
  done
}
stop() {
  kill -- -"$PID" 2> /dev/null || kill "$PID"
  wait "$PID" 2> /dev/null || true
  while pgrep -s "$PID" > /dev/null; do sleep 0.05; done
  PID=
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

declare -A R
ORDER=()
# measure KEY LABEL EXPECTED PROBE COMMAND…
measure() {
  local key=$1 label=$2 expected=$3 probe=$4 all=""; shift 4
  for _ in $(seq 1 "$RUNS"); do all="$all $(once "$key" "$expected" "$probe" "$@")"; done
  R[$key]=$(echo $all | median)
  R[$key.all]=${all# }
  R[$key.label]=$label
  ORDER+=("$key")
  echo "$label: ${R[$key]} ms (${R[$key.all]})"
}

# restarts KEY LABEL COMMAND…: as measure, each start on the files an earlier start left
restarts() {
  local key=$1 label=$2; shift 2
  SAME=$(mktemp -d "$WORK/same.XXXX")
  once "$key" 201 create_call "$@" > /dev/null
  measure "$key" "$label" 201 create_call "$@"
  SAME=
}
probe_list_auth() { curl -s -o /dev/null -w '%{http_code}' -u "$SID:$TOKEN" "http://127.0.0.1:$PORT/2010-04-01/Accounts/$SID/Calls.json" 2> /dev/null || true; }

echo "== the ceiling and the peer, on JDK 17"
measure ceiling "ceiling: bench/Ceiling.java (compiled), first 201" 201 create_call \
  "$JAVA17" "${JVM_FLAGS[@]}" -cp "$WORK/ceiling" Ceiling $PORT
measure wiremock "WireMock 3.13.2 standalone, first canned 201" 201 create_call \
  "$JAVA17" -jar "$PWD/target/bench/wiremock-standalone-3.13.2.jar" --port $PORT --root-dir "$PWD/bench/wiremock" \
  --no-request-journal --disable-banner

echo "== Dialtone, java ${JVM_FLAGS[*]} -jar …, first 201"
measure jdk17.reflective "JDK 17, $FAT_NAME, -Dspring.aot.enabled=false (wiring found at run time)" 201 create_call \
  "$JAVA17" "${JVM_FLAGS[@]}" -Dspring.aot.enabled=false -jar "$FAT" --server.port=$PORT
measure jdk17.fat "JDK 17, $FAT_NAME" 201 create_call "$JAVA17" "${JVM_FLAGS[@]}" -jar "$FAT" --server.port=$PORT
measure jdk17.thin "JDK 17, $THIN_NAME" 201 create_call "$JAVA17" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
restarts jdk17.thin.same "JDK 17, $THIN_NAME, restarted on its own files" "$JAVA17" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
if [ -x "$JAVA25" ]; then
  measure jdk25.fat "JDK 25, $FAT_NAME" 201 create_call "$JAVA25" "${JVM_FLAGS[@]}" -jar "$FAT" --server.port=$PORT
  measure jdk25.thin "JDK 25, $THIN_NAME" 201 create_call "$JAVA25" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
fi

# A training run that starts, serves a few calls and stops, as a user's own first run would.
train() { # JAVA, its recording flag…
  local dir; dir=$(mktemp -d "$WORK/train.XXXX")
  (cd "$dir" && exec setsid "$@" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT > "$dir/out.log" 2>&1) &
  PID=$!
  await training 201 create_call "$dir"
  for _ in $(seq 1 20); do create_call > /dev/null; probe_list_auth > /dev/null; done
  stop # the archive is written as the JVM exits
}
echo "== with an archive of the classes a training run loaded"
train "$JAVA17" -XX:ArchiveClassesAtExit="$WORK/dialtone.jsa"
measure jdk17.cds "JDK 17, $THIN_NAME, -XX:SharedArchiveFile (CDS)" 201 create_call \
  "$JAVA17" -XX:SharedArchiveFile="$WORK/dialtone.jsa" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
measure jdk17.junit "JDK 17, $THIN_NAME, CDS, -XX:TieredStopAtLevel=1 (as dialtone-junit starts it)" 201 create_call \
  "$JAVA17" -XX:SharedArchiveFile="$WORK/dialtone.jsa" -XX:TieredStopAtLevel=1 "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
if [ -x "$JAVA25" ]; then
  train "$JAVA25" -XX:AOTCacheOutput="$WORK/dialtone.aot"
  measure jdk25.aot "JDK 25, $THIN_NAME, -XX:AOTCache" 201 create_call \
    "$JAVA25" -XX:AOTCache="$WORK/dialtone.aot" "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
  measure jdk25.aotc1 "JDK 25, $THIN_NAME, -XX:AOTCache -XX:TieredStopAtLevel=1" 201 create_call \
    "$JAVA25" -XX:AOTCache="$WORK/dialtone.aot" -XX:TieredStopAtLevel=1 "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
  restarts jdk25.aotc1.same "JDK 25, $THIN_NAME, -XX:AOTCache -XX:TieredStopAtLevel=1, restarted on its own files" \
    "$JAVA25" -XX:AOTCache="$WORK/dialtone.aot" -XX:TieredStopAtLevel=1 "${JVM_FLAGS[@]}" -jar "$THIN" --server.port=$PORT
fi

echo "== ./mvnw spring-boot:run, built once before, first 200 (a list of calls)"
# shellcheck disable=SC2016 # $PWD is the fresh directory the inner shell starts in
measure run "./mvnw -q spring-boot:run (JDK 17)" 200 probe_list_auth bash -c \
  'exec "$0" -q -B -f "$1" spring-boot:run -Dspring-boot.run.arguments=--server.port="$2" -Dspring-boot.run.workingDirectory="$PWD"' \
  "$PWD/mvnw" "$PWD/pom.xml" "$PORT"

{
  echo "### Startup, $(nproc) cores, $(date -u +%Y-%m-%d), median of $RUNS starts, in fresh directories unless said"
  echo
  echo "| start | to first response | each run | vs ceiling | vs WireMock |"
  echo "|---|---|---|---|---|"
  for k in "${ORDER[@]}"; do
    printf '| %s | %d ms | %s | %.1f× | %.1f× |\n' "${R[$k.label]}" "${R[$k]}" "${R[$k.all]}" \
      "$(echo "${R[$k]} / ${R[ceiling]}" | bc -l)" "$(echo "${R[$k]} / ${R[wiremock]}" | bc -l)"
  done
  echo
  echo "Made by \`bench/startup.sh\`."
} | tee "$WORK/results.md"
cp "$WORK/results.md" bench/results-startup.md

#!/usr/bin/env bash
# The benchmark suite in one command: the gateway measured side by side with the standalone TX simulator and an
# NGINX reverse proxy in front of that simulator, all in one run on loopback. Writes the results between the
# bench markers of docs/performance.md. Usage: bench/run.sh   (env: BENCH_SKIP_BUILD=1 to reuse target/,
# BENCH_SECONDS=<saturation seconds> (10), BENCH_RATE_SECONDS=<seconds per fixed rate> (8), BENCH_NO_DOC=1,
# BENCH_SCENARIOS=card-read,tx-card-read for a quick partial run: those scenarios and the profile only, no doc;
# BENCH_RATE_LIMITS=1 with BENCH_SCENARIOS=apicheck: a partial run that goes on to the rate-limited gateways, so that
# a fresh gateway's apicheck with the limits off is compared with fresh ones counting in PostgreSQL and in Redis;
# BENCH_GATEWAY_OPTS="-agentpath:..." extra JVM options of the gateway, e.g. a profiler agent (after production's JVM
# options, which the gateway runs with: see start_gateway; BENCH_DEPLOY_JVM=0 for the JVM's defaults instead);
# BENCH_CDS=0 starts the gateway without the class-data-sharing archive the image maps; BENCH_SKIP_LARGE=1 to leave
# out the large-store scenario; BENCH_GATEWAY_JAR=<quarkus-run.jar> measures another build of the gateway against this
# build's simulator and driver, for an A/B; BENCH_PORTS="<gateway> <simulator> <nginx>" other loopback ports than
# 18080 18089 18090; BENCH_ASYNC_PROFILER=<libasyncProfiler.so> profiles the native-profile phase with that build of
# async-profiler instead of the one fetched from Maven Central, =0 leaves the phase out; its collapsed stacks are
# gateway-native.collapsed in the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
read -r GW_PORT SIM_PORT NGINX_PORT <<<"${BENCH_PORTS:-18080 18089 18090}"
SAT=${BENCH_SECONDS:-10}
RATE_SECS=${BENCH_RATE_SECONDS:-8}
WORK=$(mktemp -d /tmp/anygate-bench.XXXXXX)
RESULTS=$WORK/results.tsv
STARTUP=$WORK/startup.tsv
CACHE=$ROOT/bench/.cache
ASPROF_VERSION=4.2
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
GW_JAR=${BENCH_GATEWAY_JAR:-$JAR}
PIDS=()
PG_SCHEMA=""
log() { echo "[bench] $*" >&2; }

cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    if [ -n "$PG_SCHEMA" ]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $PG_SCHEMA CASCADE" >/dev/null 2>&1 || true
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS ${PG_SCHEMA}_ro CASCADE" >/dev/null 2>&1 || true
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS ${PG_SCHEMA}_rl CASCADE" >/dev/null 2>&1 || true
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS ${PG_SCHEMA}_rr CASCADE" >/dev/null 2>&1 || true
    fi
    log "work files kept in $WORK"
}
trap cleanup EXIT INT TERM

# ---- tools
need_pkg() { command -v "$1" >/dev/null || { log "installing $2"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }; }
need_pkg nginx nginx
need_pkg wrk wrk
command -v jcmd >/dev/null && command -v jfr >/dev/null || { log "needs a full JDK 17 (jcmd, jfr)"; exit 1; }
for port in $GW_PORT $SIM_PORT $NGINX_PORT; do
    if (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; then log "port $port is busy"; exit 1; fi
done

if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
    log "building"; ./mvnw -B -q -DskipTests package
fi
javac -d "$WORK/driver" bench/Driver.java
driver() { java -Xms256m -Xmx1g -cp "$WORK/driver" Driver "$@"; }

# ---- helpers
started_secs() { grep -o 'started in [0-9.]*s' "$1" | head -1 | grep -o '[0-9.]*[0-9]'; }
rss_kb() { grep '^VmRSS:' /proc/$1/status | grep -o '[0-9]*'; }
wait_log() { # file pid
    for _ in $(seq 1 300); do
        grep -q 'started in' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { log "process died, see $1"; tail -30 "$1" >&2; exit 1; }
        sleep 0.1
    done
    log "no start after 30 s: $1"; exit 1
}
# Waits (at most 60 s) for a 2-s window in which the machine's CPUs are at least 90 % idle, so that a start-up time is
# the JVM's own and not a share of what the machine still does (PostgreSQL's checkpoints, the previous JVM's exit).
settle() {
    local waited=0 a b idle
    while [ $waited -lt 60 ]; do
        a=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat); sleep 2; waited=$((waited + 2))
        b=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
        idle=$(echo "$a $b" | awk '{ d = $3 - $1; print (d > 0 ? int(100 * ($4 - $2) / d) : 100) }')
        [ "$idle" -ge 90 ] && return 0
    done
    log "machine not idle after 60 s (last 2 s: $idle % idle): the next start-up time includes other work"
}
record_start() { # name log pid
    sleep 5 # idle, after start
    printf '%s\t%s\t%s\n' "$1" "$(started_secs "$2")" "$(rss_kb "$3")" >>"$STARTUP"
    log "$1 started in $(started_secs "$2") s, idle RSS $(( $(rss_kb "$3") / 1024 )) MB"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- TX simulator, standalone
settle
(cd "$WORK" && exec java -Dquarkus.profile=txsim -Dquarkus.http.port=$SIM_PORT -jar "$JAR") >"$WORK/simulator.log" 2>&1 &
SIM_PID=$!; PIDS+=("$SIM_PID")
wait_log "$WORK/simulator.log" "$SIM_PID"
record_start "TX simulator (standalone)" "$WORK/simulator.log" "$SIM_PID"

# ---- NGINX anchor: the same simulator behind a plain reverse proxy, upstream keep-alive on
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    upstream tx { server 127.0.0.1:$SIM_PORT; keepalive 128; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { proxy_pass http://tx; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/logs/stderr.log" &
NGINX_PID=$!; PIDS+=("$NGINX_PID")
sleep 1; kill -0 "$NGINX_PID" || { cat "$WORK/nginx/logs/stderr.log" >&2; exit 1; }

# ---- the gateway
# The gateway runs with production's JVM memory options: the Deployment's JAVA_OPTS (deploy/k8s/base/configmap.yaml)
# and -XX:MaxRAM set to its memory limit (deploy/k8s/base/deployment.yaml), so that the heap is sized as in the pod
# and not from this machine's RAM. BENCH_DEPLOY_JVM=0 starts plain `java -jar` (the JVM's defaults for this
# machine). BENCH_GATEWAY_OPTS come last and override either.
if [ "${BENCH_DEPLOY_JVM:-1}" = 1 ]; then
    DEPLOY_JAVA_OPTS=$(sed -n 's/^ *JAVA_OPTS: *"\(.*\)".*/\1/p' deploy/k8s/base/configmap.yaml)
    DEPLOY_MEM_LIMIT=$(awk '/limits:/ { l=1 } l && /memory:/ { print $2; exit }' deploy/k8s/base/deployment.yaml)
    case "$DEPLOY_MEM_LIMIT" in
        *Mi) DEPLOY_MAX_RAM=${DEPLOY_MEM_LIMIT%Mi}m ;;
        *Gi) DEPLOY_MAX_RAM=${DEPLOY_MEM_LIMIT%Gi}g ;;
        *) log "memory limit '$DEPLOY_MEM_LIMIT' in deploy/k8s/base/deployment.yaml: expected <n>Mi or <n>Gi"; exit 1 ;;
    esac
    [ -n "$DEPLOY_JAVA_OPTS" ] || { log "no JAVA_OPTS in deploy/k8s/base/configmap.yaml"; exit 1; }
    GATEWAY_JVM="$DEPLOY_JAVA_OPTS -XX:MaxRAM=$DEPLOY_MAX_RAM"
    # The pod maps the class-data-sharing archive its image was built with (deploy/Dockerfile). Here the same
    # script writes one for the measured jar into the work folder, with the pod's other options; BENCH_CDS=0 starts
    # without any archive instead (the JVM's default CDS of its own classes only).
    NO_ARCHIVE_JVM=$(echo "$GATEWAY_JVM" | sed 's/ *-XX:SharedArchiveFile=[^ ]*//')
    if [ "${BENCH_CDS:-1}" = 1 ] && [ "$NO_ARCHIVE_JVM" != "$GATEWAY_JVM" ]; then
        # shellcheck disable=SC2086 # the options are words
        sh deploy/cds-archive.sh "$GW_JAR" "$WORK/app-cds.jsa" $NO_ARCHIVE_JVM >"$WORK/cds-archive.log" 2>&1 \
            || { log "no class-data-sharing archive, see $WORK/cds-archive.log"; exit 1; }
        GATEWAY_JVM="$NO_ARCHIVE_JVM -XX:SharedArchiveFile=$WORK/app-cds.jsa"
    else
        GATEWAY_JVM=$NO_ARCHIVE_JVM
    fi
else
    GATEWAY_JVM=""
fi
log "gateway JVM options: ${GATEWAY_JVM:-(JVM defaults)} ${BENCH_GATEWAY_OPTS:-}"
start_gateway() { # name data-dir extra-args...
    local name=$1 dir=$2; shift 2
    mkdir -p "$dir"
    # keep the sandbox partner (and its key) across runs so the signature cache stays valid
    if [ -d "$CACHE/sandbox" ]; then cp -r "$CACHE/sandbox" "$dir/"; fi
    (cd "$WORK" && exec java $GATEWAY_JVM ${BENCH_GATEWAY_OPTS:-} "$@" \
        -Dquarkus.profile=sandbox -Dquarkus.http.port=$GW_PORT \
        -Dgateway.tx.url=http://127.0.0.1:$SIM_PORT -Dgateway.txsim.enabled=false -Dgateway.data-dir="$dir" \
        -jar "$GW_JAR") >"$WORK/$name.log" 2>&1 &
    GW_PID=$!; PIDS+=("$GW_PID")
    wait_log "$WORK/$name.log" "$GW_PID"
    if [ ! -d "$CACHE/sandbox" ]; then mkdir -p "$CACHE"; cp -r "$dir/sandbox" "$CACHE/"; fi
}
stop_gateway() { kill "$GW_PID"; wait "$GW_PID" 2>/dev/null || true; }

COMMON=(gateway=http://127.0.0.1:$GW_PORT simulator=http://127.0.0.1:$SIM_PORT nginx=http://127.0.0.1:$NGINX_PORT
    results="$RESULTS" cache="$CACHE" saturation-seconds="$SAT" rate-seconds="$RATE_SECS")

if (echo >/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    PG_SCHEMA=bench_$(date +%s)_$$  # the pid too: two runs side by side (an A/B) get two schemas
    STORE_NAME="PostgreSQL (127.0.0.1:5432, schema $PG_SCHEMA)"
    STORE_ARGS=(-Dgateway.store.embedded-active=false -Dgateway.store.postgres-active=true
        "-Dquarkus.datasource.pg.jdbc.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$PG_SCHEMA"
        -Dquarkus.flyway.pg.schemas=$PG_SCHEMA -Dquarkus.flyway.pg.create-schemas=true)
else
    STORE_NAME="H2 (embedded; PostgreSQL not reachable)"
    STORE_ARGS=()
fi

# ---- run 0: the embedded H2 store (the default run, the sandbox), authentication path alone. First, on the machine
# as quiet as the main gateway's start finds it: started after the load phases, its start-up measured PostgreSQL's
# checkpoint of the large store too (Flyway's migrations took 0.9 s instead of 0.5 s on a quiet machine).
if [ -n "$PG_SCHEMA" ] && [ -z "${BENCH_SCENARIOS:-}" ]; then
    settle
    start_gateway gateway-h2 "$WORK/gw-h2"
    record_start "gateway, H2 store" "$WORK/gateway-h2.log" "$GW_PID"
    driver suite "${COMMON[@]}" pid="$GW_PID" sandbox="$WORK/gw-h2/sandbox" signature-state="$WORK/gw-h2/signatures-used" \
        scenarios=apicheck label="H2 store"
    stop_gateway
fi

# ---- run 1: every scenario, the main store
SCENARIOS=${BENCH_SCENARIOS:-card-read,apicheck,tx-card-read,tx-card-get,nginx-card-get,credit,tx-transfer}
if [ -n "${BENCH_SCENARIOS:-}" ]; then BENCH_NO_DOC=1; fi
settle
start_gateway gateway-main "$WORK/gw-main" "${STORE_ARGS[@]}"
record_start "gateway, $STORE_NAME" "$WORK/gateway-main.log" "$GW_PID"
driver suite "${COMMON[@]}" pid="$GW_PID" sandbox="$WORK/gw-main/sandbox" signature-state="$WORK/gw-main/signatures-used" \
    sim-pid="$SIM_PID" tx-ids-file="$WORK/tx-ids" scenarios="$SCENARIOS" \
    rates="${BENCH_RATES-100,500,1000}" half-of=card-read,apicheck half-for=card-read,apicheck,tx-card-read,tx-card-get,nginx-card-get

# wrk cross-check of the load driver itself on the simplest route (is the JVM client the limit?)
AUTH=$(printf %s tx-sandbox:tx-sandbox-secret | base64 -w0)
CARD_ID=$(cut -d' ' -f3 "$WORK/tx-ids" 2>/dev/null || true)
if [ -n "$CARD_ID" ]; then
    wrk -t2 -c32 -d"${SAT}s" -H "Authorization: Basic $AUTH" "http://127.0.0.1:$SIM_PORT/tx/v1/card?ref%5Bid%5D=$CARD_ID" >"$WORK/wrk.txt" 2>&1 || true
    printf 'tx-card-get (wrk -t2 -c32)\tsaturation c=32\t-\t%s\t-\t-\t-\t-\t-\t-\t-\t-1\t-1\twrk cross-check of the driver\n' \
        "$(grep 'Requests/sec' "$WORK/wrk.txt" | awk '{print $2}')" >>"$RESULTS"
fi

# ---- large store: the same gateway and schema filled by SQL (bench/fill-large-store.sql: 10^6 journal rows, 10^6
# spent validation data of the run's own partner, 10^6 idempotency answers, 10^5 accounts and cards, 10^6 delivered
# webhook events, the rest under partner ids the run never uses),
# then the card read and the credit again; compared with run 1's on the empty store ("Targets").
if [ -n "$PG_SCHEMA" ] && [ -z "${BENCH_SKIP_LARGE:-}" ] && [ -z "${BENCH_SCENARIOS:-}" ]; then
    log "filling the store (large-store scenario)"
    FILL_START=$(date +%s)
    psql -q -v ON_ERROR_STOP=1 -v schema="$PG_SCHEMA" -h 127.0.0.1 -U postgres -d test -f bench/fill-large-store.sql >/dev/null
    log "store filled in $(( $(date +%s) - FILL_START )) s"
    driver suite "${COMMON[@]}" pid="$GW_PID" sandbox="$WORK/gw-main/sandbox" signature-state="$WORK/gw-main/signatures-used" \
        sim-pid="$SIM_PID" scenarios=card-read,credit rates= label="large store"
fi

# ---- tokens: after the measured load phases (every token supersedes the previous one, and its bcrypt backlog is
# absorbed by the next phase's warm-up), before the profiles (the profilers' buffers stay in the process's RSS)
if [ -z "${BENCH_SCENARIOS:-}" ]; then
    driver suite "${COMMON[@]}" pid="$GW_PID" sandbox="$WORK/gw-main/sandbox" signature-state="$WORK/gw-main/signatures-used" \
        scenarios=token
fi

# ---- where the time goes, 1: async-profiler (itimer: every thread's CPU time, system calls and the JVM's own threads
# included) on the signed read path, in a phase of its own without JFR, whose start sends the JIT recompiling. The
# library comes from Maven Central (tools.profiler:async-profiler), cached in bench/.cache; BENCH_ASYNC_PROFILER=0
# leaves the phase out, BENCH_ASYNC_PROFILER=<libasyncProfiler.so> uses another build.
PROFILED=${BENCH_PROFILE:-card-read}
grep -q $'^card-read\tsaturation.*not available' "$RESULTS" && PROFILED=apicheck
ASPROF=${BENCH_ASYNC_PROFILER:-}
if [ -z "$ASPROF" ] && [ "$(uname -sm)" = "Linux x86_64" ]; then
    ASPROF=$CACHE/async-profiler-$ASPROF_VERSION/linux-x64/libasyncProfiler.so
    if [ ! -f "$ASPROF" ]; then
        log "fetching async-profiler $ASPROF_VERSION from Maven Central"
        if ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$ASPROF_VERSION -DoutputDirectory="$CACHE" >"$WORK/asprof-fetch.log" 2>&1; then
            unzip -q -o "$CACHE/async-profiler-$ASPROF_VERSION.jar" 'linux-x64/*' -d "$CACHE/async-profiler-$ASPROF_VERSION"
        fi
        [ -f "$ASPROF" ] || { log "no async-profiler (see $WORK/asprof-fetch.log): native profile left out"; ASPROF=""; }
    fi
fi
[ "$ASPROF" = 0 ] && ASPROF=""
if [ -n "$ASPROF" ]; then
    driver suite "${COMMON[@]}" results="$WORK/native.tsv" pid="$GW_PID" sandbox="$WORK/gw-main/sandbox" \
        signature-state="$WORK/gw-main/signatures-used" scenarios=$PROFILED rates= label="native profile" \
        native-profiler="$ASPROF" native-profile-file="$WORK/gateway-native.collapsed"
    driver native-top file="$WORK/gateway-native.collapsed" cpu-file="$WORK/native.tsv.cpu" >"$WORK/native-top.md"
fi

# ---- where the time goes, 2: JFR on the signed read path under load. After the large store, not before: a JFR
# recording leaves its buffers in the gateway (~25 MB of RSS) and makes the JIT recompile, which the large-store
# phases would otherwise carry.
driver suite "${COMMON[@]}" results="$WORK/profile.tsv" pid="$GW_PID" sandbox="$WORK/gw-main/sandbox" \
    signature-state="$WORK/gw-main/signatures-used" scenarios=$PROFILED rates= label=profiled jfr-file="$WORK/gateway.jfr"
driver jfr-top file="$WORK/gateway.jfr" top=15 >"$WORK/jfr-top.md"
# The recording's own buffers raised the gateway's RSS: reset its peak (VmHWM), so that the later phases' peak column
# shows what they need, not the profiler's footprint.
echo 5 >"/proc/$GW_PID/clear_refs" 2>/dev/null || log "could not reset the gateway's peak RSS after the profile"
if [ -n "${BENCH_SCENARIOS:-}" ] && [ -z "${BENCH_RATE_LIMITS:-}" ]; then
    cat "$RESULTS" >&2; cat "$WORK/jfr-top.md" >&2; [ ! -f "$WORK/native-top.md" ] || cat "$WORK/native-top.md" >&2; exit 0
fi
# credits journaled: one operation row per approved credit (plus the card orders), the filler's rows left out
JOURNAL=""
if [ -n "$PG_SCHEMA" ]; then
    JOURNAL=$(psql -At -F' ' -h 127.0.0.1 -U postgres -d test -c \
        "SELECT state, count(*) FROM $PG_SCHEMA.operation WHERE kind = 'CARD_CREDIT' AND partner_id NOT LIKE 'bench-filler-%' GROUP BY state" 2>/dev/null | tr '\n' ',' || echo "n/a")
    JOURNAL="card credits in \`operation\` by state: ${JOURNAL%,}; credits answered 200 (access log, warm-up included): $(grep -c 'POST /v1.0/cards/{card_ref}/credit 200' "$WORK/gateway-main.log" || true)"
fi

stop_gateway

# ---- runs 2: what counting the rate limits costs, on the authentication path alone: three fresh gateways on fresh
# PostgreSQL schemas, the limits off (the control), counted in PostgreSQL, counted in Redis. Each compared with the
# control, not with run 1's apicheck: that gateway has served ~100,000 requests before its apicheck phase and its JIT
# is done (0.02 ms per request), while a fresh gateway's JIT was still a quarter of its CPU after the usual warm-up
# (the run of d8ed0d1: 3.3x against run 1, 1.3x against a fresh control). So each of the three warms up on as many
# requests as run 1's gateway had served (RL_WARMUP). Fresh schemas: run 1's webhook backlog and reconciler work
# would otherwise run during the phase. Each has a fresh replay store, so its signatures start from the first.
# Limits far above the load: the phases measure what counting costs (three counters per request), not refusals.
RL_WARMUP=${BENCH_RL_WARMUP_OPS:-100000}
rate_limited_run() { # name schema-suffix label rates extra-args...
    local name=$1 schema=${PG_SCHEMA}_$2 label=$3 rates=$4; shift 4
    start_gateway "gateway-$name" "$WORK/gw-$name" -Dgateway.store.embedded-active=false -Dgateway.store.postgres-active=true \
        "-Dquarkus.datasource.pg.jdbc.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
        -Dquarkus.flyway.pg.schemas=$schema -Dquarkus.flyway.pg.create-schemas=true \
        -Dgateway.security.rate-limit.per-ip=1000000000 -Dgateway.security.rate-limit.per-user=1000000000 \
        -Dgateway.security.rate-limit.per-functionality=1000000000 "$@"
    driver suite "${COMMON[@]}" pid="$GW_PID" sandbox="$WORK/gw-$name/sandbox" signature-state="$WORK/gw-$name/signatures-used" \
        scenarios=apicheck rates="$rates" label="$label" warmup-ops="$RL_WARMUP" warmup-enough-seconds=180 warmup-max-seconds=180 "${STORE_ALSO[@]}"
    stop_gateway
}
if [ -n "$PG_SCHEMA" ]; then
    STORE_ALSO=()
    rate_limited_run ro ro "rate limits off" "" -Dgateway.security.rate-limit.enabled=false
    rate_limited_run rl rl "rate limits on" "${BENCH_RATES-100,500,1000}" -Dgateway.security.rate-limit.enabled=true
    # the production overlay's counters (gateway.store.rate-counters), when a Redis answers on 127.0.0.1:6379; its
    # server's CPU is counted with PostgreSQL's in the per-process table
    if (echo >/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
        STORE_ALSO=(store-also=redis-server)
        rate_limited_run rr rr "rate limits in Redis" "" -Dgateway.security.rate-limit.enabled=true \
            -Dgateway.store.rate-counters=redis -Dgateway.store.redis-key-prefix="bench:$(date +%s):"
    fi
fi

if [ -n "${BENCH_SCENARIOS:-}" ]; then
    driver report results="$RESULTS" startup="$STARTUP" >&2; exit 0
fi

# ---- the report
{
    echo "<!-- bench:results:start (written by bench/run.sh; edits here are overwritten) -->"
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (dirty)'),"
    echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)."
    echo "Main store: $STORE_NAME. Phases: ${SAT} s saturation (after a warm-up until the throughput settles: 5-s windows, >= 20,000 operations, at most 150 s), ${RATE_SECS} s per fixed rate."
    echo "Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)."
    echo "Journal check: ${JOURNAL:-n/a (no PostgreSQL)}."
    echo
    driver report results="$RESULTS" startup="$STARTUP"
    echo
    echo "**JFR, signed read path ($PROFILED, warm, closed loop ${SAT} s, \`settings=profile\`): $(grep -m1 saturation "$WORK/profile.tsv" | cut -f4) req/s, $(grep -m1 saturation "$WORK/profile.tsv" | cut -f11) cores**"
    echo
    cat "$WORK/jfr-top.md"
    if [ -f "$WORK/native-top.md" ]; then
        echo "**async-profiler, signed read path ($PROFILED, warm, closed loop ${SAT} s, \`event=itimer\`, no JFR): $(grep -m1 saturation "$WORK/native.tsv" | cut -f4) req/s; where the gateway's CPU goes**"
        echo
        cat "$WORK/native-top.md"
    fi
    echo "<!-- bench:results:end -->"
} >"$WORK/section.md"
cat "$WORK/section.md"
if [ -z "${BENCH_NO_DOC:-}" ]; then
    DOC=docs/performance.md
    if grep -q 'bench:results:start' "$DOC"; then
        awk -v f="$WORK/section.md" '
            /bench:results:start/ { while ((getline l < f) > 0) print l; skip=1; next }
            /bench:results:end/ { skip=0; next }
            !skip { print }' "$DOC" >"$WORK/doc.md" && cp "$WORK/doc.md" "$DOC"
    else
        cat "$WORK/section.md" >>"$DOC"
    fi
    log "results written to $DOC"
fi

#!/bin/sh
# Writes the gateway's class-data-sharing archive (AppCDS): the classes a start-up loads, parsed and verified once
# here instead of at every start. Used by deploy/Dockerfile and bench/run.sh; docs/operations.md, "Start-up".
#
#   deploy/cds-archive.sh <quarkus-run.jar> <archive.jsa> [java options of the runs that will use it]
#
# It starts the gateway once in sandbox mode (embedded H2 and TX simulator, a throw-away data directory, a free
# port: nothing outside the process is needed), stops it when it has started, and the JVM writes every class it
# loaded to the archive at exit (-XX:ArchiveClassesAtExit). A JVM started with -XX:SharedArchiveFile=<archive.jsa>
# and `-jar` on the same jar path then maps those classes instead of loading them. The archive is only valid for
# the JVM build that wrote it and that exact jar path: on anything else the JVM warns, ignores it, and starts the
# usual way. So it is written where it will be used (in the image, by the image's own JVM).
set -eu

jar=$1
archive=$2
shift 2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

rm -f "$archive"
# The options of the runs that will use the archive ($@) come first: they decide the heap's size and so whether
# compressed references are on, which must match between the run that writes an archive and the runs that map it.
java "$@" -XX:ArchiveClassesAtExit="$archive" \
    -Dquarkus.profile=sandbox -Dgateway.data-dir="$data" -Dquarkus.http.port=0 \
    -jar "$jar" >"$data/start.log" 2>&1 &
pid=$!

waited=0
until grep -q 'started in' "$data/start.log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 1200 ]; then
        echo "cds-archive: the gateway did not start; its output:" >&2
        cat "$data/start.log" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
done

# SIGTERM: the graceful shutdown, then the JVM's exit, which writes the archive.
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$archive" ]; then
    echo "cds-archive: no archive written to $archive; the gateway's output:" >&2
    cat "$data/start.log" >&2
    exit 1
fi
echo "cds-archive: $archive ($(du -k "$archive" | cut -f1) KB)"

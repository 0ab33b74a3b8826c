#!/usr/bin/env bash
# The benchmark in one run: I/O floor, bare YAML parse and `rapport audit`, on one
# synthetic book, on this machine, with the same thread pool size for all three.
#
#   bench/run.sh                       # 2,000 clients (≈110,000 files) in a temp folder
#   BENCH_CLIENTS=200 bench/run.sh     # a quick run
#   BENCH_BOOK=/tmp/book bench/run.sh  # generate there once, reuse on later runs
#
# Other knobs: BENCH_RUNS (timed runs, default 3, after one warm-up), BENCH_TODAY (the
# audit's --today, default 2026-11-27), RAYON_NUM_THREADS (passed through to everything).
# Prints a Markdown table ready to paste into the README. Needs /usr/bin/time (Debian
# package `time`) for peak RSS; without it RSS is reported as n/a.
set -euo pipefail

cd "$(dirname "$0")/.."

CLIENTS="${BENCH_CLIENTS:-2000}"
RUNS="${BENCH_RUNS:-3}"
TODAY="${BENCH_TODAY:-2026-11-27}"
TARGET="${CARGO_TARGET_DIR:-target}/release"

say() { printf '%s\n' "$*" >&2; }

WORK="$(mktemp -d -t rapport-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# --- build ------------------------------------------------------------------------------
say "== building (cargo build --release --examples --bins)"
HAVE_RAPPORT=1
if ! cargo build --release --examples --bins 2>"$WORK/build.log"; then
    say "!! full build failed; building only the benchmark examples (rapport will be n/a):"
    tail -n 15 "$WORK/build.log" >&2 || true
    HAVE_RAPPORT=0
    if ! cargo build --release --example gen_book --example bench_parse 2>"$WORK/build.log"; then
        tail -n 30 "$WORK/build.log" >&2 || true
        say "!! cannot build the benchmark examples"
        exit 1
    fi
fi
GEN="$TARGET/examples/gen_book"
PARSE="$TARGET/examples/bench_parse"
RAPPORT="$TARGET/rapport"

# --- the book ---------------------------------------------------------------------------
if [[ -n "${BENCH_BOOK:-}" ]]; then
    BOOK="$BENCH_BOOK"
    if [[ -f "$BOOK/rapport.yaml" ]]; then
        say "== reusing the book in $BOOK (BENCH_CLIENTS is ignored for an existing book)"
    else
        say "== generating $CLIENTS clients into $BOOK"
        "$GEN" "$BOOK" --clients "$CLIENTS" >&2
    fi
else
    BOOK="$WORK/book"
    say "== generating $CLIENTS clients into $BOOK"
    "$GEN" "$BOOK" --clients "$CLIENTS" >&2
fi

# --- floor and bare parse ---------------------------------------------------------------
say "== floor and bare parse (best of $RUNS after a warm-up)"
"$PARSE" "$BOOK" --runs "$RUNS" >"$WORK/parse.jsonl"
cat "$WORK/parse.jsonl" >&2

# Reads one numeric field of the JSON line whose "what" is $1.
field() {
    grep "\"what\":\"$1\"" "$WORK/parse.jsonl" | sed -E "s/.*\"$2\":([0-9.eE+-]+).*/\\1/"
}
FLOOR="$(field io_floor seconds)"
BARE="$(field bare_parse seconds)"
FILES="$(field io_floor files)"
BYTES="$(field io_floor bytes)"
THREADS="$(field io_floor threads)"
PARSE_ERRORS="$(field bare_parse errors)"
FLOOR_CPU="$(field io_floor cpu_seconds)"
BARE_CPU="$(field bare_parse cpu_seconds)"
[[ "$FLOOR_CPU" =~ ^[0-9.]+$ ]] || FLOOR_CPU="n/a"
[[ "$BARE_CPU" =~ ^[0-9.]+$ ]] || BARE_CPU="n/a"

# --- rapport audit ----------------------------------------------------------------------
now_ns() { date +%s%N; }

# measure NAME ARGS...: `rapport ARGS...`, one warm-up (under /usr/bin/time -v for peak
# RSS), then $RUNS timed runs. Sets <NAME>_WALL, <NAME>_CPU, <NAME>_RSS and <NAME>_NOTE.
measure() {
    local name="$1"
    shift
    local cmd=("$RAPPORT" "$@")
    local code rss_kb best="" best_cpu="" cpu dt t0 t1
    local wall="n/a" cpus="n/a" rss="n/a" note=""
    say "== rapport $* (best of $RUNS after a warm-up)"
    set +e
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -v -o "$WORK/time.txt" "${cmd[@]}" >/dev/null 2>"$WORK/audit.err"
        code=$?
        rss_kb="$(sed -nE 's/^[[:space:]]*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$WORK/time.txt")"
        [[ -n "$rss_kb" ]] && rss="$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f MB", k / 1024 }')"
    else
        "${cmd[@]}" >/dev/null 2>"$WORK/audit.err"
        code=$?
    fi
    set -e
    if (( code > 2 )); then
        say "!! rapport $1 exited with $code; stderr:"
        head -n 20 "$WORK/audit.err" >&2 || true
        note="exit $code: failed"
        rss="n/a"
    else
        (( code != 0 )) && note="exit $code"
        for _ in $(seq "$RUNS"); do
            cpu=""
            t0="$(now_ns)"
            if [[ -x /usr/bin/time ]]; then
                /usr/bin/time -f '%U %S' -o "$WORK/cpu.txt" "${cmd[@]}" >/dev/null 2>&1 || true
                cpu="$(awk 'END { printf "%.2f", $1 + $2 }' "$WORK/cpu.txt" 2>/dev/null || true)"
            else
                "${cmd[@]}" >/dev/null 2>&1 || true
            fi
            t1="$(now_ns)"
            dt="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')"
            say "   run: $dt s${cpu:+ (CPU $cpu s)}"
            if [[ -z "$best" ]] || awk -v a="$dt" -v b="$best" 'BEGIN { exit !(a < b) }'; then
                best="$dt"
            fi
            if [[ -n "$cpu" ]] && { [[ -z "$best_cpu" ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; }; then
                best_cpu="$cpu"
            fi
        done
        wall="$best"
        [[ -n "$best_cpu" ]] && cpus="$best_cpu"
    fi
    printf -v "${name}_WALL" '%s' "$wall"
    printf -v "${name}_CPU" '%s' "$cpus"
    printf -v "${name}_RSS" '%s' "$rss"
    printf -v "${name}_NOTE" '%s' "$note"
}

# measure_audit NAME [EXTRA ARGS...]: `rapport audit --format json` on the book.
measure_audit() {
    local name="$1"
    shift
    measure "$name" audit --book "$BOOK" --format json --today "$TODAY" "$@"
}

HAVE_AUDIT=0
HAVE_NO_CACHE=0
if [[ "$HAVE_RAPPORT" == 1 && -x "$RAPPORT" ]] && "$RAPPORT" audit --help >"$WORK/audit-help.txt" 2>&1; then
    HAVE_AUDIT=1
    grep -q -- '--no-cache' "$WORK/audit-help.txt" && HAVE_NO_CACHE=1
else
    say "== rapport audit: not available (binary missing or no 'audit' command yet) -> n/a"
fi
if [[ "$HAVE_AUDIT" == 1 && "$HAVE_NO_CACHE" == 1 ]]; then
    # Cold: every file parsed anew. Then warm: the default run, with the parse cache
    # filled by its own warm-up.
    measure_audit COLD --no-cache
    measure_audit WARM
    # Validation only: the E-codes, no rule of the rulebook.
    ECODES=()
    for n in 1 2 3 4 5 6 7 8; do ECODES+=(--rule "E0$n"); done
    measure_audit VCOLD --no-cache "${ECODES[@]}"
    measure_audit VWARM "${ECODES[@]}"
    # One client's card: the middle client folder, loaded alone.
    SHOW_CLIENT="$(find "$BOOK/clients" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort |
        awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')"
    measure SHOW show "$SHOW_CLIENT" --book "$BOOK" --today "$TODAY"
elif [[ "$HAVE_AUDIT" == 1 ]]; then
    measure_audit COLD
fi

# --- the table --------------------------------------------------------------------------
ratio() { # ratio SECONDS BASE
    if [[ "$1" == "n/a" || "$2" == "n/a" || -z "$1" || -z "$2" ]]; then echo "n/a"; else
        awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; fi
}
secs() { if [[ "$1" == "n/a" ]]; then echo "n/a"; else awk -v a="$1" 'BEGIN { printf "%.3f", a }'; fi; }
row() { # row LABEL NOTE WALL
    local label="$1"
    [[ -n "$2" ]] && label="$label, $2"
    echo "| $label | $(secs "$3") | $(ratio "$3" "$FLOOR") | $(ratio "$3" "$BARE") |"
}

MB="$(awk -v b="$BYTES" 'BEGIN { printf "%.0f", b / 1e6 }')"
CLIENT_DIRS="$(find "$BOOK/clients" -mindepth 1 -maxdepth 1 -type d | wc -l)"

echo
echo "Book: ${FILES} YAML files (${MB} MB) in ${CLIENT_DIRS} client folders; $(nproc) cores, ${THREADS} threads; warm page cache; best of ${RUNS} after a warm-up."
echo
echo "| what | seconds | × I/O floor | × bare parse |"
echo "|---|---:|---:|---:|"
row "walk + read every file (I/O floor)" "" "$FLOOR"
row "walk + read + YAML event parse (bare parse)" "" "$BARE"
if [[ "$HAVE_AUDIT" == 1 && "$HAVE_NO_CACHE" == 1 ]]; then
    row "\`rapport audit --format json --no-cache\` (cold: parses every file)" "$COLD_NOTE" "$COLD_WALL"
    row "\`rapport audit --format json\` (parse cache warm)" "$WARM_NOTE" "$WARM_WALL"
    row "validation only (\`--rule E01 … --rule E08\`), cold" "$VCOLD_NOTE" "$VCOLD_WALL"
    row "validation only, parse cache warm" "$VWARM_NOTE" "$VWARM_WALL"
    row "\`rapport show CLIENT\` (one client's card)" "$SHOW_NOTE" "$SHOW_WALL"
elif [[ "$HAVE_AUDIT" == 1 ]]; then
    row "\`rapport audit --format json\`" "$COLD_NOTE" "$COLD_WALL"
else
    row "\`rapport audit --format json\`" "" "n/a"
fi
echo
echo "Seconds are wall time of the whole process for \`rapport\`, in-process for the first two."
if [[ "$HAVE_AUDIT" == 1 ]]; then
    if [[ "$HAVE_NO_CACHE" == 1 ]]; then
        echo "Peak RSS of \`rapport audit\`: ${COLD_RSS} cold, ${WARM_RSS} with the cache."
    else
        echo "Peak RSS of \`rapport audit\`: ${COLD_RSS}."
    fi
    CPU_LINE="I/O floor $(secs "$FLOOR_CPU") s, bare parse $(secs "$BARE_CPU") s, audit $(secs "$COLD_CPU") s ($(ratio "$COLD_CPU" "$BARE_CPU") × bare parse)"
    [[ "$HAVE_NO_CACHE" == 1 ]] && CPU_LINE="$CPU_LINE cold, $(secs "$WARM_CPU") s with the cache"
else
    echo "Peak RSS of \`rapport audit\`: n/a."
    CPU_LINE="I/O floor $(secs "$FLOOR_CPU") s, bare parse $(secs "$BARE_CPU") s, audit n/a"
fi
echo "CPU time (user + system, all threads, best run; less disturbed by other load than"
echo "wall time): ${CPU_LINE}."
if [[ "$PARSE_ERRORS" != "0" ]]; then
    echo
    echo "Warning: ${PARSE_ERRORS} file(s) failed the bare YAML parse (see stderr)."
fi

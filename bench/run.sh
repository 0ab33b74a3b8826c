#!/usr/bin/env bash
# The benchmark in one run: every read command of rapport, the audit cold and warm, the
# I/O floor, the bare YAML parse and ripgrep, on a synthetic book and on a quarter of it,
# on this machine, with the same thread pool size for all.
#
#   bench/run.sh                       # 2,000 clients (≈110,000 files) + 500, in a temp folder
#   BENCH_CLIENTS=200 bench/run.sh     # a quick run (200 + 50 clients)
#   BENCH_BOOK=/tmp/book bench/run.sh  # generate there once (and /tmp/book-quarter), reuse later
#
# Knobs:
#   BENCH_CLIENTS  clients of the whole book (default 2000); the quarter book has a quarter
#                  of them. Ignored for an existing BENCH_BOOK: its own client count is used.
#   BENCH_BOOK     the whole book's folder: reused if it holds a rapport.yaml, else generated.
#   BENCH_QUARTER  the quarter book's folder (default: "$BENCH_BOOK-quarter" with
#                  BENCH_BOOK, else in the temp folder); reused if it holds a rapport.yaml.
#   BENCH_SEED     gen_book's --seed for both books (default: gen_book's own default).
#   BENCH_RUNS     timed rounds, default 5, after one warm-up round; best of them is kept.
#   BENCH_TODAY    --today of every command (default 2026-11-27, the generator's today).
#   BENCH_RG       the ripgrep binary (default: rg on PATH). Not installed by this script:
#                  without it the ripgrep rows and target are n/a, with how to install it.
#   BENCH_HISTORY  commits of the history book (default 300): the whole book's clients
#                  generated again with `gen_book --history N`, a git repository whose
#                  commits move deadlines and re-date sent invoices, for the audit's
#                  history checks (R08, D05) and `--since`.
#   BENCH_HISTORY_BOOK  its folder: reused if it holds a rapport.yaml, else generated.
#   RAYON_NUM_THREADS  passed through to rapport and bench_parse.
#
# Timing: one warm-up round runs every command once on both books (it fills rapport's
# parse cache and records exit codes), then BENCH_RUNS rounds run every command once
# each, in the same order, whole book then quarter book; each command keeps its best
# round. The floor and the bare parse take part in the rounds too (bench_parse --runs 1). Interleaving spreads a burst of load from other processes over all commands
# instead of ruining one command's every run. Each command is timed in the cache state
# its own previous run left (see run() below: `agenda` and `audit` rewrite each other's
# located.bin, so one untimed run restores it first). CPU time (user + system, all
# threads) is shown beside wall time: it is less disturbed by other load. Needs
# /usr/bin/time (Debian package `time`) for CPU time and peak RSS; without it both are n/a.
#
# Output: progress on stderr; on stdout two Markdown tables ready for the README, the
# ratios, peak RSS and a verdict per target (MET / NOT MET, with the numbers). Exits 0
# even when a target is not met; exits 1 after the tables when a command failed (exit 2,
# or a crash: exit > 2), which is also printed loudly.
set -euo pipefail

cd "$(dirname "$0")/.."

CLIENTS="${BENCH_CLIENTS:-2000}"
RUNS="${BENCH_RUNS:-5}"
TODAY="${BENCH_TODAY:-2026-11-27}"
RG="${BENCH_RG:-rg}"
TARGET="${CARGO_TARGET_DIR:-target}/release"

say() { printf '%s\n' "$*" >&2; }
die() { say "!! $*"; exit 1; }

[[ "$CLIENTS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_CLIENTS must be a positive number, not '$CLIENTS'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, not '$RUNS'"

WORK="$(mktemp -d -t rapport-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
START_NS="$(date +%s%N)"

# --- build ------------------------------------------------------------------------------
say "== building (cargo build --release --examples --bins)"
HAVE_RAPPORT=1
if ! cargo build --release --examples --bins 2>"$WORK/build.log"; then
    say "!! full build failed; building only the benchmark examples (rapport will be n/a):"
    tail -n 15 "$WORK/build.log" >&2 || true
    HAVE_RAPPORT=0
    if ! cargo build --release --example gen_book --example bench_parse 2>"$WORK/build.log"; then
        tail -n 30 "$WORK/build.log" >&2 || true
        die "cannot build the benchmark examples"
    fi
fi
GEN="$TARGET/examples/gen_book"
PARSE="$TARGET/examples/bench_parse"
RAPPORT="$TARGET/rapport"
[[ -x "$RAPPORT" ]] || HAVE_RAPPORT=0

HAVE_TIME=0
if [[ -x /usr/bin/time ]]; then
    HAVE_TIME=1
else
    say "!! /usr/bin/time is missing: CPU time and peak RSS will be n/a (sudo apt-get install time)"
fi

HAVE_RG=0
RG_VERSION="n/a"
if command -v "$RG" >/dev/null 2>&1; then
    HAVE_RG=1
    RG_VERSION="$("$RG" --version | head -n 1)"
else
    say "!! ripgrep ('$RG') not found: its rows and target will be n/a."
    say "!!   install it with: sudo apt-get install ripgrep   (Debian/Ubuntu), or set BENCH_RG"
fi

# --- the two books ----------------------------------------------------------------------
SEED_ARGS=()
[[ -n "${BENCH_SEED:-}" ]] && SEED_ARGS=(--seed "$BENCH_SEED")

client_count() { find "$1/clients" -mindepth 1 -maxdepth 1 -type d | wc -l; }

# book_at DIR CLIENTS: reuse the book in DIR, or generate CLIENTS clients into it.
book_at() {
    if [[ -f "$1/rapport.yaml" ]]; then
        say "== reusing the book in $1 ($(client_count "$1") clients)"
    else
        say "== generating $2 clients into $1"
        "$GEN" "$1" --clients "$2" "${SEED_ARGS[@]}" >&2
    fi
}

if [[ -n "${BENCH_BOOK:-}" ]]; then
    WHOLE_BOOK="$BENCH_BOOK"
    QUARTER_BOOK="${BENCH_QUARTER:-${BENCH_BOOK%/}-quarter}"
    [[ -f "$WHOLE_BOOK/rapport.yaml" ]] && say "== BENCH_CLIENTS is ignored for an existing book"
else
    WHOLE_BOOK="$WORK/book"
    QUARTER_BOOK="${BENCH_QUARTER:-$WORK/quarter}"
fi
book_at "$WHOLE_BOOK" "$CLIENTS"
WHOLE_CLIENTS="$(client_count "$WHOLE_BOOK")"
QUARTER_WANT=$(( WHOLE_CLIENTS / 4 ))
(( QUARTER_WANT >= 1 )) || die "the whole book has $WHOLE_CLIENTS clients: too few for a quarter"
book_at "$QUARTER_BOOK" "$QUARTER_WANT"
QUARTER_CLIENTS="$(client_count "$QUARTER_BOOK")"
QUARTER_WARNING=""
if (( QUARTER_CLIENTS != QUARTER_WANT )); then
    QUARTER_WARNING="Warning: the quarter book has $QUARTER_CLIENTS clients, not $QUARTER_WANT (a quarter of $WHOLE_CLIENTS): growth is not whole / quarter."
    say "!! $QUARTER_WARNING"
fi

# The history book: the whole book's clients, a git repository of BENCH_HISTORY commits.
HISTORY_COMMITS="${BENCH_HISTORY:-300}"
[[ "$HISTORY_COMMITS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_HISTORY must be a positive number, not '$HISTORY_COMMITS'"
HISTORY_BOOK="${BENCH_HISTORY_BOOK:-$WORK/history}"
if [[ -f "$HISTORY_BOOK/rapport.yaml" ]]; then
    say "== reusing the history book in $HISTORY_BOOK"
else
    say "== generating $WHOLE_CLIENTS clients with a history of $HISTORY_COMMITS commits into $HISTORY_BOOK"
    "$GEN" "$HISTORY_BOOK" --clients "$WHOLE_CLIENTS" "${SEED_ARGS[@]}" --history "$HISTORY_COMMITS" >&2
fi

BOOKS=(whole quarter)
declare -A BOOK_DIR=([whole]="$WHOLE_BOOK" [quarter]="$QUARTER_BOOK")
declare -A BOOK_CLIENTS=([whole]="$WHOLE_CLIENTS" [quarter]="$QUARTER_CLIENTS")

# The middle client (by folder name), and the first of its projects with an estimate (or,
# if it has none, the first such project of the book).
declare -A MIDDLE PROJECT
for b in "${BOOKS[@]}"; do
    dir="${BOOK_DIR[$b]}"
    MIDDLE[$b]="$(find "$dir/clients" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort |
        awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')"
    file="$(grep -l -s '^estimate:' "$dir/clients/${MIDDLE[$b]}"/projects/*.yaml | LC_ALL=C sort | head -n 1 || true)"
    if [[ -z "$file" ]]; then
        file="$(grep -r -l --include='*.yaml' '^estimate:' "$dir/clients" | grep '/projects/' | LC_ALL=C sort | head -n 1 || true)"
    fi
    if [[ -n "$file" ]]; then
        # clients/CLIENT/projects/PROJECT.yaml -> CLIENT/PROJECT
        project="$(basename "$file" .yaml)"
        PROJECT[$b]="$(basename "$(dirname "$(dirname "$file")")")/$project"
    else
        PROJECT[$b]=""
        say "!! no project with an estimate in $dir: \`estimate\` will be n/a"
    fi
    say "== $b book: middle client ${MIDDLE[$b]}, estimate of ${PROJECT[$b]:-none}"
done

# --- floor and bare parse (in-process, by bench_parse) --------------------------------
declare -A WALL CPU RSS CODE NOTE

# field BOOK WHAT KEY: one numeric field of the bench_parse JSON line whose "what" is WHAT
# (from its latest run on BOOK).
field() {
    local v
    v="$(grep "\"what\":\"$2\"" "$WORK/parse-$1.jsonl" | sed -E "s/.*\"$3\":([0-9.eE+-]+).*/\\1/")"
    [[ "$v" =~ ^[0-9.eE+-]+$ ]] && echo "$v" || echo "n/a"
}

# parse_round BOOK ROUND: bench_parse once on BOOK (`--runs 1`: its own warm-up, then one
# timed run of the walk, the I/O floor and the bare parse), taking part in the rounds like
# every command, so that a burst of load cannot skew it alone. Keeps the best round.
parse_round() {
    local b="$1" round="$2" key what v
    "$PARSE" "${BOOK_DIR[$b]}" --runs 1 >"$WORK/parse-$b.jsonl"
    (( round > 0 )) || return 0
    for key in floor parse; do
        [[ "$key" == floor ]] && what=io_floor || what=bare_parse
        v="$(field "$b" "$what" seconds)"
        say "   $b $key: $v s (CPU $(field "$b" "$what" cpu_seconds) s, in-process)"
        if [[ "$v" != n/a ]] && { [[ -z "${WALL[$key/$b]:-}" ]] || awk -v a="$v" -v b="${WALL[$key/$b]}" 'BEGIN { exit !(a < b) }'; }; then
            WALL[$key/$b]="$v"
            CPU[$key/$b]="$(field "$b" "$what" cpu_seconds)"
        fi
    done
}

# --- the commands -----------------------------------------------------------------------
# Every key below is run on both books. READ_KEYS are the read commands (the targets on
# every command apply to them); AUDIT_KEYS are the audit's variants, ripgrep, and the
# SQLite export (a writer that runs the audit and more: timed, no target).
READ_KEYS=(clients show agenda invoices overdue renewals budget estimate upsell digest calendar rules audit tasks)
AUDIT_KEYS=(cold warm vcold vwarm rg rg_book sqlite site hwarm hoff hsince)
# Markdown labels: the backquotes are Markdown, not command substitution.
# shellcheck disable=SC2016
declare -A LABEL=(
    [clients]='`clients`'
    [show]='`show CLIENT` (the middle client)'
    [agenda]='`agenda --days 30`'
    [invoices]='`invoices`'
    [overdue]='`invoices --overdue`'
    [renewals]='`renewals`'
    [budget]='`budget`'
    [estimate]='`estimate CLIENT/PROJECT`'
    [upsell]='`upsell`'
    [digest]='`digest`'
    [calendar]='`calendar --out FILE`'
    [rules]='`rules`'
    [audit]='`audit` (human format)'
    [tasks]='`tasks`'
    [cold]='`audit --format json --no-cache` (cold: parses every file)'
    [warm]='`audit --format json` (parse cache warm)'
    [vcold]='validation only (`--rule E01 … --rule E08`), cold'
    [vwarm]='validation only, parse cache warm'
    [rg]='`rg -uuu -c NEVERMATCHES BOOK` (reads every file)'
    [rg_book]='the same without `.rapport/` (the parse cache)'
    [sqlite]='`export sqlite FILE` (the whole book as a database, findings included)'
    [site]='`site --out DIR` (the static site, every page; target ≤ 2 × the warm audit)'
    [hwarm]='history book: `audit --format json` (history checks on, caches warm; target ≤ 1.5 × the warm audit)'
    [hoff]='history book: `audit --format json --no-history`'
    [hsince]='history book: `audit --format json --since HEAD~10`'
)
ECODES=()
for n in 1 2 3 4 5 6 7 8; do ECODES+=(--rule "E0$n"); done

# argv KEY BOOK: sets ARGV to KEY's command line on BOOK (whole or quarter); returns 1 when
# KEY cannot run here (no rapport, no ripgrep, no project with an estimate).
argv() {
    local key="$1" b="$2" dir="${BOOK_DIR[$2]}"
    ARGV=()
    case "$key" in
        rg) (( HAVE_RG )) || return 1; ARGV=("$RG" -uuu -c NEVERMATCHES "$dir"); return 0 ;;
        rg_book) (( HAVE_RG )) || return 1; ARGV=("$RG" -uuu -c NEVERMATCHES --glob '!.rapport' "$dir"); return 0 ;;
        # The history book has the whole book's clients: no quarter of it.
        hwarm | hoff | hsince) [[ "$b" == whole ]] || return 1; dir="$HISTORY_BOOK" ;;
    esac
    (( HAVE_RAPPORT )) || return 1
    case "$key" in
        clients | invoices | renewals | budget | upsell | digest | rules | audit | tasks) ARGV=("$key") ;;
        show) ARGV=(show "${MIDDLE[$b]}") ;;
        agenda) ARGV=(agenda --days 30) ;;
        overdue) ARGV=(invoices --overdue) ;;
        estimate) [[ -n "${PROJECT[$b]}" ]] || return 1; ARGV=(estimate "${PROJECT[$b]}") ;;
        calendar) ARGV=(calendar --out "$WORK/calendar-$b.ics") ;;
        sqlite) ARGV=(export sqlite "$WORK/book-$b.db") ;;
        site) ARGV=(site --out "$WORK/site-$b") ;;
        cold) ARGV=(audit --format json --no-cache) ;;
        warm) ARGV=(audit --format json) ;;
        vcold) ARGV=(audit --format json --no-cache "${ECODES[@]}") ;;
        vwarm) ARGV=(audit --format json "${ECODES[@]}") ;;
        hwarm) ARGV=(audit --format json) ;;
        hoff) ARGV=(audit --format json --no-history) ;;
        hsince) ARGV=(audit --format json --since HEAD~10) ;;
        *) die "unknown command key $key" ;;
    esac
    ARGV=("$RAPPORT" "${ARGV[@]}" --book "$dir" --today "$TODAY")
}

# The rulebook's own cost, from the warm audit's RAPPORT_TIMINGS=1 phase lines on stderr:
# "rules" (the rules and their findings), "resolve" (placing findings on their lines),
# "render" (printing them). Sets PHASES to "rules resolve render" seconds, or "".
phases() {
    PHASES="$(awk '
        $1 == "timing:" && $3 == "s" && NF == 7 && ($7 == "rules" || $7 == "resolve" || $7 == "render") { t[$7] = $2; n++ }
        END { if (("rules" in t) && ("resolve" in t) && ("render" in t)) print t["rules"], t["resolve"], t["render"] }
    ' "$1")"
}

# The state of a book's parse cache (.rapport/): the content of its few top-level files
# (located.bin: where the findings are; contractors.bin), and the name, inode, size and
# mtime of each client's shard (.rapport/cache/clients/*.bin, 90 MB in all: too much to
# hash each time; rapport replaces a shard by renaming a new one over it, so a rewrite
# changes the inode whatever the clock's granularity).
cache_state() {
    local dir="${BOOK_DIR[$1]}/.rapport"
    [[ "${2:-}" == h* ]] && dir="$HISTORY_BOOK/.rapport"
    {
        find "$dir" -mindepth 3 -type f -printf '%P %i %s %T@\n' 2>/dev/null || true
        find "$dir" -maxdepth 2 -type f -exec cksum {} + 2>/dev/null || true
    } | LC_ALL=C sort | cksum
}

# exec_once KEY BOOK: runs ARGV once (stdout to /dev/null, stderr to a file); sets DT
# (wall seconds), RC, RUN_CPU (user + system seconds) and RUN_RSS (peak KB), the last two
# empty without /usr/bin/time. The warm audit runs with RAPPORT_TIMINGS=1.
exec_once() {
    local key="$1" b="$2" t0 t1 u s m envs=()
    [[ "$key" == calendar ]] && rm -f "$WORK/calendar-$b.ics"
    [[ "$key" == sqlite ]] && rm -f "$WORK/book-$b.db"
    # Each site build goes into a folder that does not exist yet, as in CI, and the last
    # build's is moved aside (one rename), not removed: removed just before, its 2,010
    # freed inodes would be timed too. On ext4 without a journal (this machine's), the
    # kernel steps over every inode freed in the last 30 seconds, one by one, to find a
    # free one (fs/ext4/ialloc.c, find_inode_bit and recently_deleted): 0.3-0.8 s of
    # system time, quadratic in the files just removed. The moved-aside sites go with
    # the temp folder at the end.
    if [[ "$key" == site && -e "$WORK/site-$b" ]]; then
        SITES_ASIDE=$(( ${SITES_ASIDE:-0} + 1 ))
        mkdir -p "$WORK/sites-aside"
        mv "$WORK/site-$b" "$WORK/sites-aside/$b-$SITES_ASIDE"
    fi
    [[ "$key" == warm ]] && envs=(RAPPORT_TIMINGS=1)
    ERR="$WORK/err-$key-$b"
    RUN_CPU=""
    RUN_RSS=""
    t0="$(date +%s%N)"
    set +e
    if (( HAVE_TIME )); then
        env "${envs[@]}" /usr/bin/time -f '%U %S %M' -o "$WORK/time.txt" "${ARGV[@]}" >/dev/null 2>"$ERR"
        RC=$?
    else
        env "${envs[@]}" "${ARGV[@]}" >/dev/null 2>"$ERR"
        RC=$?
    fi
    set -e
    t1="$(date +%s%N)"
    DT="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')"
    # GNU time puts "Command exited with non-zero status N" before its own line.
    if (( HAVE_TIME )) && read -r u s m < <(tail -n 1 "$WORK/time.txt") && [[ "$m" =~ ^[0-9]+$ ]]; then
        RUN_CPU="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')"
        RUN_RSS="$m"
    fi
}

FAILED=0
declare -A STATE SETTLED WROTE PHASES_OF=([whole]="" [quarter]="")
# run KEY BOOK ROUND: runs KEY once on BOOK; ROUND 0 is the warm-up. Keeps the best wall
# time (with its CPU time and phases) and the largest peak RSS over the timed rounds.
#
# Each command is timed in the cache state its own previous run left, as when a user runs
# it twice: `agenda` and `audit` place different findings, so each rewrites the cache's
# located.bin after the other. When the state changed since KEY's last run on BOOK (another
# command, or another rapport build using the same book), KEY first runs once untimed
# ("settle"). A timed run that itself rewrote the cache is counted and noted in the table.
# The cold runs (--no-cache) and ripgrep neither use the cache's state nor write it.
run() {
    local key="$1" b="$2" round="$3" id="$1/$2" before uses_cache=1
    argv "$key" "$b" || return 0
    if (( round > 0 )) && [[ "${CODE[$id]:-}" == failed ]]; then return 0; fi
    case "$key" in cold | vcold | rg | rg_book) uses_cache=0 ;; esac
    if (( round > 0 && uses_cache )); then
        before="$(cache_state "$b" "$key")"
        if [[ "$before" != "${STATE[$id]:-}" ]]; then
            exec_once "$key" "$b"
            SETTLED[$id]=$(( ${SETTLED[$id]:-0} + 1 ))
            say "   $b $key: settle $DT s (the cache changed since its last run)"
            before="$(cache_state "$b" "$key")"
        fi
    fi
    exec_once "$key" "$b"
    if (( uses_cache )); then
        STATE[$id]="$(cache_state "$b" "$key")"
        if (( round > 0 )) && [[ "${STATE[$id]}" != "$before" ]]; then
            WROTE[$id]=$(( ${WROTE[$id]:-0} + 1 ))
            say "!! $b $key: this timed run rewrote the parse cache (not a warm run)"
        fi
    fi
    # The exit code an ordinary run gives: 0, or 1 for the audit (findings) and for
    # ripgrep (nothing matched). 2 is rapport's "could not do its job"; above 2, a crash.
    if (( RC > 1 )); then
        local what=failed
        (( RC > 2 )) && what=CRASHED
        say "!! ${ARGV[*]}"
        say "!!   exited with $RC ($what); stderr:"
        head -n 20 "$ERR" | sed 's/^/!!   /' >&2 || true
        CODE[$id]=failed
        NOTE[$id]="exit $RC: $what"
        FAILED=1
        return 0
    fi
    if (( round == 0 )); then
        CODE[$id]="$RC"
        NOTE[$id]=""
        (( RC != 0 )) && NOTE[$id]="exit $RC"
        say "   $b $key: warm-up $DT s (exit $RC)"
        return 0
    fi
    if [[ "$RC" != "${CODE[$id]:-}" ]]; then
        say "!! $b $key: exit $RC in round $round, ${CODE[$id]:-?} in the warm-up"
        NOTE[$id]="exit ${CODE[$id]:-?} then $RC"
    fi
    say "   $b $key: $DT s${RUN_CPU:+ (CPU $RUN_CPU s)}"
    if [[ -z "${WALL[$id]:-}" ]] || awk -v a="$DT" -v b="${WALL[$id]}" 'BEGIN { exit !(a < b) }'; then
        WALL[$id]="$DT"
        CPU[$id]="${RUN_CPU:-n/a}"
        if [[ "$key" == warm ]]; then
            phases "$ERR"
            PHASES_OF[$b]="$PHASES"
        fi
    fi
    if [[ -n "$RUN_RSS" ]] && { [[ -z "${RSS[$id]:-}" ]] || (( RUN_RSS > RSS[$id] )); }; then
        RSS[$id]="$RUN_RSS"
    fi
}

ALL_KEYS=("${AUDIT_KEYS[@]}" "${READ_KEYS[@]}")
for round in $(seq 0 "$RUNS"); do
    if (( round == 0 )); then
        say "== warm-up round (fills the parse cache; records exit codes)"
    else
        say "== round $round of $RUNS"
    fi
    for b in "${BOOKS[@]}"; do
        parse_round "$b" "$round"
    done
    for key in "${ALL_KEYS[@]}"; do
        for b in "${BOOKS[@]}"; do
            run "$key" "$b" "$round"
        done
    done
done

# Timed runs that wrote the cache were not warm runs: note them beside the command.
CACHE_WARNING=""
for id in "${!WROTE[@]}"; do
    NOTE[$id]="${NOTE[$id]:+${NOTE[$id]}, }cache rewritten in ${WROTE[$id]} of ${RUNS} runs"
    CACHE_WARNING="yes"
done
SETTLE_LINE=""
for key in "${ALL_KEYS[@]}"; do
    n="${SETTLED[$key/whole]:-0}"
    q="${SETTLED[$key/quarter]:-0}"
    (( n + q > 0 )) && SETTLE_LINE="$SETTLE_LINE ${LABEL[$key]%% (*} ${n} + ${q},"
done

# --- arithmetic -------------------------------------------------------------------------
is_num() { [[ "${1:-}" =~ ^[0-9.eE+-]+$ ]]; }
ratio() { # ratio A B -> A / B with two decimals, or n/a
    if is_num "${1:-}" && is_num "${2:-}"; then
        awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
    else echo "n/a"; fi
}
secs() { if is_num "${1:-}"; then awk -v a="$1" 'BEGIN { printf "%.3f", a }'; else echo "n/a"; fi; }
cpus() { if is_num "${1:-}"; then awk -v a="$1" 'BEGIN { printf "%.2f", a }'; else echo "n/a"; fi; }
# With the unit, for prose: "0.123 s" or "n/a".
ss() { if is_num "${1:-}"; then echo "$(secs "$1") s"; else echo "n/a"; fi; }
cs() { if is_num "${1:-}"; then echo "$(cpus "$1") s"; else echo "n/a"; fi; }
le() { is_num "${1:-}" && is_num "${2:-}" && awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
mb() { if is_num "${1:-}"; then awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; else echo "n/a"; fi; }
w() { echo "${WALL[$1/$2]:-n/a}"; }
c() { echo "${CPU[$1/$2]:-n/a}"; }
label() {
    local l="${LABEL[$1]}" n="${NOTE[$1/whole]:-}" q="${NOTE[$1/quarter]:-}"
    [[ -n "$q" && "$q" != "$n" ]] && n="${n:+$n; }quarter: $q"
    echo "$l${n:+, $n}"
}

WARM_W="$(w warm whole)"
WARM_C="$(c warm whole)"

# --- the tables -------------------------------------------------------------------------
echo
for b in "${BOOKS[@]}"; do
    files="$(field "$b" io_floor files)"
    bytes="$(field "$b" io_floor bytes)"
    megs="$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }' 2>/dev/null || echo "?")"
    [[ "$b" == whole ]] && name="Whole book" || name="Quarter book"
    echo "$name: ${BOOK_CLIENTS[$b]} clients, ${files} YAML files (${megs} MB)."
done
echo "CLIENT is the middle client by folder name (${MIDDLE[whole]}; ${MIDDLE[quarter]} in the quarter book), PROJECT its first project with an estimate (${PROJECT[whole]:-none}; ${PROJECT[quarter]:-none})."
echo "$(nproc) cores, $(field whole io_floor threads) threads; warm page cache; one warm-up round, then best of ${RUNS} interleaved rounds; \`--today ${TODAY}\`; ripgrep: ${RG_VERSION}."
[[ -n "$QUARTER_WARNING" ]] && { echo; echo "$QUARTER_WARNING"; }
echo
echo "| command | whole book, s | CPU, s | × warm audit | quarter book, s | growth |"
echo "|---|---:|---:|---:|---:|---:|"
for key in "${READ_KEYS[@]}"; do
    echo "| $(label "$key") | $(secs "$(w "$key" whole)") | $(cpus "$(c "$key" whole)") | $(ratio "$(w "$key" whole)" "$WARM_W") | $(secs "$(w "$key" quarter)") | $(ratio "$(w "$key" whole)" "$(w "$key" quarter)") |"
done
echo
echo "| what | whole book, s | CPU, s | × warm audit | quarter book, s | growth |"
echo "|---|---:|---:|---:|---:|---:|"
for key in floor parse; do
    [[ "$key" == floor ]] && l="walk + read every file (I/O floor)" || l="walk + read + YAML event parse (bare parse)"
    echo "| $l | $(secs "$(w "$key" whole)") | $(cpus "$(c "$key" whole)") | $(ratio "$(w "$key" whole)" "$WARM_W") | $(secs "$(w "$key" quarter)") | $(ratio "$(w "$key" whole)" "$(w "$key" quarter)") |"
done
for key in "${AUDIT_KEYS[@]}"; do
    echo "| $(label "$key") | $(secs "$(w "$key" whole)") | $(cpus "$(c "$key" whole)") | $(ratio "$(w "$key" whole)" "$WARM_W") | $(secs "$(w "$key" quarter)") | $(ratio "$(w "$key" whole)" "$(w "$key" quarter)") |"
done

# The warm audit's rulebook cost (whole book), from its best round.
RULES_SUM="n/a"
RULES_LINE="n/a (no RAPPORT_TIMINGS phase lines \"rules\", \"resolve\", \"render\" from the warm audit)"
if [[ -n "${PHASES_OF[whole]}" ]]; then
    read -r pr pv pd <<<"${PHASES_OF[whole]}"
    RULES_SUM="$(awk -v a="$pr" -v b="$pv" -v c="$pd" 'BEGIN { printf "%.3f", a + b + c }')"
    RULES_LINE="rules ${pr} s + resolve ${pv} s + render ${pd} s = ${RULES_SUM} s"
    if [[ -n "${PHASES_OF[quarter]}" ]]; then
        RULES_LINE="$RULES_LINE ($(awk -v t="${PHASES_OF[quarter]}" 'BEGIN { split(t, x, " "); printf "%.3f", x[1] + x[2] + x[3] }') s on the quarter book)"
    fi
fi

echo
echo "Seconds are wall time of the whole process (in-process for the floor and the bare"
echo "parse), best round; CPU is user + system over all threads in that round. Each command"
echo "is timed in the parse cache's state that its own previous run left."
if [[ -n "$SETTLE_LINE" ]]; then
    echo "Untimed runs to restore that state after another command changed the cache (whole + quarter book):${SETTLE_LINE%,}."
fi
echo
echo "- Warm audit vs ripgrep (whole book): $(ss "$WARM_W") / $(ss "$(w rg whole)") = $(ratio "$WARM_W" "$(w rg whole)") × (CPU $(cs "$WARM_C") / $(cs "$(c rg whole)") = $(ratio "$WARM_C" "$(c rg whole)") ×); quarter book $(ratio "$(w warm quarter)" "$(w rg quarter)") ×."
echo "- Cold audit vs bare parse (whole book): $(ss "$(w cold whole)") / $(ss "$(w parse whole)") = $(ratio "$(w cold whole)" "$(w parse whole)") × (CPU $(cs "$(c cold whole)") / $(cs "$(c parse whole)") = $(ratio "$(c cold whole)" "$(c parse whole)") ×); quarter book $(ratio "$(w cold quarter)" "$(w parse quarter)") ×."
echo "- Warm audit's rulebook cost (whole book, \`RAPPORT_TIMINGS=1\`): ${RULES_LINE}."
echo "- Peak RSS of \`rapport audit --format json\` (whole book): $(mb "${RSS[cold/whole]:-}") cold, $(mb "${RSS[warm/whole]:-}") warm; quarter book $(mb "${RSS[cold/quarter]:-}") cold, $(mb "${RSS[warm/quarter]:-}") warm."
max_rss="" max_key=""
for key in "${READ_KEYS[@]}"; do
    r="${RSS[$key/whole]:-}"
    if [[ -n "$r" ]] && { [[ -z "$max_rss" ]] || (( r > max_rss )); }; then max_rss="$r"; max_key="$key"; fi
done
[[ -n "$max_key" ]] && echo "- Largest peak RSS of the read commands (whole book): $(mb "$max_rss"), ${LABEL[$max_key]}."

# --- verdicts ---------------------------------------------------------------------------
verdict() { # verdict MET|NOT_MET|NA TEXT
    case "$1" in
        MET) echo "- **MET**: $2" ;;
        NOT_MET) echo "- **NOT MET**: $2" ;;
        *) echo "- **n/a**: $2" ;;
    esac
}

echo
echo "Targets (issue 13):"
echo
# every_command LIMIT WHAT: the verdict on "RATIO ≤ LIMIT for every read command", where
# RATIO is the whole book's time over the warm audit's (WHAT=audit) or over the quarter
# book's (WHAT=growth). Judged on wall time; the CPU ratio is given beside each number,
# to tell a slow command from a noisy round.
every_command() {
    local limit="$1" what="$2" key r rc over="" worst="" worst_r="" missing="" text
    for key in "${READ_KEYS[@]}"; do
        if [[ "$what" == audit ]]; then
            r="$(ratio "$(w "$key" whole)" "$WARM_W")"
            rc="$(ratio "$(c "$key" whole)" "$WARM_C")"
        else
            r="$(ratio "$(w "$key" whole)" "$(w "$key" quarter)")"
            rc="$(ratio "$(c "$key" whole)" "$(c "$key" quarter)")"
        fi
        if [[ "$r" == n/a ]]; then missing="$missing ${LABEL[$key]}"; continue; fi
        if [[ -z "$worst_r" ]] || awk -v a="$r" -v b="$worst_r" 'BEGIN { exit !(a > b) }'; then
            worst_r="$r"
            worst="${LABEL[$key]} at ${r} × (CPU ${rc} ×)"
        fi
        le "$r" "$limit" || over="$over ${LABEL[$key]} ${r} × (CPU ${rc} ×);"
    done
    if [[ "$what" == audit ]]; then
        text="every command ≤ ${limit} × the warm audit ($(ss "$WARM_W"), CPU $(cs "$WARM_C")) on the whole book: worst ${worst:-n/a}"
    else
        text="growth ≤ ${limit} × from the quarter book (${QUARTER_CLIENTS} clients) to the whole one (${WHOLE_CLIENTS}) for every command: worst ${worst:-n/a}"
    fi
    if [[ -z "$worst_r" ]]; then verdict NA "$text"
    elif [[ -n "$over" ]]; then verdict NOT_MET "$text; over:${over%;}${missing:+ (n/a:$missing)}"
    else verdict MET "$text${missing:+ (n/a:$missing)}"; fi
}
# 1. Every read command ≤ 1.3 × the warm audit, whole book.
every_command 1.3 audit
# 2. Growth whole / quarter ≤ 5 × for every read command.
every_command 5 growth

# 3. Warm audit ≤ ripgrep reading every file.
r="$(ratio "$WARM_W" "$(w rg whole)")"
text="warm audit ≤ \`rg -uuu -c NEVERMATCHES BOOK\`: $(ss "$WARM_W") vs $(ss "$(w rg whole)"), ${r} × (CPU $(ratio "$WARM_C" "$(c rg whole)") ×)"
if [[ "$r" == n/a ]]; then verdict NA "$text$( (( HAVE_RG )) || echo " (ripgrep not installed: sudo apt-get install ripgrep)")"
elif le "$r" 1; then verdict MET "$text"; else verdict NOT_MET "$text"; fi

# 4. Cold audit ≤ 1.5 × the bare parse.
r="$(ratio "$(w cold whole)" "$(w parse whole)")"
text="cold audit ≤ 1.5 × the bare parse: $(ss "$(w cold whole)") vs $(ss "$(w parse whole)"), ${r} × (CPU $(ratio "$(c cold whole)" "$(c parse whole)") ×)"
if [[ "$r" == n/a ]]; then verdict NA "$text"
elif le "$r" 1.5; then verdict MET "$text"; else verdict NOT_MET "$text"; fi

# 5. rules + resolve + render ≤ 0.2 s (warm audit, whole book).
text="rules + placing + printing findings ≤ 0.2 s (warm audit): ${RULES_LINE}"
if [[ "$RULES_SUM" == n/a ]]; then verdict NA "$text"
elif le "$RULES_SUM" 0.2; then verdict MET "$text"; else verdict NOT_MET "$text"; fi

# 6. `site --out DIR` ≤ 2 × the warm audit (issue 17).
r="$(ratio "$(w site whole)" "$WARM_W")"
text="\`site --out DIR\` ≤ 2 × the warm audit (whole book): $(ss "$(w site whole)") / $(ss "$WARM_W") = ${r} × (CPU $(cs "$(c site whole)") / $(cs "$WARM_C") = $(ratio "$(c site whole)" "$WARM_C") ×); quarter book $(ratio "$(w site quarter)" "$(w warm quarter)") ×"
if [[ "$r" == n/a ]]; then verdict NA "$text"
elif le "$r" 2; then verdict MET "$text"; else verdict NOT_MET "$text"; fi

# 7. The audit with the history checks on a book with a history ≤ 1.5 × the warm audit
# (issue 20).
r="$(ratio "$(w hwarm whole)" "$WARM_W")"
text="audit with history checks (${HISTORY_COMMITS} commits) ≤ 1.5 × the warm audit: $(ss "$(w hwarm whole)") vs $(ss "$WARM_W"), ${r} × (the same book with \`--no-history\`: $(ss "$(w hoff whole)"); \`--since HEAD~10\`: $(ss "$(w hsince whole)"))"
if [[ "$r" == n/a ]]; then verdict NA "$text"
elif le "$r" 1.5; then verdict MET "$text"; else verdict NOT_MET "$text"; fi

for b in "${BOOKS[@]}"; do
    e="$(field "$b" bare_parse errors)"
    if [[ "$e" != 0 ]]; then echo; echo "Warning: ${e} file(s) of the $b book failed the bare YAML parse (see stderr)."; fi
done
if [[ -n "$CACHE_WARNING" ]]; then
    echo
    echo "Warning: some timed runs rewrote the parse cache (see \"cache rewritten\" in the tables): they were not warm runs. Another rapport build using the same book?"
fi
if (( FAILED )); then
    echo
    echo "**Some commands failed (exit 2) or crashed (exit > 2): see their rows and stderr.**"
fi
say "== bench/run.sh took $(awk -v a="$START_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.0f", (b - a) / 1e9 }') s"
exit "$FAILED"

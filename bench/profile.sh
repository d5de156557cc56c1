#!/usr/bin/env bash
# Where `coprod report --format json` spends its time and memory on many records. Produces the
# "Hot spots" figures in docs/performance.md.
#
#   bash bench/profile.sh
#
# Three views, because each answers a different question:
#   1. callgrind on 1,000 records: inclusive instruction counts per function (exact, repeatable,
#      but blind to system calls and page faults, and see the SHA-256 note in the doc);
#   2. perf on 10,000 records (if perf works here): wall-clock CPU time per thread, split into
#      the phases of `coprod report` — what actually makes the run slow;
#   3. massif on 1,000 records: which allocation sites hold the peak heap.
#
# Settings (environment): BENCH_DIR as for run.sh; PROFILE_TARGET_DIR, the cargo target folder
# for the build with debug symbols (default $BENCH_DIR/target-profile, kept apart so that the
# normal release build is not replaced by this one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench_dir="${BENCH_DIR:-/tmp/coprod-bench}"
out="$bench_dir/profile"
mkdir -p "$out"

missing=()
command -v valgrind >/dev/null || missing+=("valgrind    (apt-get install -y valgrind)")
command -v python3 >/dev/null || missing+=("python3")
if ((${#missing[@]})); then
  echo "bench/profile.sh needs these tools, which are not installed:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

# Release code with debug symbols, so profiles name functions and source lines.
target="${PROFILE_TARGET_DIR:-$bench_dir/target-profile}"
echo "==> cargo build --release with debug symbols into $target"
CARGO_PROFILE_RELEASE_DEBUG=true CARGO_TARGET_DIR="$target" cargo build --release --quiet
bin="$target/release/coprod"

for n in 1000 10000; do
  if [[ ! -f "$bench_dir/records-$n/.stamp" ]]; then
    python3 bench/generate.py "$n" "$bench_dir/records-$n"
  fi
done

# --- 1. callgrind --------------------------------------------------------------------------------
echo "==> callgrind, 1,000 records (about a minute)"
(cd "$bench_dir/records-1000" &&
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$bin" report --format json record-*.yaml >/dev/null 2>"$out/callgrind.log")
# Inclusive cost, heaviest first, one line per function (callgrind_annotate lists a function once
# per source file its inlined code came from). std's thread and start-up wrappers are dropped:
# they include everything and say nothing.
callgrind_annotate --inclusive=yes "$out/callgrind.out" >"$out/callgrind-annotate.txt" 2>/dev/null
python3 - "$out/callgrind-annotate.txt" <<'PY' | tee "$out/callgrind-top.txt"
import re, sys

line = re.compile(r"^ *([0-9,]+) \( *([0-9.]+)%\)  (?:[^ ]*?:)?(.+?)(?: \[.*\])?$")
skip = re.compile(r"backtrace|lang_start|libc_start|below main|ld-linux|thread_start|start_thread"
                  r"|call_once|FnOnce|from_iter|PROGRAM TOTALS|^main$|^0x|\?\?\?|with_scope"
                  r"|redaction|document_scope|SeqAccess|MapAccess|DeserializeSeed|spec_extend")
seen, shown = set(), 0
for text in open(sys.argv[1], errors="replace"):
    m = line.match(text)
    if not m:
        continue
    count, pct, func = m.groups()
    if func in seen or skip.search(func):
        continue
    seen.add(func)
    print(f"{pct:>6}%  {func[:150]}")
    shown += 1
    if shown == 40:
        break
PY
# --- 2. perf -------------------------------------------------------------------------------------
# In some virtual machines perf has no hardware counters; the cpu-clock software event still works.
if command -v perf >/dev/null && perf record -e cpu-clock -o /dev/null true >/dev/null 2>&1; then
  echo "==> perf, 10,000 records"
  # perf keeps the previous recording as perf.data.old; at 10,000 records that is 250 MB we don't need.
  rm -f "$out/perf.data" "$out/perf.data.old"
  (cd "$bench_dir/records-10000" &&
    perf record -q -e cpu-clock -F 1999 --call-graph dwarf,32768 -o "$out/perf.data" \
      "$bin" report --format json record-*.yaml >/dev/null 2>"$out/perf.log")
  perf script -i "$out/perf.data" -F tid,ip,sym --no-inline 2>/dev/null >"$out/perf.script"
  # Each sample is 1/1999 s of one thread's CPU time. The loading threads run in parallel; the main
  # thread then checks, scores, renders and writes alone. Wall time ≈ the slowest loader + main.
  python3 - "$out/perf.script" 1999 <<'PY' | tee "$out/perf-phases.txt"
import collections, sys

PHASES = [  # the first frame, from the innermost outwards, that contains one of these names
    ("load: read file (coprod::yaml::read_source)", "coprod::yaml::read_source"),
    ("load: parse YAML (coprod::yaml::parse)", "coprod::yaml::parse"),
    ("check: Framework::fingerprint", "coprod::framework::Framework::fingerprint"),
    ("check: the rest of Record::check", "coprod::record::Record::check"),
    ("score (coprod::score::score)", "coprod::score::score"),
    ("Report::build, less scoring", "coprod::report::Report::build"),
    ("render JSON into memory (Format::render)", "coprod::report::Format::render"),
    ("write to stdout (write_output)", "coprod::cmd::report::write_output"),
    ("parse the built-in framework", "coprod::framework::Framework::built_in"),
    ("execute, other", "coprod::cmd::report::execute"),
]
hz = float(sys.argv[2])
per_thread = collections.defaultdict(collections.Counter)
leaves = collections.defaultdict(collections.Counter)

def account(block):
    if not block:
        return
    tid = block[0].split()[0]
    frames = [l.split(None, 1)[1] if len(l.split(None, 1)) > 1 else "" for l in block[1:]]
    phase = next((name for f in frames for name, key in PHASES if key in f), None)
    if phase is None:
        phase = "process start, exit and the rest"
    per_thread[tid][phase] += 1
    if frames:
        leaves[phase][frames[0][:90]] += 1

block = []
for line in open(sys.argv[1], errors="replace"):
    if line.strip():
        block.append(line.strip())
    else:
        account(block)
        block = []
account(block)

for tid, phases in sorted(per_thread.items(), key=lambda kv: -sum(kv[1].values())):
    total = sum(phases.values())
    print(f"thread {tid}: {total / hz:.2f} s of CPU")
    for name, count in phases.most_common():
        if count / hz >= 0.005:
            print(f"  {count / hz:6.3f} s  {100 * count / total:5.1f}%  {name}")
print()
print("where each phase spends it (leaf functions, top 4):")
for name, counter in leaves.items():
    total = sum(counter.values())
    if total / hz < 0.05:
        continue
    tops = ", ".join(f"{sym} {100 * c / total:.0f}%" for sym, c in counter.most_common(4))
    print(f"  {name}: {tops}")
PY
else
  echo "==> skipping perf: not installed or not permitted (apt-get install -y linux-perf)"
fi

# --- 3. massif -----------------------------------------------------------------------------------
echo "==> massif, 1,000 records: allocation sites at the heap's peak"
(cd "$bench_dir/records-1000" &&
  valgrind --tool=massif --threshold=0.5 --massif-out-file="$out/massif.out" \
    "$bin" report --format json record-*.yaml >/dev/null 2>"$out/massif.log")
python3 - "$out/massif.out" <<'PY' | tee "$out/massif-sites.txt"
import collections, re, sys

lines = open(sys.argv[1]).read().split("\n")
# The snapshot marked heap_tree=peak; its tree follows its header lines.
start = next(i for i, l in enumerate(lines) if l == "heap_tree=peak") + 1
node = re.compile(r"^ *n(\d+): (\d+) (.*)$")

def parse(i):
    m = node.match(lines[i])
    kids, i = [], i + 1
    for _ in range(int(m.group(1))):
        kid, i = parse(i)
        kids.append(kid)
    return (int(m.group(2)), re.sub(r"^0x[0-9A-F]+: ", "", m.group(3)), kids), i

root, _ = parse(start)
sites = collections.Counter()

def walk(n, path):
    size, desc, kids = n
    path = path + [desc]
    if not kids:
        # Name each block after the coprod function closest to the allocation.
        ours = [p for p in path if "coprod::" in p or "coprod/" in p]
        sites[(ours[0] if ours else path[-1])[:150]] += size
    for k in kids:
        walk(k, path)

walk(root, [])
print(f"peak heap: {root[0] / 1e6:.1f} MB")
for site, size in sites.most_common(12):
    print(f"  {size / 1e6:6.2f} MB  {site}")
PY
echo
echo "profiles are in $out"

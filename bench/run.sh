#!/usr/bin/env bash
# Times `coprod report` as people run it: the whole process, from exec to exit, including
# process start, reading the YAML, scoring and rendering. See docs/performance.md for what each
# line means and the figures it gave last time.
#
#   bash bench/run.sh
#
# Settings (environment):
#   BENCH_DIR    where records, results and the optional PyYAML venv go (default /tmp/coprod-bench);
#                generated records are reused while the generator and example are unchanged
#   SIZES        record counts to benchmark, largest last (default "1000 10000")
#   RUNS_LARGE   timed runs for each many-record command (default 5)
#   CARGO_TARGET_DIR  honoured as cargo honours it
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bench_dir="${BENCH_DIR:-/tmp/coprod-bench}"
read -r -a sizes <<<"${SIZES:-1000 10000}"
runs_large="${RUNS_LARGE:-5}"
results="$bench_dir/results"

# --- Tools -------------------------------------------------------------------------------------
# Say what is missing rather than installing it: a benchmark should not change the machine.
missing=()
command -v cargo >/dev/null || missing+=("cargo (rustup)")
command -v python3 >/dev/null || missing+=("python3")
command -v hyperfine >/dev/null || missing+=("hyperfine   (apt-get install -y hyperfine)")
# The shell's `time` keyword cannot report peak memory; GNU time's -v can.
[[ -x /usr/bin/time ]] || missing+=("GNU time    (apt-get install -y time)")
if ((${#missing[@]})); then
  echo "bench/run.sh needs these tools, which are not installed:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

# Two cores are easily kept busy by a build or test run in another terminal; say so, because the
# figures are then slower and noisier than they would be on a quiet machine.
load_before="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$load_before" 'BEGIN {exit !(l > 0.5)}'; then
  echo "warning: load average is $load_before; other work on this machine will slow and scatter the figures" >&2
fi

# --- Build -------------------------------------------------------------------------------------
echo "==> cargo build --release"
cargo build --release --quiet
# Ask cargo where the binary went: this follows CARGO_TARGET_DIR and any .cargo/config setting.
target_dir="$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
bin="$target_dir/release/coprod"
[[ -x "$bin" ]] || { echo "no binary at $bin after the build" >&2; exit 1; }
echo "    binary: $bin"

# --- Records -----------------------------------------------------------------------------------
# Generating 10,000 records takes a few seconds; keep them between runs, but regenerate when the
# generator or the example it copies the framework block from has changed.
mkdir -p "$results"
rm -f "$results"/*.json "$results"/*.txt
generator_hash="$(cat bench/generate.py examples/2026/parent-carers.yaml | sha256sum | cut -c1-16)"
for n in "${sizes[@]}"; do
  dir="$bench_dir/records-$n"
  stamp="$generator_hash $n"
  if [[ -f "$dir/.stamp" && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
    echo "==> reusing $n records in $dir"
  else
    echo "==> generating $n records in $dir"
    rm -rf "$dir"
    python3 bench/generate.py "$n" "$dir"
    echo "$stamp" >"$dir/.stamp"
  fi
  # Total YAML bytes, for MB/s. find, not a glob, so 10,000 names never hit a command line.
  find "$dir" -name 'record-*.yaml' -printf '%s\n' | awk '{s += $1} END {print s}' >"$results/bytes-$n.txt"
done

# --- Timing helpers ----------------------------------------------------------------------------
# One hyperfine run per benchmark, each exported to JSON for the summary at the end.
# -N runs the command without a shell, so a 2 ms command is not measured as 2 ms plus a shell.
quick() { # NAME COMMAND: a command of a few milliseconds; many runs for a stable mean
  local name=$1 cmd=$2
  hyperfine -N --warmup 5 --min-runs 30 --export-json "$results/$name.json" -n "$name" "$cmd"
}

# Linux limits one argument to 128 KiB (MAX_ARG_STRLEN). hyperfine gets the whole command line
# as one argument, so with many files -N cannot be used: the command line is too long. Then we let
# hyperfine's shell expand the glob instead; hyperfine subtracts the shell's start-up time, which
# is about a millisecond against seconds of work.
max_arg=131072
many() { # NAME N RUNS COMMAND_PREFIX: COMMAND_PREFIX followed by the N record files, by glob
  local name=$1 n=$2 runs=$3 prefix=$4
  # Relative names from inside the folder keep the command line short.
  (
    cd "$bench_dir/records-$n"
    local files=(record-*.yaml)
    local cmd="$prefix ${files[*]}"
    if ((${#cmd} < max_arg)); then
      hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/$name.json" -n "$name" "$cmd"
    else
      echo "    note: the command line for $n files is ${#cmd} bytes, over Linux's $max_arg-byte limit"
      echo "          for one argument, so hyperfine cannot take it with -N; its shell expands the glob"
      hyperfine --warmup 1 --runs "$runs" --export-json "$results/$name.json" -n "$name" \
        "$prefix record-*.yaml"
    fi
  )
}

q() { printf '%q' "$1"; } # quote a path for hyperfine's command-line splitting

# --- Small commands ----------------------------------------------------------------------------
echo "==> process start"
quick version "$(q "$bin") --version"

one="examples/2026/parent-carers.yaml"
for format in table markdown json csv; do
  echo "==> one record, --format $format"
  quick "one-$format" "$(q "$bin") report --format $format $(q "$root/$one")"
done

echo "==> four records combined (examples/2026/*.yaml), --format table"
four=""
for f in "$root"/examples/2026/*.yaml; do four+=" $(q "$f")"; done
quick four-table "$(q "$bin") report --format table$four"

# --- Many records ------------------------------------------------------------------------------
for n in "${sizes[@]}"; do
  echo "==> $n synthetic records, --format json"
  many "json-$n" "$n" "$runs_large" "$(q "$bin") report --format json"
  # Peak memory (maximum resident set size) of one run. Here bash expands the glob into
  # coprod's own argument list, which may be up to 2 MB, so the length limit above does not apply.
  (cd "$bench_dir/records-$n" && /usr/bin/time -v "$bin" report --format json record-*.yaml \
    >/dev/null 2>"$results/time-$n.txt")
done

# --- PyYAML for scale --------------------------------------------------------------------------
# The same files read by libyaml through PyYAML's CLoader, also as a whole process. This is
# only parsing, into Python objects: no validation, scoring or output.
largest="${sizes[${#sizes[@]} - 1]}"
py=python3
if ! python3 -c 'import yaml; yaml.CLoader' 2>/dev/null; then
  # A throwaway venv, so nothing is installed into the machine's Python.
  venv="$bench_dir/venv"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import yaml; yaml.CLoader' 2>/dev/null; then
    echo "==> installing PyYAML into a throwaway venv at $venv"
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pyyaml || true
  fi
  py="$venv/bin/python"
fi
if "$py" -c 'import yaml; yaml.CLoader' 2>/dev/null; then
  echo "==> PyYAML CLoader over the same $largest records"
  (
    cd "$bench_dir/records-$largest"
    hyperfine -N --warmup 1 --runs 3 --export-json "$results/pyyaml-$largest.json" \
      -n "pyyaml-$largest" \
      "$(q "$py") -c 'import glob, pathlib, yaml; [yaml.load(pathlib.Path(f).read_bytes(), Loader=yaml.CLoader) for f in sorted(glob.glob(\"record-*.yaml\"))]'"
  )
else
  echo "==> skipping the PyYAML comparison: PyYAML with libyaml (CLoader) is not available"
fi

# --- Summary -----------------------------------------------------------------------------------
echo
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(rustc --version)"
  echo "coprod: $("$bin" --version), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d)"
  # The figure after includes this script's own work; the one before tells whether it was quiet.
  echo "load average: $load_before before, $(cut -d' ' -f1 /proc/loadavg) after"
  echo
  python3 - "$results" "${sizes[@]}" <<'PY'
import json, re, sys
from pathlib import Path

results = Path(sys.argv[1])
sizes = [int(s) for s in sys.argv[2:]]
MB = 1e6  # megabytes are 10^6 bytes, for throughput and memory alike

def timing(name):
    path = results / f"{name}.json"
    if not path.exists():
        return None
    r = json.loads(path.read_text())["results"][0]
    return r["mean"], r["stddev"] or 0.0, r["min"]

def rss_mb(n):
    path = results / f"time-{n}.txt"
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text()) if path.exists() else None
    return int(m.group(1)) * 1024 / MB if m else None

def nbytes(n):
    return int((results / f"bytes-{n}.txt").read_text())

rows = []
def row(what, t, rate="", rss="", target="", verdict=""):
    # The mean is what the targets are judged on; the minimum shows what a quiet machine gives.
    mean = f"{t[0] * 1000:,.1f} ms ± {t[1] * 1000:,.1f}" if t else "not run"
    low = f"{t[2] * 1000:,.1f} ms" if t else ""
    rows.append((what, mean, low, rate, rss, target, verdict))

def met(ok):
    return "met" if ok else "MISSED"

row("coprod --version (process start)", timing("version"))
for fmt in ["table", "markdown", "json", "csv"]:
    t = timing(f"one-{fmt}")
    row(f"1 record, --format {fmt}", t, target="< 10 ms", verdict=met(t[0] < 0.010) if t else "")
row("4 records combined, --format table", timing("four-table"))

per_record = {}
for n in sizes:
    t = timing(f"json-{n}")
    if not t:
        continue
    b = nbytes(n)
    rate = b / MB / t[0]
    rss = rss_mb(n)
    per_record[n] = t[0] / n
    target = verdict = ""
    if n == 10000:
        target = ">= 25 MB/s; < 200 MB"
        verdict = (f"rate {met(rate >= 25)} ({rate:.1f} of 25); "
                   f"memory {met(rss is not None and rss < 200)} ({rss or 0:.0f} of 200)")
    row(f"{n:,} records ({b / MB:.1f} MB), --format json", t, f"{rate:.1f} MB/s",
        f"{rss:.0f} MB" if rss else "", target, verdict)

largest = sizes[-1]
t = timing(f"pyyaml-{largest}")
if t:
    row(f"PyYAML CLoader, {largest:,} records (parse only)", t,
        f"{nbytes(largest) / MB / t[0]:.1f} MB/s")

head = ("what", "mean ± σ", "min", "throughput", "peak RSS", "target", "verdict")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(line(head))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line(r))

if len(per_record) >= 2:
    (a, ta), (b, tb) = sorted(per_record.items())[0], sorted(per_record.items())[-1]
    print()
    print(f"growth: {a:,} -> {b:,} records ({b / a:g}x) took {tb * b / (ta * a):.1f}x the time; "
          f"{ta * 1e6:.0f} µs then {tb * 1e6:.0f} µs per record "
          f"({'roughly linear' if tb / ta < 1.25 else 'worse than linear'})")
PY
} | tee "$results/summary.txt"
echo
echo "results (hyperfine JSON, GNU time output, summary) are in $results"

#!/usr/bin/env bash
# The whole `stemma audit` against fingerprinting alone, on the same corpus
# in one run (runs interleaved; medians of STEMMA_RUNS, default 5).
#
#   bench/audit.sh            (STEMMA_BENCH_MB=10 for a quick run)
#
# Uses the audit bench corpus (target/bench-audit-<N>mb, made by the
# criterion bench when missing). Fingerprinting speed is the read+fingerprint
# stage of `stemma dedup --stats`; the audit's is its whole command, wall
# clock (read, audit, dedup, provenance, JSON report, exit). Prints one
# markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${STEMMA_BENCH_MB:-100}
runs=${STEMMA_RUNS:-5}
corpus=target/bench-audit-${mb}mb
cargo build --release -q
if [ ! -f "$corpus/stemma.toml" ]; then
  STEMMA_BENCH_MB=$mb cargo bench --bench pipeline -- audit --list >/dev/null
fi
stemma=target/release/stemma
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq "$runs"); do
  "$stemma" dedup "$corpus" --stats --quiet --format json -o /dev/null 2>"$tmp/dedup" || true
  grep 'read+fingerprint' "$tmp/dedup" | awk '{print $4}' >>"$tmp/fp"
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$stemma" audit "$corpus" --stats --quiet --format json -o /dev/null 2>"$tmp/audit" || true
  grep '^stats:' "$tmp/audit" | awk '{print $6}' >>"$tmp/audit-mb"
  tail -n 1 "$tmp/time" >>"$tmp/audit-time"
done
bytes=$(du -sb "$corpus" | cut -f1)
python3 - "$tmp" "$bytes" <<'PY'
import statistics, sys
d, size = sys.argv[1], int(sys.argv[2]) / 1e6
med = lambda xs: statistics.median(xs)
fp = [float(x) for x in open(f"{d}/fp")]
mb = [float(x) for x in open(f"{d}/audit-mb")]
wall, peak = zip(*[(float(a), int(b) / 1024) for a, b in (l.split() for l in open(f"{d}/audit-time"))])
au = [m / w for m, w in zip(mb, wall)]
print(f"\ncorpus: {size:.0f} MB, {len(fp)} runs each (median, range)\n")
print("| measure | value |\n| --- | --- |")
print(f"| fingerprinting (dedup read+fingerprint stage) | {med(fp):.1f} MB/s ({min(fp):.1f}-{max(fp):.1f}) |")
print(f"| whole `stemma audit` (wall) | {med(au):.1f} MB/s ({min(au):.1f}-{max(au):.1f}), {med(wall):.2f} s |")
print(f"| audit / fingerprinting | {med(au) / med(fp):.2f} |")
print(f"| audit peak memory | {med(peak):.0f} MB ({max(peak):.0f} max), {med(peak) / size:.2f}x the corpus |")
PY

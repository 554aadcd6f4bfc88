#!/usr/bin/env bash
# Side by side, in one run: stemma dedup and the fastest installable peer
# (gaoya MinHash-LSH, via ../shared/bench/peers.py) on the same reference
# corpus, each scored against the planted truth. Also times stemma on 1 and
# 2 threads and each index channel alone.
#
#   bench/compare.sh [small|medium|large ...]     (default: medium)
#
# Makes target/ref-<preset> with ../shared/bench/gen_corpus.py when missing,
# and the peer's venv under target/peers-venv. Prints one markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
presets=("${@:-medium}")
cargo build --release -q
if [ ! -x target/peers-venv/bin/python ]; then
  python3 -m venv target/peers-venv
  target/peers-venv/bin/pip install -q gaoya==0.2.2 xxhash
fi
mkdir -p target/compare
row() { printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@"; }
echo
row preset tool "wall s" "MB/s" "peak MB" "recall J>=0.7" precision
row --- --- --- --- --- --- ---
for p in "${presets[@]}"; do
  corpus=target/ref-$p
  [ -f "$corpus/truth.jsonl" ] || python3 "$shared/gen_corpus.py" --preset "$p" --out "$corpus" >&2
  mb=$(python3 -c "import json;print(json.load(open('$corpus/manifest.json'))['bytes']/1e6)")
  # Warm the page cache first: otherwise whichever tool runs first pays for
  # reading the corpus from disk (0.7 s at 106 MB here), the others not.
  find "$corpus/docs" -type f -exec cat {} + >/dev/null
  run_stemma() {  # label, extra args...
    local label=$1; shift
    local out=target/compare/$p-$label.json
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M' -o target/compare/rss "target/release/stemma" dedup "$corpus/docs" \
      --format json -o "$out" --quiet "$@"
    t1=$(date +%s.%N)
    local secs rss score
    secs=$(python3 -c "print(round($t1-$t0,2))")
    rss=$(( $(cat target/compare/rss) / 1024 ))
    score=$(python3 bench/score.py "$corpus" "$out")
    row "$p" "stemma $label" "$secs" "$(python3 -c "print(round($mb/$secs,1))")" "$rss" \
      "$(python3 -c "import json;print(json.loads('''$score''')['recall_j>=0.7'])")" \
      "$(python3 -c "import json;print(json.loads('''$score''')['precision'])")"
  }
  run_stemma "2 threads" --threads 2
  run_stemma "1 thread" --threads 1
  run_stemma "simhash only" --threads 2 --index simhash
  run_stemma "minhash only" --threads 2 --index minhash
  if [ "$p" != large ] || [ "${PEER_LARGE:-0}" = 1 ]; then
    g=$(target/peers-venv/bin/python "$shared/peers.py" --corpus "$corpus" --peer gaoya-minhash)
    python3 - "$p" "$g" <<'PY'
import json, sys
p, r = sys.argv[1], json.loads(sys.argv[2])
print("| %s | gaoya MinHash-LSH (b16r8) | %.2f | %.1f | %.0f | %s | %s |" % (
    p, r["total_s"], r["mb_per_s"], r["peak_rss_mb"], r["eval"]["recall_j>=0.7"], r["eval"]["precision"]))
PY
  fi
done

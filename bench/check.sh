#!/usr/bin/env bash
# `stemma check` of one new 10 KB document against an index of a 100 MB
# corpus, timed against auditing the whole corpus, in one run.
#
#   bench/check.sh            (STEMMA_BENCH_MB=10 for a quick run)
#
# Uses the audit bench corpus (target/bench-audit-<N>mb: 20 speeches and
# 10 KB articles with planted reuse of every kind; made by the criterion
# bench when missing), hard-linked into target/bench-check so the original
# stays as generated. The new document is an article of the corpus with one
# quotation altered. Prints one markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${STEMMA_BENCH_MB:-100}
corpus=target/bench-audit-${mb}mb
cargo build --release -q
if [ ! -f "$corpus/stemma.toml" ]; then
  STEMMA_BENCH_MB=$mb cargo bench --bench pipeline -- audit --list >/dev/null
fi
work=target/bench-check
rm -rf "$work"
mkdir -p "$work"
cp -al "$corpus" "$work/corpus"
stemma=target/release/stemma
timed() {  # label, args...: one table row with wall time and peak memory
  local label=$1; shift
  local code=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$stemma" "$@" >"$work/out" 2>"$work/err" || code=$?
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '| %s | %s | %s | %s |\n' "$label" "$secs" "$(( kb / 1024 ))" "$code"
}
bytes=$(du -sb "$work/corpus" | cut -f1)
echo
echo "corpus: $(( bytes / 1000000 )) MB, $(find "$work/corpus" -type f | wc -l) files"
echo
printf '| %s | %s | %s | %s |\n' step "wall s" "peak MB" exit
printf '| --- | --- | --- | --- |\n'
timed "index build (whole corpus)" index build "$work/corpus" -o "$work/index" --quiet
# The new document: an article with a quotation's words changed.
python3 - "$work/corpus/secondary/article000000.txt" "$work/corpus/secondary/new-article.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
quote = re.search(r'"([^"]{40,})"', text)
if quote:
    words = quote.group(1).split()
    words[len(words) // 2] = "never"
    text = text[:quote.start(1)] + " ".join(words) + text[quote.end(1):]
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
echo "new document: $(wc -c <"$work/corpus/secondary/new-article.txt") bytes" >&2
timed "check new 10 KB doc --index" check "$work/corpus" --index "$work/index" --baseline "$work/none.json" --format json -o "$work/check-index.json" --quiet
timed "check new 10 KB doc, no index" check "$work/corpus" --baseline "$work/none.json" --format json -o "$work/check-full.json" --quiet
timed "audit whole corpus" audit "$work/corpus" --format json -o "$work/audit.json" --quiet
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
new = "secondary/new-article.txt"
a = json.load(open(f"{w}/check-index.json"))["findings"]
b = [f for f in json.load(open(f"{w}/check-full.json"))["findings"] if f["path"] == new]
ids = lambda fs: sorted((f["path"], f["kind"], f["id"]) for f in fs)
print(f"\ncheck --index: {len(a)} findings, all in {sorted({f['path'] for f in a})}; "
      f"the new document's findings without the index are the same: {ids(a) == ids(b)}")
PY

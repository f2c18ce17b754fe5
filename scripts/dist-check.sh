#!/usr/bin/env bash
# Checks a `make dist` tarball the way a learner without Swift would use it: the binary copied alone into an
# empty folder, run with a clean environment (env -i HOME=... TERM=xterm). Usage: dist-check.sh TARBALL...
# (the newest one given is checked).
set -euo pipefail
tarball=$(ls -t "$@" | head -1)
work=$(mktemp -d)
cleanup() {
  [ -n "${tmux_socket:-}" ] && tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
passed=0
ok() { echo "  ok  $*"; passed=$((passed + 1)); }

echo "dist-check: $tarball ($(du -h "$tarball" | cut -f1))"
tar -C "$work" -xzf "$tarball"
dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'aifprep-*' | head -1)
[ -n "$dir" ] || fail "the tarball has no aifprep-VERSION folder"
for f in aifprep README.md LICENSE aifprep.1 completions/aifprep.bash completions/_aifprep completions/aifprep.fish; do
  [ -s "$dir/$f" ] || fail "the tarball lacks $f"
done
ok "tarball holds the binary, README.md, LICENSE, aifprep.1 and completions ($(du -h "$dir/aifprep" | cut -f1) binary)"
grep -q '^\.Dt AIFPREP 1\|^\.TH AIFPREP 1' "$dir/aifprep.1" || fail "aifprep.1 is not a section-1 manual page"
ok "aifprep.1 is a manual page"

libs=$(ldd "$dir/aifprep")
if echo "$libs" | grep -qi swift; then echo "$libs" >&2; fail "ldd shows a Swift library"; fi
ok "ldd shows no Swift library; shared libraries: $(echo "$libs" | awk '{print $1}' | xargs | sed 's/ /, /g')"

alone="$work/empty"; home="$work/home"
mkdir -p "$alone" "$home"
cp "$dir/aifprep" "$alone/aifprep"
cd "$alone"
clean() { env -i HOME="$home" TERM=xterm "$@"; }

[ "$(clean ./aifprep --version)" = "$(basename "$dir" | cut -d- -f2)" ] || fail "--version does not match the tarball's name"
ok "--version"

start=$(date +%s%N)
lint=$(clean ./aifprep content lint 2>&1) || { echo "$lint" >&2; fail "content lint on the embedded material"; }
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$lint" | grep -q '^Content OK: ' || fail "content lint said: $lint"
ok "content lint on the embedded material, first run ($cold_ms ms, unpacks): $lint"
unpacked=$(ls -d "$home"/.cache/aifprep/content-*/Content 2>/dev/null | head -1)
[ -f "$unpacked/exam.yaml" ] || fail "the material was not unpacked into \$HOME/.cache/aifprep"
ok "unpacked into ${unpacked#"$work"/}"

start=$(date +%s%N)
# Five answers, then end of input submits: the exam runs to its result on the built-in questions.
exam=$(printf '1\n1\n1\n1\n1\n' | clean ./aifprep exam --plain --count 5 --seed 7 --time-limit 0 --json 2>&1) \
  || { echo "$exam" >&2; fail "exam --plain"; }
warm_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$exam" | tail -1 | grep -q '"total" *: *5' || { echo "$exam" >&2; fail "exam --plain did not score 5 questions"; }
echo "$exam" | grep -q '^\[[a-z0-9-]*\] .*Question 1 of 5' || { echo "$exam" | head -5 >&2; fail "exam --plain showed no built-in question"; }
ok "exam --plain, 5 questions answered and scored ($warm_ms ms, material already unpacked)"

if out=$(clean AIFPREP_CONTENT="$work/nowhere" ./aifprep content lint 2>&1); then fail "AIFPREP_CONTENT was ignored"; fi
echo "$out" | grep -q "nowhere has no exam.yaml" || fail "AIFPREP_CONTENT: $out"
ok "AIFPREP_CONTENT still overrides the built-in material"

leftovers=$(ls -A "$alone")
[ "$leftovers" = "aifprep" ] || fail "the binary wrote next to itself: $leftovers"
ok "nothing written beside the binary"

if command -v tmux >/dev/null 2>&1; then
  tmux_socket="aifprep-dist-check-$$"
  tmux -L "$tmux_socket" -f /dev/null new-session -d -x 80 -y 24 \
    "env -i HOME='$home' TERM=xterm ./aifprep; sleep 30"
  for _ in $(seq 1 150); do
    tmux -L "$tmux_socket" capture-pane -p | grep -q 'Study modes' && break
    sleep 0.1
  done
  tmux -L "$tmux_socket" capture-pane -p | grep -q 'Study modes' || { tmux -L "$tmux_socket" capture-pane -p >&2; fail "the app did not open"; }
  tmux -L "$tmux_socket" send-keys q
  ok "the full-screen app opens (home screen in tmux) and quits"
else
  echo "  --  tmux not installed: the full-screen check is skipped"
fi
echo "dist-check: all $passed checks passed"

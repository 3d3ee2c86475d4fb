#!/usr/bin/env bash
# The fixed cost of a run of the packed tool (benchmarks/README.md, "Fixed cost of a run"): packs the tool as it ships,
# installs it from the packages (this machine's ReadyToRun package), unpacks the portable `any` package (IL only, the
# same code without ReadyToRun) and times `check` with each, on the sample the tool carries and on a network with one
# group (rule loading and start-up only), runs interleaved. Prints the median and range of CPU (user + system) and
# wall seconds, the package sizes and the load average. Needs /usr/bin/time (Debian's `time` package).
# Usage: benchmarks/fixed-cost.sh [runs (default 5)] [extra tool command to time as NAME=COMMAND ...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-fixedcost$(date -u +%Y%m%d%H%M%S)"

dotnet pack src/CommunityRules.Cli -c Release -o "$work/feed" -p:Version="$version" --nologo >"$work/pack.log" 2>&1 \
  || { tail -n 30 "$work/pack.log"; exit 1; }
dotnet tool install CommunityRules.Cli --tool-path "$work/tools" --add-source "$work/feed" --version "$version" >/dev/null
mkdir -p "$work/any" && (cd "$work/any" && unzip -q "$work/feed/CommunityRules.Cli.any.$version.nupkg")
portable="$work/any/tools/net10.0/any"

# One group and nothing else: what a run costs before it reads any posts.
mkdir -p "$work/one-group"
cp "$portable/sample-network/network.json" "$work/one-group/"
for file in "$portable"/sample-network/*.jsonl; do : >"$work/one-group/$(basename "$file")"; done
head -n 1 "$portable/sample-network/groups.jsonl" >"$work/one-group/groups.jsonl"

names=(readytorun portable readytorun-one-group portable-one-group)
declare -A commands=(
  [readytorun]="$work/tools/communityrules check --fail-on never"
  [portable]="dotnet $portable/CommunityRules.Cli.dll check --fail-on never --data $portable/sample-network"
  [readytorun-one-group]="$work/tools/communityrules check --fail-on never --data $work/one-group"
  [portable-one-group]="dotnet $portable/CommunityRules.Cli.dll check --fail-on never --data $work/one-group"
)
for extra in "$@"; do names+=("${extra%%=*}"); commands["${extra%%=*}"]="${extra#*=}"; done

# Both builds must report the same findings.
"$work/tools/communityrules" check --fail-on never --format jsonl >"$work/readytorun.jsonl"
dotnet "$portable/CommunityRules.Cli.dll" check --fail-on never --format jsonl --data "$portable/sample-network" >"$work/portable.jsonl"
cmp -s "$work/readytorun.jsonl" "$work/portable.jsonl" || { echo "the ReadyToRun and portable tools report different findings" >&2; exit 1; }
echo "findings: $(wc -l <"$work/readytorun.jsonl") (identical from both builds)"

for _ in $(seq 1 "$runs"); do
  for name in "${names[@]}"; do
    /usr/bin/time -f "%U %S %e" -o "$work/time" bash -c "${commands[$name]} >/dev/null 2>&1" || true
    read -r user system wall <"$work/time"
    echo "$(awk "BEGIN { print $user + $system }") $wall" >>"$work/$name.times"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f (%.2f-%.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
printf '%-24s %-24s %s\n' "configuration" "CPU s, median (range)" "wall s, median (range)"
for name in "${names[@]}"; do
  printf '%-24s %-24s %s\n' "$name" "$(cut -d' ' -f1 "$work/$name.times" | median)" "$(cut -d' ' -f2 "$work/$name.times" | median)"
done
echo "packages:"
for package in "$work"/feed/*.nupkg; do printf '  %-48s %6.1f MB\n' "$(basename "$package" ".$version.nupkg")" "$(awk "BEGIN { print $(stat -c %s "$package") / 1048576 }")"; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

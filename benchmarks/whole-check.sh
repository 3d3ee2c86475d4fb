#!/usr/bin/env bash
# Times a whole `communityrules check` (the default packs, and governance + posting-guidelines alone) on a snapshot,
# N times each, with /usr/bin/time: wall seconds, user and system CPU seconds, peak working set.
# Usage: benchmarks/whole-check.sh SNAPSHOT-FOLDER [RUNS] [FORMAT]
#   SNAPSHOT-FOLDER  e.g. $TMPDIR/communityrules-benchmarks/seed2026-posts1000000-groups11667-...
#   RUNS             runs per case (default 3); take the median
#   FORMAT           report format (default json, written to a temp file and deleted)
set -euo pipefail
snapshot=${1:?"usage: $0 SNAPSHOT-FOLDER [RUNS] [FORMAT]"}
runs=${2:-3}
format=${3:-json}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build -c Release "$root/src/CommunityRules.Cli/CommunityRules.Cli.csproj" -v quiet -nologo >/dev/null
tool="$root/src/CommunityRules.Cli/bin/Release/net10.0/CommunityRules.Cli.dll"
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for i in $(seq 1 "$runs"); do
  for packs in default two; do
    if [ "$packs" = default ]; then rules=(); else rules=(-r builtin:governance -r builtin:posting-guidelines); fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "$packs run $i: %e s wall, %U s user, %S s system, %M KB peak (load $load)" \
      dotnet "$tool" check "${rules[@]}" -d "$snapshot" --format "$format" -o "$report" --fail-on never
  done
done

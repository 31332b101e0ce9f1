#!/usr/bin/env bash
# Times the five bigmath benchmark computations, each including the
# conversion of the result to decimal text, with the Go benchmarks, python3
# and bc. It checks that the three results agree and prints a Markdown
# table with the ratios python3/Go and bc/Go.
#
# Usage: modules/bigmath/testdata/bench_compare.sh
# Go and python3 times are the best of BENCH_REPEAT (default 3) runs, to
# damp the noise of a shared machine. bc runs once, because its runs are
# long. BENCH_TIMEOUT_SECONDS (default 300) caps each python3 and bc run.
# BENCH_COUNT (default 5) sets the Go benchmark iterations per run.
set -euo pipefail

timeout_seconds=${BENCH_TIMEOUT_SECONDS:-300}
count=${BENCH_COUNT:-5}
repeat=${BENCH_REPEAT:-3}
here=$(cd "$(dirname "$0")" && pwd)
module_root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

names=(factorial fib factor pi pow)
declare -A benchmarks=(
	[factorial]=BenchmarkFactorial200000
	[fib]=BenchmarkFib1000000
	[factor]=BenchmarkFactorSemiprime60
	[pi]=BenchmarkPi20000
	[pow]=BenchmarkPow3To1000000
)
declare -A labels=(
	[factorial]="200000!"
	[fib]="fib(10^6)"
	[factor]="factor 60-bit semiprime"
	[pi]="pi, 20000 digits"
	[pow]="3^1000000"
)

for tool in go python3 bc timeout; do
	command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "versions: $(go version | cut -d' ' -f3), $(python3 --version), $(bc --version | head -1)"
echo

(cd "$module_root" &&
	go test -c -o "$work/bigmath.test" ./modules/bigmath/ &&
	go build -o "$work/bigcalc" ./modules/bigmath/testdata/bigcalc)
bench_pattern='^Benchmark(Factorial200000|Fib1000000|FactorSemiprime60|Pi20000|Pow3To1000000)$'
"$work/bigmath.test" -test.run '^$' -test.bench "$bench_pattern" \
	-test.benchtime "${count}x" -test.count "$repeat" >"$work/go_bench.txt"

# go_seconds prints the best mean seconds per operation of a Go benchmark.
go_seconds() {
	awk -v name="$1" '$1 ~ "^"name"(-[0-9]+)?$" && (best == "" || $3 < best) { best = $3 }
		END { printf "%.4g", best / 1e9 }' "$work/go_bench.txt"
}

# python_seconds runs the python3 reference and prints the least seconds it
# reports, or "timeout".
python_seconds() {
	: >"$work/python_$1.times"
	for _ in $(seq "$repeat"); do
		if ! timeout "$timeout_seconds" python3 "$here/bench_reference.py" "$1" \
			>"$work/python_$1.txt" 2>"$work/python_$1.err"; then
			echo timeout
			return
		fi
		cat "$work/python_$1.err" >>"$work/python_$1.times"
	done
	awk -F= '/^seconds=/ && (best == "" || $2 < best) { best = $2 }
		END { printf "%.4g", best }' "$work/python_$1.times"
}

# bc_seconds runs the bc program and prints its wall-clock seconds,
# including printing the result, or "timeout".
bc_seconds() {
	local start end
	start=$(date +%s.%N)
	if ! BC_LINE_LENGTH=0 timeout "$timeout_seconds" bc -q "$here/bc/$1.bc" </dev/null \
		>"$work/bc_$1.txt"; then
		echo timeout
		return
	fi
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4g", e - s }'
}

# digits prints a result file without decimal point and newlines. pi keeps
# its first 20000 digits because bc's last digits may be off.
digits() {
	local text
	text=$(tr -d '.\n' <"$2")
	if [ "$1" = pi ]; then text=${text:0:20000}; fi
	printf '%s' "$text" | sha256sum | cut -c1-16
}

# ratio prints a/b with one decimal, or "> t/b" when a timed out after t seconds.
ratio() {
	case "$1" in
	timeout) echo "> $(awk -v t="$timeout_seconds" -v b="$2" 'BEGIN { printf "%.0f", t / b }')" ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }' ;;
	esac
}

echo "| computation | Go s | python3 s | bc s | python3/Go | bc/Go | results agree |"
echo "|---|---:|---:|---:|---:|---:|---|"
for name in "${names[@]}"; do
	go=$(go_seconds "${benchmarks[$name]}")
	py=$(python_seconds "$name")
	bc=$(bc_seconds "$name")
	"$work/bigcalc" "$name" >"$work/go_$name.txt"
	agree=yes
	go_digits=$(digits "$name" "$work/go_$name.txt")
	for other in python bc; do
		file="$work/${other}_$name.txt"
		if [ ! -s "$file" ]; then
			agree="unchecked ($other has no result)"
		elif [ "$(digits "$name" "$file")" != "$go_digits" ]; then
			agree="no ($other differs)"
		fi
	done
	echo "| ${labels[$name]} | $go | $py | $bc |" \
		"$(ratio "$py" "$go") | $(ratio "$bc" "$go") | $agree |"
done

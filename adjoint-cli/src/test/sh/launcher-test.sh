#!/bin/sh
# Tests the ./adjoint launcher from the shell (run by .ci/run after mvn verify): the JVM's incubator-module warning
# never reaches the user, everything else on stdout and stderr does, exit codes pass through, and non-ASCII
# arguments survive a non-UTF-8 locale.
set -u
root=$(cd "$(dirname "$0")/../../.." && cd .. && pwd)
adjoint="$root/adjoint"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
failures=0

check() { # description, expected exit code, actual exit code
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: exit code $3, expected $2" >&2
        failures=$((failures + 1))
    fi
}
expect() { # description, file, grep pattern
    if ! grep -q -- "$3" "$2"; then
        echo "FAIL: $1: no line matching '$3' in:" >&2
        cat "$2" >&2
        failures=$((failures + 1))
    fi
}
refuse() { # description, file, grep pattern
    if grep -q -- "$3" "$2"; then
        echo "FAIL: $1: unexpected line matching '$3'" >&2
        failures=$((failures + 1))
    fi
}

"$adjoint" diff "x^2" --at x=3 >"$out" 2>"$err"
check "ok" 0 $?
expect "ok: stdout" "$out" '∂f/∂x = 6'
refuse "ok: the JVM warning" "$err" 'incubator'
[ -s "$err" ] && { echo "FAIL: ok: stderr not empty:" >&2; cat "$err" >&2; failures=$((failures + 1)); }

"$adjoint" diff "x +* 2" --at x=1 >"$out" 2>"$err"
check "parse error" 2 $?
expect "parse error: stderr" "$err" "cannot parse the expression: unexpected '\*'"
refuse "parse error: the JVM warning" "$err" 'incubator'

"$adjoint" diff "ln(x)" --at x=0 >"$out" 2>"$err"
check "not finite" 3 $?
expect "not finite: stdout" "$out" 'value'
expect "not finite: stderr" "$err" 'warning: not finite: ln produced an infinite value'

LC_ALL=C "$adjoint" diff "x + é" --at x=1 >"$out" 2>"$err"
check "non-ASCII under LC_ALL=C" 2 $?
expect "non-ASCII under LC_ALL=C: decoded" "$err" "unexpected 'é' (U+00E9)"

"$adjoint" --version >"$out" 2>"$err"
check "version" 0 $?
expect "version" "$out" '^adjoint '
refuse "version: the JVM warning" "$err" 'incubator'

if [ "$failures" -gt 0 ]; then
    echo "launcher-test: $failures failure(s)" >&2
    exit 1
fi
echo "launcher-test: all passed"

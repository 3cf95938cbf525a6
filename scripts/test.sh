#!/usr/bin/env bash
# Set up (if needed) and run every test of the course, stage by stage, printing each
# stage's time. Every stage runs even if an earlier one failed, except a stage that needs
# what a failed stage makes (the site, the second build): it is reported as skipped. The
# script exits non-zero if any stage failed or was skipped. Ctrl-C (or any exit) ends the
# background jobs too.
#
# Two cores are used throughout: pytest stages run on 2 xdist workers, and the long serial
# jobs (the book build, a second clean build for the determinism check, the Binder
# environment check) run in the background while other stages run. Their output goes to
# .test-logs/ and is printed when they finish.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONHASHSEED=0 PYDEVD_DISABLE_FILE_VALIDATION=1
# No MPLBACKEND here: kernels must use the inline backend, or charts become "<Figure size …>"
# text on the built pages (tests/site/test_assets.py checks). Headless matplotlib picks Agg.
unset MPLBACKEND
export PYTEST_ADDOPTS="-p no:cacheprovider"  # no .pytest_cache for Sphinx to trip over
WORKERS=${WORKERS:-2}
LOGS=.test-logs
started=$SECONDS

declare -a names=() times=() results=()
declare -A bg_pid=()
failed=0
record() {  # record NAME RESULT SECONDS
  names+=("$1"); results+=("$2"); times+=("$3")
  [[ $2 == ok ]] || failed=1
  echo "=== $1: $2 in $3 s ==="
}
result_of() {  # result_of NAME: ok, FAILED, skipped, or nothing if it has not run
  local i
  for i in "${!names[@]}"; do [[ ${names[$i]} == "$1" ]] && echo "${results[$i]}"; done
}
skip_stage() {  # skip_stage NAME REASON: a stage that cannot run because another failed
  echo; echo "=== stage: $1 skipped: $2 ==="
  record "$1" skipped 0
}
stop_background() {  # on any exit: end every background job and its children
  local pid
  for pid in "${bg_pid[@]}"; do
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
}
trap stop_background EXIT
trap 'echo; echo "interrupted: stopping the background stages"; exit 130' INT TERM
run_stage() {  # run_stage NAME COMMAND...
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "=== stage: $name ==="
  if "$@"; then record "$name" ok $((SECONDS - start)); else record "$name" FAILED $((SECONDS - start)); fi
}
start_background() {  # start_background NAME COMMAND...: runs while the next stages run
  local name=$1; shift
  echo
  echo "=== stage: $name (in the background; log in $LOGS/$name.log) ==="
  # set -m gives the job its own process group, so the trap can end it with its children
  set -m
  ( local start=$SECONDS; "$@" >"$LOGS/$name.log" 2>&1; echo "$? $((SECONDS - start))" >"$LOGS/$name.done" ) &
  bg_pid[$name]=$!
  set +m
}
finish_background() {  # finish_background NAME: wait, show the end of its log, record it
  local name=$1 rc seconds
  wait "${bg_pid[$name]}"
  unset "bg_pid[$name]"
  read -r rc seconds <"$LOGS/$name.done"
  echo
  echo "=== stage: $name (finished; last lines of $LOGS/$name.log) ==="
  grep -v "Kernel is running over TCP" "$LOGS/$name.log" | tail -n 25
  if [[ $rc == 0 ]]; then record "$name" ok "$seconds"; else record "$name" FAILED "$seconds"; fi
}

run_stage setup bash scripts/setup.sh --browser
if [[ ${results[0]} != ok ]]; then echo "setup failed; nothing else can run"; exit 1; fi
source .venv/bin/activate
rm -rf "$LOGS" && mkdir -p "$LOGS"

# pre-commit: ruff, ruff format, YAML, stripped notebooks, mypy (generated files: next stage)
run_stage lint env SKIP=generated-files pre-commit run --all-files --show-diff-on-failure
run_stage generated-files python -m relsell_book.build --check
# A clean build every time: cached doctrees or notebook outputs would hide a change to relsell.
rm -rf _build
start_background book jupyter-book build . --warningiserror --nitpick --keep-going
run_stage unit pytest -q -n "$WORKERS" tests/unit
run_stage notebooks pytest -q -n "$WORKERS" --dist loadfile --nbval-lax notebooks
run_stage exercises pytest -q -n "$WORKERS" --dist loadgroup tests/exercises
finish_background book
if [[ $(result_of book) == ok ]]; then
  # A second clean build (own execution cache) to prove the site is deterministic.
  start_background book-again jupyter-book build . --path-output _build/second --keep-going
fi
start_background binder-env bash scripts/check_binder_env.sh
if [[ $(result_of book) == ok && -f _build/html/index.html ]]; then
  run_stage site pytest -q tests/site --site _build/html
  run_stage browser pytest -q -n "$WORKERS" tests/browser --site _build/html
  weights=(_build/screenshots/page-weights.*.tsv)
  if [[ -f ${weights[0]} ]]; then
    { head -n 1 "${weights[0]}"; tail -q -n +2 "${weights[@]}" | sort; } >_build/screenshots/page-weights.tsv
    echo; echo "=== bytes loaded per page (screenshots in _build/screenshots/) ==="
    column -t -s $'\t' _build/screenshots/page-weights.tsv 2>/dev/null || cat _build/screenshots/page-weights.tsv
  fi
  timings=(_build/screenshots/live-timings.*.tsv)
  if [[ -f ${timings[0]} ]]; then
    { head -n 1 "${timings[0]}"; tail -q -n +2 "${timings[@]}" | sort; } >_build/screenshots/live-timings.tsv
    echo; echo "=== live models: bytes after Run live, first chart and median update (2 cores, local server) ==="
    column -t -s $'\t' _build/screenshots/live-timings.tsv 2>/dev/null || cat _build/screenshots/live-timings.tsv
  fi
else
  for stage in site browser book-again; do skip_stage $stage "the book did not build"; done
fi
finish_background binder-env
if [[ $(result_of book) == ok ]]; then
  finish_background book-again
  if [[ $(result_of book-again) == ok ]]; then
    run_stage determinism pytest -q tests/site/test_determinism.py --site _build/html \
      --second-site _build/second/_build/html
  else
    skip_stage determinism "the second build failed"
  fi
else
  skip_stage determinism "the book did not build"
fi

echo
echo "=== summary (background stages overlap the ones after them) ==="
for i in "${!names[@]}"; do
  printf '%-16s %-7s %5d s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
done
printf '%-16s %-7s %5d s\n' "wall time" "$([[ $failed == 0 ]] && echo ok || echo FAILED)" $((SECONDS - started))
exit $failed

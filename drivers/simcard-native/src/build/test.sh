#!/bin/sh
# Builds the C tests with AddressSanitizer and UBSan against the library's sources, and runs them.
#   test.sh [SKIP_TESTS] [MAVEN_TEST_SKIP]   (Maven passes -DskipTests / -Dmaven.test.skip through)
set -eu
case "${1:-false}${2:-false}" in
    *true*) echo "simcard-native: tests skipped"; exit 0 ;;
esac
if ! command -v gcc >/dev/null 2>&1; then
    echo "gcc not found: apt-get install gcc" >&2
    exit 1
fi
module_dir=$(cd "$(dirname "$0")/../.." && pwd)
out_dir=$module_dir/target/native-test

mkdir -p "$out_dir"
gcc -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra -Werror -pthread \
    -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -I"$module_dir/src/main/c" \
    -o "$out_dir/simcard_test" \
    "$module_dir"/src/main/c/*.c "$module_dir/src/test/c/simcard_test.c" -lm

ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    "$out_dir/simcard_test"

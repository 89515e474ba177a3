#!/bin/sh
# Compiles the simulator card into the JNA resource path of the module's classes:
#   compile.sh OUTPUT_DIR   ->  OUTPUT_DIR/linux-x86-64/libswitchboard_simcard.so
set -eu
if ! command -v gcc >/dev/null 2>&1; then
    echo "gcc not found: apt-get install gcc" >&2
    exit 1
fi
module_dir=$(cd "$(dirname "$0")/../.." && pwd)
out_dir=${1:-$module_dir/target/classes}

mkdir -p "$out_dir/linux-x86-64"
gcc -std=c11 -O2 -fPIC -Wall -Wextra -Werror -pthread -shared \
    -Wl,--no-undefined -Wl,-soname,libswitchboard_simcard.so \
    -o "$out_dir/linux-x86-64/libswitchboard_simcard.so" \
    "$module_dir"/src/main/c/*.c -lm

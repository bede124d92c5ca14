#!/bin/sh
# Regenerate the build system from a git checkout (a release tarball has it).
set -e
cd "$(dirname "$0")"
autoreconf -fi

#!/bin/sh
# make check's module test: the amd64 flavour of testsuite/kmod/run (every
# testsuite/d case and the live provider tests inside qemu on Debian's 6.1
# kernel).  Needs root, qemu and the kernel packages ci/kernel-trees fetches.
exec "$(dirname "$0")/run" amd64

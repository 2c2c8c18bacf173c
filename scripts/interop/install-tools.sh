#!/usr/bin/env bash
# install-tools.sh — installs (Debian/Ubuntu, as root) every tool the interop
# scripts use: the cross gcc of each ISA with its static C library, qemu-user,
# binutils (readelf) and clang/lld 19 for the wasm32 kernel.
set -euo pipefail
PACKAGES=(
  gcc-arm-linux-gnueabihf gcc-i686-linux-gnu gcc-aarch64-linux-gnu
  gcc-riscv64-linux-gnu gcc-s390x-linux-gnu gcc-mips-linux-gnu
  libc6-dev-armhf-cross libc6-dev-i386-cross libc6-dev-arm64-cross
  libc6-dev-riscv64-cross libc6-dev-s390x-cross libc6-dev-mips-cross
  qemu-user-static binutils clang-19 lld-19
)
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

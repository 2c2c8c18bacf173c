# isa.sh — sourced by the interop scripts: per-ABI cross compiler and runner.
#
# One row per ABI id (SPEC §5): the Debian cross gcc that targets it and the
# qemu-user binary that runs its static executables. x86_64 runs natively;
# i386 runs natively when the kernel has IA-32 emulation, else under qemu.

# INTEROP_ABIS lists the ABI ids the producers cover, in SPEC §5 order.
INTEROP_ABIS="x86_64-linux aarch64-linux i386-linux armv7-linux riscv64-linux s390x-linux mips-linux"

# INTEROP_CFLAGS are the flags every interop C program is built with.
# -static: qemu-user needs no target sysroot; -no-pie: fixed addresses, so
# the pointers a producer writes are the same on every run.
INTEROP_CFLAGS="-std=c11 -O1 -Wall -Wextra -static -no-pie"

# isa_row prints "<gcc> <qemu>" for an ABI id, or fails.
isa_row() {
  case "$1" in
    x86_64-linux)  echo "x86_64-linux-gnu-gcc -" ;;
    aarch64-linux) echo "aarch64-linux-gnu-gcc qemu-aarch64-static" ;;
    i386-linux)    echo "i686-linux-gnu-gcc qemu-i386-static" ;;
    armv7-linux)   echo "arm-linux-gnueabihf-gcc qemu-arm-static" ;;
    riscv64-linux) echo "riscv64-linux-gnu-gcc qemu-riscv64-static" ;;
    s390x-linux)   echo "s390x-linux-gnu-gcc qemu-s390x-static" ;;
    mips-linux)    echo "mips-linux-gnu-gcc qemu-mips-static" ;;
    *) echo "isa.sh: no cross compiler known for ABI '$1'" >&2; return 1 ;;
  esac
}

# isa_cc prints the C compiler for an ABI id.
isa_cc() { set -- $(isa_row "$1") && echo "$1"; }

# isa_qemu prints the qemu-user runner for an ABI id ("-" for native).
isa_qemu() { set -- $(isa_row "$1") && echo "$2"; }

# isa_run runs a static executable built for an ABI id: natively if the host
# can (x86_64; i386 with IA-32 emulation), else under its qemu-user.
# It sets ISA_RAN_WITH to "native" or the qemu binary used.
isa_run() {
  local abi="$1" exe="$2"; shift 2
  local qemu; qemu=$(isa_qemu "$abi") || return 1
  if [ "$qemu" = "-" ]; then ISA_RAN_WITH=native; "$exe" "$@"; return; fi
  if [ "$abi" = "i386-linux" ] && isa_runs_natively "$exe"; then
    ISA_RAN_WITH=native; "$exe" "$@"; return
  fi
  ISA_RAN_WITH="$qemu"; "$qemu" "$exe" "$@"
}

# isa_runs_natively tells whether the host kernel executes exe itself: run
# without arguments it prints its usage (exit 2); 126/127 mean it could not start.
isa_runs_natively() {
  "$1" >/dev/null 2>&1
  [ $? -lt 126 ]
}

# isa_build compiles C sources for an ABI id into an executable.
isa_build() {
  local abi="$1" out="$2"; shift 2
  local cc; cc=$(isa_cc "$abi") || return 1
  # shellcheck disable=SC2086
  "$cc" $INTEROP_CFLAGS -o "$out" "$@"
}

# isa_check_tools fails with the apt-get line to run if a tool is missing.
isa_check_tools() {
  local missing=""
  for abi in "$@"; do
    local cc qemu; cc=$(isa_cc "$abi") || return 1; qemu=$(isa_qemu "$abi")
    command -v "$cc" >/dev/null || missing="$missing $cc"
    [ "$qemu" = "-" ] || command -v "$qemu" >/dev/null || missing="$missing $qemu"
  done
  if [ -n "$missing" ]; then
    echo "missing:$missing" >&2
    echo "install: see scripts/interop/README.md (scripts/interop/install-tools.sh)" >&2
    return 1
  fi
}

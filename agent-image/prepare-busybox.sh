#!/bin/sh
# Puts a statically linked busybox at <destination> (the agent image's /bin/cp).
# The OpenTelemetry Operator's init container runs `cp /javaagent.jar /otel-auto-instrumentation-java/...`
# without a shell, so the image needs a real `cp` that runs without a libc: busybox dispatches on argv[0].
# Source: Debian's busybox-static package, installed with apt-get when it is missing.
set -eu

destination=${1:?usage: prepare-busybox.sh <destination-file>}
busybox=/bin/busybox

is_static() {
  # A static binary has no program interpreter (PT_INTERP): no "interpreter" line from file, no .interp section.
  [ -x "$1" ] && ! LC_ALL=C od -A n -c -N 4096 "$1" | tr -d ' \n' | grep -q 'ld-linux'
}

if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed'; then
  echo "prepare-busybox: installing Debian package busybox-static" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "prepare-busybox: busybox-static is missing; install it: sudo apt-get install busybox-static" >&2
    exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >&2; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >&2
  fi
fi

if ! is_static "$busybox"; then
  echo "prepare-busybox: $busybox is not statically linked" >&2
  exit 1
fi

mkdir -p "$(dirname "$destination")"
cp "$busybox" "$destination"
chmod 0755 "$destination"
echo "prepare-busybox: $(dpkg-query -W -f='busybox-static ${Version}' busybox-static) -> $destination" >&2

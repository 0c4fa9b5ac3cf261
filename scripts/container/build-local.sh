#!/usr/bin/env bash
# Builds and checks the container image on a machine that cannot pull from docker.io (issue 18):
# the run stage's base is a Debian bookworm rootfs made with debootstrap and brought in with
# `podman import`, and the binary is one built on this machine (the Containerfile's Swift build
# stage needs the swift:6.3-bookworm image, which cannot be pulled here). Then runs the image on
# SQLite and checks /health, the health check, the user and the served home page.
#
#   swift build --product fornye            # or -c release; FORNYE=path/to/fornye
#   scripts/container/build-local.sh        # as root; PORT (8107) is the host port for the check
#
# Debian packages needed: podman, debootstrap, runc. Everything it makes is under $WORK and in podman's
# image store (localhost/fornye-base:bookworm, localhost/fornye-staging, localhost/fornye:local).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FORNYE=${FORNYE:-$ROOT/.build/debug/fornye}
PORT=${PORT:-8107}
# This machine (cgroup v1/v2 hybrid, no raising of resource limits inside the sandbox) needs
# runc (Debian package) instead of crun, limits no higher than its own, and chroot isolation for
# the build's RUN steps; elsewhere RUNTIME_OPTIONS= and ISOLATION=oci.
RUNTIME_OPTIONS=${RUNTIME_OPTIONS---runtime runc --ulimit nofile=4096:4096 --ulimit nproc=4096:4096}
ISOLATION=${ISOLATION:-chroot}
WORK=${WORK:-$(mktemp -d /tmp/fornye-container.XXXXXX)}
[ -x "$FORNYE" ] || { echo "build first: swift build --product fornye (or set FORNYE)" >&2; exit 2; }

# 1. The base: bookworm minbase with what the run stage installs, so its apt-get finds it all there.
if ! podman image exists localhost/fornye-base:bookworm; then
  debootstrap --variant=minbase \
    --include=ca-certificates,tzdata,curl,libcurl4,libxml2,postgresql-client \
    bookworm "$WORK/rootfs" http://deb.debian.org/debian >"$WORK/debootstrap.log"
  rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
  tar -C "$WORK/rootfs" -c . | podman import - localhost/fornye-base:bookworm >/dev/null
fi

# 2. The staging image: the binary, its resource bundles, and the Swift runtime libraries it links
#    from the toolchain (none for a binary linked with --static-swift-stdlib).
mkdir -p "$WORK/staging/lib"
cp "$FORNYE" "$WORK/staging/fornye"
find "$(dirname "$FORNYE")/" -maxdepth 1 -name '*.resources' ! -name '*Tests.resources' -exec cp -R {} "$WORK/staging/" \;
ldd "$FORNYE" | awk '$3 ~ /^\// && $3 !~ /^\/(usr\/)?lib(64)?\// {print $3}' | while read -r lib; do
  cp -L "$lib" "$WORK/staging/lib/"
done
printf 'FROM scratch\nCOPY staging/ /staging/\n' >"$WORK/Staging.containerfile"
podman build -q -t localhost/fornye-staging -f "$WORK/Staging.containerfile" "$WORK" >/dev/null

# 3. The image, from the repository's Containerfile.
podman build --isolation="$ISOLATION" --format docker -t localhost/fornye:local --build-arg BASE=localhost/fornye-base:bookworm \
  --build-arg STAGING=localhost/fornye-staging -f "$ROOT/Containerfile" "$ROOT" >"$WORK/build.log" 2>&1 \
  || { tail -20 "$WORK/build.log" >&2; exit 1; }

# 4. Run it (SQLite in the /data volume, demo content) and check it.
podman rm -f fornye-check >/dev/null 2>&1 || true
# shellcheck disable=SC2086
podman run -d --name fornye-check $RUNTIME_OPTIONS -p "127.0.0.1:$PORT:8080" \
  -e FORNYE_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" localhost/fornye:local >/dev/null
trap 'podman logs fornye-check >"$WORK/container.log" 2>&1 || true; podman rm -f fornye-check >/dev/null 2>&1 || true' EXIT
started=$(date +%s.%N)
for _ in $(seq 1 240); do
  curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health" >"$WORK/health.json" 2>/dev/null && break
  [ "$(podman inspect fornye-check --format '{{.State.Running}}')" = true ] || { echo "the container stopped (log: $WORK/container.log)" >&2; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
echo "health:       $(cat "$WORK/health.json") after $(awk "BEGIN {printf \"%.1f\", $ready - $started}") s"
echo "health check: $(podman healthcheck run fornye-check >/dev/null 2>&1 && echo healthy || echo unhealthy)"
echo "user:         $(podman exec fornye-check id)"
echo "home page:    HTTP $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")"
echo "image:        $(podman image inspect localhost/fornye:local --format '{{.Size}}' | numfmt --to=iec) (localhost/fornye:local)"
echo "work directory: $WORK"

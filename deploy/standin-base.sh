#!/usr/bin/env bash
# A stand-in for `node:24-alpine` where no container registry is reachable (this machine): a
# base image made from scratch with buildah out of files already here — the project's own Node 24
# binary (node_modules/node, the `node` npm package), the shared libraries it links (this host's
# Debian glibc), npm 11 from this host, busybox (Debian's busybox-static) for /bin/sh and the
# few commands the Dockerfile's RUN lines use, CA certificates, and a `node` user with uid 1000.
# glibc, not musl: both stages of deploy/Dockerfile use it, so they stay one libc family.
#
#   bash deploy/standin-base.sh            → localhost/node24-standin:latest
#   podman build --isolation chroot --format docker --build-arg NODE_IMAGE=localhost/node24-standin \
#     -f deploy/Dockerfile -t log-explorer:dev .
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=${1:-localhost/node24-standin:latest}
NODE_BIN=$(readlink -f node_modules/.bin/node)
NPM_DIR=$(dirname "$(readlink -f "$(command -v npm)")")/..
BUSYBOX=/bin/busybox
[ -x "$BUSYBOX" ] || { echo "needs Debian's busybox-static: apt-get install busybox-static"; exit 1; }
"$NODE_BIN" --version | grep -q '^v24\.' || { echo "node_modules/node is not Node 24: run npm ci"; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,usr/bin,usr/local/bin,usr/local/lib,etc/ssl/certs,tmp,home/node,lib64,lib/x86_64-linux-gnu}
chmod 1777 "$root/tmp"
cp "$NODE_BIN" "$root/usr/local/bin/node"
# The libraries the dynamic loader needs for node (ldd lists them), at the same paths.
for lib in $(ldd "$NODE_BIN" | grep -o '/[^ ]*'); do cp -L "$lib" "$root$lib"; done
cp -a "$(readlink -f "$NPM_DIR")" "$root/usr/local/lib/node_modules-npm"
mkdir -p "$root/usr/local/lib/node_modules" && mv "$root/usr/local/lib/node_modules-npm" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
cp "$BUSYBOX" "$root/bin/busybox"
for applet in sh mkdir chown chmod ls cat rm cp mv ln env id wget; do ln -s busybox "$root/bin/$applet"; done
# npm and npx start with `#!/usr/bin/env node`.
ln -s /bin/busybox "$root/usr/bin/env"
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' >"$root/etc/group"
chown 1000:1000 "$root/home/node"

ctr=$(buildah --storage-driver "${STORAGE_DRIVER:-overlay}" from scratch)
buildah --storage-driver "${STORAGE_DRIVER:-overlay}" copy "$ctr" "$root" / >/dev/null
buildah --storage-driver "${STORAGE_DRIVER:-overlay}" config \
  --env PATH=/usr/local/bin:/usr/bin:/bin --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  --cmd '["node"]' "$ctr"
buildah --storage-driver "${STORAGE_DRIVER:-overlay}" commit -q "$ctr" "$TAG"
buildah --storage-driver "${STORAGE_DRIVER:-overlay}" rm "$ctr" >/dev/null
echo "made $TAG"

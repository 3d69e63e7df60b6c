#!/usr/bin/env bash
# Makes the release archives in lightpane-cli/target/dist/; run by `./mvnw package` (the antrun
# step of lightpane-cli/pom.xml) after the runnable jar, the man pages and the completion scripts:
#
#   lightpane-VERSION-linux-x64.tar.gz  bin/lightpane, a jlink runtime, lib/lightpane.jar, the
#                                       class-data archive lib/lightpane.jsa, man pages, completion
#   lightpane-VERSION.zip               the jar and launchers for any Java 17+, man pages, completion
#   lightpane_VERSION_amd64.deb         the tarball's install under /usr/lib/lightpane, /usr/bin,
#                                       man and completion where Debian looks for them
#   SHA256SUMS, the CycloneDX SBOMs of the CLI and the client
#
# Usage: make-dist.sh VERSION TARGET_DIR REPO_ROOT OUTPUT_TIMESTAMP [JDK]
# The runtime comes from JDK if given, else from a JDK 25 under /usr/lib/jvm, else from the JDK
# running the build. JDK 21+ matters: its class-data archives still apply when the install is
# moved (extracted anywhere, installed under /usr/lib); a JDK 17 archive only where it was made.
set -euo pipefail

version="$1" target="$2" root="$3" timestamp="$4" jdk="${5:-}"
src="$root/lightpane-cli/src/dist"
dist="$target/dist"
work="$target/dist-work"
epoch="$(date -u -d "$timestamp" +%s)"
export SOURCE_DATE_EPOCH="$epoch" TZ=UTC LC_ALL=C

if [[ -z "$jdk" || ! -x "$jdk/bin/jlink" ]]; then
  jdk=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64 \
      "${JAVA_HOME:-}"; do
    if [[ -n "$candidate" && -x "$candidate/bin/jlink" ]]; then jdk="$candidate"; break; fi
  done
fi
[[ -n "$jdk" ]] || { echo "make-dist: no JDK with jlink found; pass -Dlightpane.dist.jdk=/path/to/jdk" >&2; exit 1; }

rm -rf "$dist" "$work"
mkdir -p "$dist" "$work"
log() { echo "[dist] $*" >&2; }

# Modules: what jdeps finds in the jar, less those only unused code reaches, plus two that are
# found through services or reflection rather than by a class reference.
unused="java.desktop java.sql java.scripting java.management"
#   java.desktop, java.sql: opencsv's bean binding (commons-beanutils) and ResultSet writer, and
#     Jackson's optional java.beans / java.sql support; the CLI writes CSV with CSVWriter only.
#   java.scripting: commons-text's script lookup; java.management: jline's `ttop` builtin.
found="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$target/lightpane.jar")"
modules="jdk.crypto.ec,jdk.unsupported"
#   jdk.crypto.ec: elliptic-curve TLS (ECDHE) with https://api.lightpane.cloud (a JDK 17 runtime);
#   jdk.unsupported: sun.misc.Signal, used by jline for the shell's Ctrl-C and window resizes.
for module in ${found//,/ }; do
  [[ " $unused " == *" $module "* ]] || modules="$modules,$module"
done
log "runtime from $jdk: $modules"

# The self-contained install.
name="lightpane-$version-linux-x64"
home="$work/$name"
mkdir -p "$home/bin" "$home/lib" "$home/share/man/man1" "$home/share/bash-completion/completions" \
  "$home/share/zsh/site-functions"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$home/runtime"
# A JDK's libjvm.so keeps its symbol tables (5 MiB of 30); jlink's --strip-native-debug-symbols
# does not apply to a JDK linked without jmods (JDK 25), so strip does it, where it is installed.
if command -v strip >/dev/null 2>&1; then
  find "$home/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi
install -m 755 "$src/bin/lightpane" "$home/bin/lightpane"
install -m 644 "$target/lightpane.jar" "$src/jvm-options.bash" "$home/lib/"
install -m 644 "$target"/man/*.1 "$home/share/man/man1/"
install -m 644 "$target/completion/lightpane.bash" "$home/share/bash-completion/completions/lightpane"
install -m 644 "$target/completion/lightpane.zsh" "$home/share/zsh/site-functions/_lightpane"
install -m 644 "$root/LICENSE" "$root/NOTICE" "$home/"

# Every file gets the release's time before the archive is dumped: the archive records the jar's
# size and time and is used only when they match, and each package below keeps these times.
find "$home" -exec touch -h -d "@$epoch" {} +

# The class-data archive, from the same training runs as the clone's ./lightpane makes its own.
# shellcheck source=jvm-options.bash
source "$src/jvm-options.bash"
if ! lightpane_class_archive "$home/runtime/bin/java" "$home/lib/lightpane.jar" "$home/lib/lightpane.jsa"; then
  cat "$home/lib/lightpane.jsa.log" >&2
  exit 1
fi
# The files a run needs, with their sizes: bin/lightpane checks them to name a damaged file.
(cd "$home" && stat -c '%s %n' runtime/bin/java runtime/lib/modules runtime/lib/server/libjvm.so \
  runtime/lib/libjli.so runtime/lib/libjava.so lib/lightpane.jar lib/lightpane.jsa lib/jvm-options.bash) \
  >"$home/lib/install.sizes"
find "$home" -exec touch -h -d "@$epoch" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" \
  | gzip -n -6 >"$dist/$name.tar.gz"

# The zip, for any Java 17+.
zipname="lightpane-$version"
zhome="$work/$zipname"
mkdir -p "$zhome/bin" "$zhome/lib"
install -m 755 "$src/bin/lightpane-any-java" "$zhome/bin/lightpane"
install -m 644 "$src/bin/lightpane.cmd" "$zhome/bin/lightpane.cmd"
install -m 644 "$target/lightpane.jar" "$src/jvm-options.bash" "$zhome/lib/"
cp -a "$home/share" "$home/LICENSE" "$home/NOTICE" "$zhome/"
find "$zhome" -exec touch -h -d "@$epoch" {} +
(cd "$work" && find "$zipname" | sort | zip -qX -@ "$dist/$zipname.zip")

# The .deb: the same install under /usr/lib/lightpane, linked from /usr/bin.
if command -v dpkg-deb >/dev/null 2>&1; then
  deb="$work/deb"
  mkdir -p "$deb/DEBIAN" "$deb/usr/lib" "$deb/usr/bin" "$deb/usr/share/man/man1" \
    "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" \
    "$deb/usr/share/doc/lightpane"
  mkdir "$deb/usr/lib/lightpane"
  cp -a "$home/bin" "$home/lib" "$home/runtime" "$deb/usr/lib/lightpane/"
  ln -s ../lib/lightpane/bin/lightpane "$deb/usr/bin/lightpane"
  for page in "$home"/share/man/man1/*.1; do gzip -9n <"$page" >"$deb/usr/share/man/man1/$(basename "$page").gz"; done
  cp -a "$home/share/bash-completion/completions/lightpane" "$deb/usr/share/bash-completion/completions/"
  cp -a "$home/share/zsh/site-functions/_lightpane" "$deb/usr/share/zsh/vendor-completions/"
  cat "$home/LICENSE" "$home/NOTICE" >"$deb/usr/share/doc/lightpane/copyright"
  # Debian's versions sort 0.1.0~SNAPSHOT before 0.1.0; the file keeps the project's version.
  sed -e "s/@DEB_VERSION@/${version//-/\~}/" -e "s/@INSTALLED_SIZE@/$(du -sk "$deb/usr" | cut -f1)/" \
    "$src/deb/control" >"$deb/DEBIAN/control"
  find "$deb" -exec touch -h -d "@$epoch" {} +
  dpkg-deb --root-owner-group -Zgzip --build "$deb" "$dist/lightpane_${version}_amd64.deb" >/dev/null
else
  log "dpkg-deb not found: no .deb made (install dpkg to make it)"
fi

for sbom in "$target/lightpane-cli-$version-cyclonedx.json" \
    "$root/lightpane-client/target/lightpane-client-$version-cyclonedx.json"; do
  if [[ -f "$sbom" ]]; then cp "$sbom" "$dist/"; else log "no SBOM at $sbom"; fi
done
(cd "$dist" && sha256sum -- *.tar.gz *.zip *.deb >SHA256SUMS 2>/dev/null || sha256sum -- *.tar.gz *.zip >SHA256SUMS)
(cd "$dist" && for f in *; do log "$(du -h --apparent-size "$f" | cut -f1)	$f"; done)

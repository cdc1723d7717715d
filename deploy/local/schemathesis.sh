# Schemathesis, the contract fuzzer the system tests run (sourced by ./shop).

# schemathesis_command: installs the pinned tools of system-tests/fuzz/requirements.txt once, in a
# virtualenv cached per version of that file, and prints the path of its st command.
schemathesis_command() {
  local requirements=$SHOP_ROOT/system-tests/fuzz/requirements.txt
  local venv=$SHOP_CACHE/schemathesis-$(sha256sum "$requirements" | cut -c1-12)
  if [ ! -x "$venv/bin/st" ]; then
    echo "    installing Schemathesis into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv" >&2 || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2 \
      || die "could not install Schemathesis from PyPI"
  fi
  echo "$venv/bin/st"
}

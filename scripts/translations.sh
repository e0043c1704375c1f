#!/usr/bin/env bash
# The shipped translations (README, "Translations"): one catalog per app and one for the demo,
# per language in LANGUAGES_SHIPPED (default: de).
#
#   bash scripts/translations.sh update        regenerate the .po files from the code
#   bash scripts/translations.sh untranslated  list the entries still to translate (or fuzzy)
#   bash scripts/translations.sh compile       compile the .po files into the committed .mo
#   bash scripts/translations.sh check        CI: fail if `update` would change a .po file
#                                               (other than its POT-Creation-Date), if an entry
#                                               is untranslated or fuzzy, if a translation's
#                                               placeholders do not match, or if a .mo is stale
#
# References are written without line numbers (--add-location=file), so moving code around
# does not make the catalogs stale; only adding, changing or removing a string does.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
LANGUAGES_SHIPPED=${LANGUAGES_SHIPPED:-de}
# Each directory is scanned on its own and writes to its own locale/ (the demo's is in
# LOCALE_PATHS). The djangojs domain only where a script calls gettext().
SOURCES=(ai_disclosure moderation demo)

makemessages() {
    local source=$1 language
    for language in $LANGUAGES_SHIPPED; do
        for domain in django djangojs; do
            (cd "$source" && "../$PYTHON" ../manage.py makemessages --locale "$language" \
                --domain "$domain" --add-location file --ignore .venv --ignore var \
                --ignore node_modules --verbosity 0)
        done
    done
}

catalogs() {
    local language source
    for language in $LANGUAGES_SHIPPED; do
        for source in "${SOURCES[@]}"; do
            ls "$source/locale/$language/LC_MESSAGES/"*.po 2>/dev/null || true
        done
    done
}

# The catalog unwrapped and without its POT-Creation-Date line, for comparing (msgmerge
# leaves an unchanged file as it is, so a file's wrapping depends on how it was last written).
stable() { msgcat --no-wrap "$1" | grep -v '^"POT-Creation-Date: '; }

untranslated() {
    local po found=0 entries
    for po in $(catalogs); do
        # The blank line between the two keeps the last untranslated entry apart from the
        # fuzzy list's header, which is dropped below.
        entries=$(msgattrib --untranslated --no-obsolete --no-wrap "$po"; echo; \
                  msgattrib --only-fuzzy --no-obsolete --no-wrap "$po")
        # Drop the header entry (msgid "") that msgattrib prints with the entries.
        entries=$(printf '%s\n' "$entries" | awk 'BEGIN { RS = ""; ORS = "\n\n" }
            !index($0, "\"Content-Type: text/plain; charset=")')
        if [ -n "${entries//[[:space:]]/}" ]; then
            printf '== %s\n%s\n' "$po" "$entries"
            found=1
        fi
    done
    return $found
}

# Whether each committed .mo holds exactly what its .po compiles to (compared as catalogs,
# so a different msgfmt version's byte layout does not matter).
stale_mo() {
    local po mo status=0
    for po in $(catalogs); do
        mo=${po%.po}.mo
        if [ ! -f "$mo" ]; then echo "missing: $mo"; status=1; continue; fi
        msgfmt --check --output-file "$tmp/fresh.mo" "$po"
        if ! "$PYTHON" - "$mo" "$tmp/fresh.mo" <<'EOF'
import gettext, sys
committed, fresh = (gettext.GNUTranslations(open(path, "rb"))._catalog for path in sys.argv[1:])
sys.exit(committed != fresh)
EOF
        then echo "stale: $mo (run: bash scripts/translations.sh compile)"; status=1; fi
    done
    return $status
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case "${1:-check}" in
update)
    for source in "${SOURCES[@]}"; do makemessages "$source"; done
    for po in $(catalogs); do msgcat --output-file "$po" "$po"; done
    ;;
untranslated)
    untranslated && echo "Every entry is translated."
    ;;
compile)
    for po in $(catalogs); do msgfmt --check --output-file "${po%.po}.mo" "$po"; done
    ;;
check)
    status=0
    # Regenerate into the working tree, compare with the copies, then put the copies back.
    before=$(catalogs)
    for po in $before; do mkdir -p "$tmp/$(dirname "$po")"; cp "$po" "$tmp/$po"; done
    for source in "${SOURCES[@]}"; do makemessages "$source"; done
    for po in $(catalogs); do
        if [ ! -f "$tmp/$po" ]; then
            echo "new catalog: $po"; rm "$po"; status=1
        elif ! diff -u <(stable "$tmp/$po") <(stable "$po") >"$tmp/diff"; then
            echo "out of date: $po (run: bash scripts/translations.sh update, then translate)"
            head -40 "$tmp/diff"
            status=1
        fi
    done
    for po in $before; do cp "$tmp/$po" "$po"; done
    if ! untranslated; then
        echo "untranslated or fuzzy entries above"; status=1
    fi
    for po in $(catalogs); do
        msgfmt --check --output-file /dev/null "$po" || { echo "invalid: $po"; status=1; }
    done
    stale_mo || status=1
    if [ $status -eq 0 ]; then echo "Translations are complete and up to date."; fi
    exit $status
    ;;
*)
    echo "usage: $0 [check|update|untranslated|compile]" >&2
    exit 2
    ;;
esac

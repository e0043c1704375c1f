"""``manage.py export_user_data USER``: answer a data-access request from the shell."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ...data_rights import export_user_data_json


class Command(BaseCommand):
    """Print or write one user's data export as JSON."""

    help = (
        "Print everything the installed apps store about one user as JSON: disclosures and "
        "their revisions, and what other apps add (moderation: reviews, messages, appeals)."
    )

    def add_arguments(self, parser):
        """The user to export, and an optional file to write it to."""
        parser.add_argument("user", help="username, or the user's id when no username matches")
        parser.add_argument("--out", type=Path, help="write to this file instead of stdout")

    def handle(self, *args, **options):
        """Export the user's data to stdout or to ``--out``."""
        user = find_user(options["user"])
        text = export_user_data_json(user)
        if options["out"] is None:
            self.stdout.write(text)
            return
        try:
            options["out"].write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {options['out']}: {error.strerror}.") from error
        self.stderr.write(f"Wrote the data of {user.get_username()!r} to {options['out']}.")


def find_user(lookup: str):
    """The user with this username, else (for digits) with this id; a clear error otherwise."""
    users = get_user_model()._default_manager
    user = users.filter(**{get_user_model().USERNAME_FIELD: lookup}).first()
    if user is None and lookup.isdigit():
        user = users.filter(pk=int(lookup)).first()
    if user is None:
        raise CommandError(f"No user with the username or id {lookup!r}.")
    return user

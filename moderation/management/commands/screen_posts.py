"""``manage.py screen_posts``: screen existing content (posts, comments…) after policies or
classifiers changed.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ai_disclosure import content_types
from ai_disclosure.services import content_for

from ... import services
from ...app_settings import app_settings
from ...tasks import enqueue_screening


class Command(BaseCommand):
    """``manage.py screen_posts``: screen posts again, queued or in this process."""

    help = (
        "Screen posts: enqueue them on the backfill queue, or with --sync screen them here "
        "(no broker needed). Use after changing policies or classifiers."
    )

    def add_arguments(self, parser):
        """Which posts (all, stale or by id) and whether to screen them here."""
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true",
                           help="every published object of every registered type")
        which.add_argument("--stale", action="store_true",
                           help="content whose screening is missing or out of date")
        which.add_argument("--post", "--id", dest="ids", type=int, nargs="+", metavar="ID",
                           help="these objects of --type")
        parser.add_argument("--type", default=None,
                            help="the content type of --id (default: the first registered)")
        parser.add_argument("--sync", action="store_true",
                            help="screen in this process instead of enqueueing")

    def handle(self, *args, **options):
        """Queue the chosen posts, or screen them here with ``--sync``."""
        if options["ids"]:
            post_ids = self._chosen(options["type"], options["ids"])
        elif options["stale"]:
            post_ids = services.contents_to_screen()
        else:
            post_ids = [content_for(obj).pk for registered in content_types.registry().values()
                        for obj in registered.adapter.published().order_by("pk")]
        total = len(post_ids)
        done = 0
        size = app_settings.SCREENING_BATCH_SIZE
        # The bar goes to stderr (tqdm's habit), so the summary on stdout stays clean.
        with tqdm(total=total, unit="post", file=self.stderr._out,
                  disable=options["verbosity"] == 0) as progress:
            for start in range(0, total, size):
                batch = post_ids[start : start + size]
                if options["sync"]:
                    services.screen_contents(content_ids=batch)
                    done += len(batch)
                else:
                    queued = enqueue_screening(batch, backfill=True)
                    done += queued
                    if queued < len(batch):
                        break
                progress.update(len(batch))
        verb = "Screened" if options["sync"] else "Enqueued"
        self.stdout.write(f"{verb} {done} of {total} posts.")
        if done < total:
            raise CommandError(
                f"{total - done} posts could not be enqueued: the broker is unavailable. Start "
                "it, or run again with --sync."
            )

    def _chosen(self, kind: str | None, ids: list[int]) -> list[int]:
        """The content ids of the published objects ``ids`` of type ``kind``."""
        try:
            registered = content_types.get(kind) if kind else content_types.default()
        except LookupError as error:
            raise CommandError(str(error)) from error
        objs = {obj.pk: obj for obj in registered.adapter.published().filter(pk__in=ids)}
        if missing := sorted(set(ids) - set(objs)):
            raise CommandError(f"No published {registered.kind} with id "
                               f"{', '.join(map(str, missing))}.")
        return [content_for(objs[pk]).pk for pk in ids]

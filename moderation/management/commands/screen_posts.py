"""``manage.py screen_posts``: screen existing posts after policies or classifiers changed."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ai_disclosure.adapter import get_adapter

from ... import services
from ...app_settings import app_settings
from ...selectors.screening import stale_post_ids
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
        which.add_argument("--all", action="store_true", help="every published post")
        which.add_argument("--stale", action="store_true",
                           help="posts whose screening is missing or out of date")
        which.add_argument("--post", type=int, nargs="+", metavar="ID", help="these posts")
        parser.add_argument("--sync", action="store_true",
                            help="screen in this process instead of enqueueing")

    def handle(self, *args, **options):
        """Queue the chosen posts, or screen them here with ``--sync``."""
        if options["post"]:
            post_ids = options["post"]
            known = set(get_adapter().published_posts().filter(pk__in=post_ids)
                        .values_list("pk", flat=True))
            if missing := sorted(set(post_ids) - known):
                raise CommandError(f"No published post with id {', '.join(map(str, missing))}.")
        elif options["stale"]:
            post_ids = stale_post_ids()
        else:
            post_ids = list(get_adapter().published_posts().order_by("pk")
                            .values_list("pk", flat=True))
        total = len(post_ids)
        done = 0
        size = app_settings.SCREENING_BATCH_SIZE
        # The bar goes to stderr (tqdm's habit), so the summary on stdout stays clean.
        with tqdm(total=total, unit="post", file=self.stderr._out,
                  disable=options["verbosity"] == 0) as progress:
            for start in range(0, total, size):
                batch = post_ids[start : start + size]
                if options["sync"]:
                    services.screen_posts(post_ids=batch)
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

from django.core.management.base import BaseCommand, CommandError

from ai_disclosure.adapter import get_adapter

from ... import services
from ...tasks import enqueue_screening


class Command(BaseCommand):
    help = (
        "Screen posts: enqueue them on the backfill queue, or with --sync screen them here "
        "(no broker needed). Use after changing policies or classifiers."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every published post")
        which.add_argument("--stale", action="store_true",
                           help="posts whose screening is missing or out of date")
        which.add_argument("--post", type=int, nargs="+", metavar="ID", help="these posts")
        parser.add_argument("--sync", action="store_true",
                            help="screen in this process instead of enqueueing")

    def handle(self, *args, **options):
        if options["post"]:
            post_ids = options["post"]
            known = set(get_adapter().published_posts().filter(pk__in=post_ids)
                        .values_list("pk", flat=True))
            if missing := sorted(set(post_ids) - known):
                raise CommandError(f"No published post with id {', '.join(map(str, missing))}.")
        elif options["stale"]:
            post_ids = services.stale_post_ids()
        else:
            post_ids = list(get_adapter().published_posts().order_by("pk")
                            .values_list("pk", flat=True))
        total = len(post_ids)
        failed = 0
        for done, post_id in enumerate(post_ids, start=1):
            if options["sync"]:
                services.screen_post(post_id=post_id)
            elif not enqueue_screening(post_id, backfill=True):
                failed += 1
            self._progress(done, total)
        verb = "Screened" if options["sync"] else "Enqueued"
        self.stdout.write(f"\n{verb} {total - failed} of {total} posts.")
        if failed:
            raise CommandError(
                f"{failed} posts could not be enqueued: the broker is unavailable. Start it, or "
                "run again with --sync."
            )

    def _progress(self, done: int, total: int, width: int = 30) -> None:
        filled = width * done // total
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
        )
        self.stdout.flush()

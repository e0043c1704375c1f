"""``manage.py backtest_policy``: try a policy on recent screenings before enabling it."""

import json

from django.core.management.base import BaseCommand, CommandError

from ... import services
from ...models import Policy
from ...policies.engine import PolicyExpressionError


class Command(BaseCommand):
    """Show which recent screenings a saved policy or a draft expression would match."""

    help = "Show which recently screened posts a policy (or a draft expression) would match."

    def add_arguments(self, parser):
        """Which policy or expression, how many screenings, and whether to print JSON."""
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--policy", help="name or id of a saved policy")
        which.add_argument("--expression", help="a draft CEL expression")
        parser.add_argument("--limit", type=int, default=1000, help="recent screenings to use")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        """Run the backtest and print its matches, or a clear error for an unknown policy."""
        expression = options["expression"]
        if options["policy"]:
            lookup = options["policy"]
            by_id = Policy.objects.filter(pk=int(lookup)).first() if lookup.isdigit() else None
            policy = by_id or Policy.objects.filter(name=lookup).first()
            if policy is None:
                raise CommandError(f"No policy named or numbered {lookup!r}.")
            expression = policy.expression
        try:
            result = services.backtest(expression=expression, limit=options["limit"],
                                       seconds=None)
        except PolicyExpressionError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps({
                "expression": expression,
                "screened": result.screened,
                "matched": len(result.matched_content_ids),
                "content_ids": result.matched_content_ids,
                "failures": result.failures,
            }))
            return
        share = len(result.matched_content_ids) / result.screened if result.screened else 0
        self.stdout.write(
            f"{len(result.matched_content_ids)} of {result.screened} recently screened posts "
            f"match ({share:.1%})."
        )
        if result.matched_content_ids:
            self.stdout.write("Posts: " + ", ".join(map(str, result.matched_content_ids[:50])))
        for message, count in result.failures.items():
            self.stdout.write(f"Failed on {count} posts (counted as not matched): {message}")

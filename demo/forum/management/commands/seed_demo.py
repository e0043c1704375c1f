"""``manage.py seed_demo --posts N``: synthetic posts, disclosures, screenings and review items,
and comments under some of the posts (human-written, honestly disclosed, and falsely ticked
human-only), screened by the real pipeline.

For trying the queue at scale and for the benchmarks. Fast because nothing is computed per
post: a few dozen body *variants* are rendered and screened once with the real classifiers and
policies, then posts are drawn from them with random titles, authors, dates and outcomes and
written with ``bulk_create`` in batches (100,000 posts take a few minutes on PostgreSQL).
Every row is synthetic; authors are called ``synth_…`` and share the demo password.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

import moderation
from ai_disclosure import services as disclosure_services
from ai_disclosure.models import (
    FORM_VERSION,
    AIShareEstimate,
    AssistanceKind,
    ContentRender,
    Disclosure,
    DisclosureRevision,
)
from ai_disclosure.rendering import RENDERER_VERSION, content_hash
from ai_disclosure.rules import DisclosureData
from moderation import scoring
from moderation import services as moderation_services
from moderation.models import (
    AuditAction,
    AuditEntry,
    AuthorMessage,
    Decision,
    MessageKind,
    Policy,
    QueueFacet,
    ReasonTemplate,
    ReviewItem,
    ReviewStatus,
    Screening,
)
from moderation.policies import engine
from moderation.text import authored_text

from ...models import Comment, Post

SAMPLES = Path(moderation.__file__).resolve().parent / "classifiers/data/assistant_style.jsonl"

FIRST = ["mira", "jonas", "aiko", "tomas", "lena", "ravi", "sofia", "kwame", "ines", "pavel",
         "noor", "felix", "hana", "diego", "ada", "oskar", "yara", "liam", "zuri", "matteo",
         "elif", "kenji", "amara", "bruno", "chloe", "dmitri", "esme", "farid", "greta", "ivo"]
LAST = ["okafor", "lindqvist", "tanaka", "novak", "fischer", "iyer", "moreau", "mensah",
        "alvarez", "petrov", "haddad", "brandt", "sato", "ruiz", "lovelace", "berg", "nasser",
        "walsh", "achieng", "rossi", "kaya", "mori", "diallo", "costa", "dubois", "volkov"]
TOPICS = ["sleep and memory", "replication in psychology", "battery chemistry", "urban heat",
          "bird migration", "Bayesian A/B tests", "soil carbon", "CRISPR off-target effects",
          "Roman road networks", "language acquisition", "protein folding", "tide prediction",
          "microplastics", "the Dunning–Kruger effect", "groundwater maps", "rust compile times",
          "jazz harmony", "coral bleaching", "volcanic winters", "medieval bookkeeping"]
TITLES = ["Notes on {t}", "What I learned replicating a paper on {t}",
          "A skeptic's guide to {t}", "Three misconceptions about {t}", "{T}: a reading list",
          "Why {t} is harder than it looks",
          "Field notes: {t}", "An honest look at {t}", "Measuring {t} at home",
          "Unlocking the power of {t}", "{T} in five charts", "Open questions in {t}"]
HUMAN = [
    "I spent most of last winter on this, mostly out of stubbornness. The short version: the "
    "effect is real but smaller than the popular accounts say, and it vanishes when you control "
    "for the obvious confounder. My notebook is messy; ask if you want the raw numbers.",
    "Small n, obviously, and I was the one grading myself. Still, the pattern held across three "
    "attempts, and the one time it didn't I had changed two things at once, which was dumb.",
    "My advisor's rule was: if you can't say what result would change your mind, you aren't "
    "doing an experiment, you're doing a demo. I think about that a lot with this topic.",
    "The dataset is public but the preprocessing isn't, so I rebuilt it from the raw files. "
    "Two of the columns were swapped in the original release, which explains the odd table 3.",
    "I'm not an expert here; I'm a hobbyist with a spreadsheet and too much free time. Please "
    "correct me where I'm wrong, especially on the statistics in the second half.",
]
LEFTOVERS = ["Certainly! Here's a short post about {t}.", "I hope this helps! Let me know if "
             "you'd like any changes.", "[Your Name]", "As an AI language model, I don't have "
             "personal experiences, but"]
MODELS = ["Claude Opus 4.6", "GPT-5", "Gemini 2.5 Pro", "Llama 4", "Mistral Large"]
#: Comments: (body, compact disclosure). Human-written, honestly disclosed, and chat-assistant
#: text ticked "100% human-written".
COMMENTS = [
    ("Same here: the effect shrank once I controlled for time of day. Did you log that?",
     DisclosureData(human_only=True)),
    ("I think the second half overstates it; the confidence interval in the table crosses zero.",
     DisclosureData(human_only=True)),
    ("English is not my first language, so DeepL translated this. I disagree with point two: "
     "the sample is too small to say anything about the trend.",
     DisclosureData(assistance={"translation"},
                    description="DeepL translated my comment from Portuguese.")),
    ("Great question! It's important to note that this multifaceted topic requires us to "
     "navigate a delicate balance. In today's fast-paced world, fostering understanding is "
     "not only valuable but essential. I hope this helps!",
     DisclosureData(human_only=True)),
]


@dataclass
class Variant:
    """One kind of post, rendered and screened once."""

    kind: str
    body: str
    disclosure: dict | None
    render: dict
    scores: dict
    evidence: dict
    contexts: dict  # new author? -> (context, matched reasons)


class Command(BaseCommand):
    """Seed the demo with synthetic posts, so the queue and dashboard have something to show."""

    help = "Create N realistic synthetic posts with disclosures, screenings and review items."

    def add_arguments(self, parser):
        """Size and shape of the seed: posts, authors, days, share flagged, seed, batch size."""
        parser.add_argument("--posts", type=int, default=500, help="how many posts (default 500)")
        parser.add_argument("--authors", type=int, default=0,
                            help="how many synthetic authors (default: posts / 8, at least 20)")
        parser.add_argument("--days", type=int, default=30, help="spread posts over this many days")
        parser.add_argument("--flagged", type=float, default=0.9,
                            help="share of posts that get a review item (default 0.9)")
        parser.add_argument("--seed", type=int, default=4, help="random seed")
        parser.add_argument("--batch", type=int, default=2000, help="rows per bulk insert")
        parser.add_argument("--comments", type=int, default=-1,
                            help="comments under random posts, screened for real "
                                 "(default: posts / 10, at most 200)")

    def handle(self, *args, **options):
        """Create the posts, their disclosures, screenings and review items, and report the time."""
        if options["posts"] < 1:
            raise CommandError("--posts must be at least 1.")
        started = time.monotonic()
        rng = random.Random(options["seed"])
        policies = list(Policy.objects.filter(enabled=True))
        if not policies:
            raise CommandError("No enabled policies: run migrate first.")
        kinds = {kind.slug: kind.pk for kind in AssistanceKind.objects.all()}
        variants = self._variants(rng, policies)
        authors = self._authors(rng, options["authors"] or max(20, options["posts"] // 8),
                                options["days"])
        templates = {t.decision: t for t in ReasonTemplate.objects.filter(active=True)}
        moderators = list(get_user_model().objects.filter(
            is_staff=True).order_by("pk")[:3]) or [None]
        done = 0
        while done < options["posts"]:
            size = min(options["batch"], options["posts"] - done)
            with transaction.atomic():
                self._batch(rng, size, variants, authors, kinds, options, templates, moderators)
            done += size
            if options["verbosity"]:
                self.stdout.write(f"  {done}/{options['posts']} posts", ending="\r")
                self.stdout.flush()
        comments = options["comments"] if options["comments"] >= 0 else min(
            options["posts"] // 10, 200)
        self._comments(rng, comments, authors)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(
                f"Created {done} posts by {len(authors)} synthetic authors "
                f"in {time.monotonic() - started:.1f} s."))

    # --- building blocks -----------------------------------------------------------------

    def _variants(self, rng, policies) -> list[Variant]:
        samples = [json.loads(line)["text"] for line in SAMPLES.read_text("utf-8").splitlines()]
        variants = []
        for index in range(36):
            topic = rng.choice(TOPICS)
            ai = rng.sample(samples, 2)
            human = rng.sample(HUMAN, 2)
            kind = ["human", "undisclosed", "leftovers", "drafted", "research", "none",
                    "editing", "undisclosed", "leftovers"][index % 9]
            model = rng.choice(MODELS)
            if kind == "human":
                body, disclosure = "\n\n".join(human), {"human_only": True}
            elif kind == "undisclosed":
                body, disclosure = "\n\n".join([*ai, human[0]]), {"human_only": True}
            elif kind == "leftovers":
                body = "\n\n".join([LEFTOVERS[0].format(t=topic), *ai, LEFTOVERS[1], LEFTOVERS[2]])
                disclosure = {"human_only": True}
            elif kind == "drafted":
                body = (f"{human[0]}\n\n:::ai-written{{model=\"{model}\"}}\n{ai[0]}\n\n{ai[1]}\n"
                        f":::\n\n{human[1]}")
                disclosure = {"assistance": ["drafting"], "models_used": [model],
                              "ai_share_estimate": "lt10", "expertise": "author",
                              "description": f"{model} drafted the middle section from my notes.",
                              "verification": "I checked every claim against the sources."}
            elif kind == "research":
                body = "\n\n".join([human[0], ai[0]])
                disclosure = {"assistance": ["research", "analysis"], "models_used": [model],
                              "ai_share_estimate": "10-30", "expertise": "none",
                              "description": f"{model} found the papers and summarised them.",
                              "verification": "I skimmed the abstracts."}
            elif kind == "none":
                body, disclosure = "\n\n".join([human[0], ai[0]]), None
            else:
                body = (f"{human[0]}\n\n:::ai-edited{{model=\"{model}\"}}\n{human[1]}\n:::\n\n"
                        f"{ai[0]}")
                disclosure = {"assistance": ["editing"], "models_used": [model],
                              "ai_share_estimate": "30-60", "expertise": "author",
                              "description": f"{model} fixed grammar and tightened sentences.",
                              "verification": "I reread every edited paragraph."}
            variants.append(self._screen_variant(kind, body, disclosure, policies))
        return variants

    def _screen_variant(self, kind, body, disclosure, policies) -> Variant:
        result = disclosure_services.render_body(body)
        render = {
            "html": result.html, "blocks": [asdict(block) for block in result.blocks],
            "warnings": [asdict(w) for w in result.warnings], "ai_share": result.ai_share,
            "text_length": result.text_length,
        }
        own = authored_text(result.html)
        human_only = bool(disclosure and disclosure.get("human_only"))
        estimate = (disclosure or {}).get("ai_share_estimate", "")
        estimate_max = 0.0 if human_only else (
            AIShareEstimate(estimate).bounds[1] if estimate else 1.0)
        drafted = sum(b.text_length for b in result.blocks if b.type == "ai-written")
        drafted_share = round(drafted / result.text_length, 4) if result.text_length else 0.0
        scores, evidence = scoring.score(own, {
            "human_only": human_only, "ai_share_estimate_max": estimate_max if estimate else None,
            "measured_ai_share": drafted_share, "ai_block_count": len(result.blocks),
            "edited_after_publish": False,
        })
        base = {
            "disclosure": {
                "present": disclosure is not None, "human_only": human_only,
                "autonomous": bool((disclosure or {}).get("autonomous")),
                "assistance": sorted((disclosure or {}).get("assistance", [])),
                "models": (disclosure or {}).get("models_used", []),
                "ai_share_estimate": estimate, "ai_share_estimate_max": estimate_max,
                "expertise": (disclosure or {}).get("expertise", ""), "cosigned": False,
                "form_version": FORM_VERSION, "revisions": 1 if disclosure else 0,
                "changed_after_publish": False,
            },
            "content": {
                "length": result.text_length, "words": len(own.split()),
                "ai_share": result.ai_share, "drafted_share": drafted_share,
                "blocks": len(result.blocks),
                "block_types": sorted({b.type for b in result.blocks}),
                "type": "post", "parent_id": 0, "parent_author_is_author": False,
            },
            "post": {"first_post": False, "edited_after_publish": False, "age_hours": 0.0},
            "scores": scores,
            "thresholds": {c.name: c.flag_threshold for c in scoring.classifiers()},
        }
        contexts = {}
        for new in (False, True):
            context = {**base, "author": {"account_age_days": 12 if new else 400,
                                          "approved_posts": 0 if new else 12,
                                          "prior_flags": 0, "delisted_posts": 0,
                                          "disclosure_changes_after_flag": 0}}
            matched = [
                {"policy": p.pk, "name": p.name, "version": p.version, "action": p.action,
                 "priority": p.priority, "reason": p.reason}
                for p in policies if engine.evaluate(p.expression, context) is True
            ]
            contexts[new] = (context, scoring.needs_review(matched))
        return Variant(kind, body, disclosure, render, scores, evidence, contexts)

    def _authors(self, rng, count: int, days: int) -> list:
        User = get_user_model()
        password = make_password("demo-password")
        offset = User.objects.filter(username__startswith="synth_").count()
        now = timezone.now()
        users = []
        for index in range(offset, offset + count):
            new = rng.random() < 0.25
            joined = now - timedelta(days=rng.uniform(1, days) if new else rng.uniform(60, 2000))
            users.append(User(
                username=f"synth_{rng.choice(FIRST)}_{rng.choice(LAST)}{index}",
                password=password, date_joined=joined,
            ))
        created = User.objects.bulk_create(users, batch_size=1000)
        if created and created[0].pk is None:  # databases that do not return ids
            created = list(User.objects.filter(username__in=[u.username for u in users]))
        for user in created:
            user.is_new = user.date_joined > now - timedelta(days=days + 1)
        return created

    def _comments(self, rng, count: int, authors: list) -> None:
        """Comments published through the forum's own service (so they get their compact
        disclosure, render and content row), then screened in one batch by the real pipeline.
        """
        posts = list(Post.objects.published().order_by("-pk")[:200])
        if not count or not posts:
            return
        created = []
        for index in range(count):
            body, disclosure = COMMENTS[index % len(COMMENTS)]
            comment = Comment.objects.create(post=rng.choice(posts), author=rng.choice(authors),
                                             body=body, published_at=timezone.now())
            disclosure_services.save_disclosure(content=comment, user=comment.author,
                                                data=disclosure)
            created.append(disclosure_services.content_for(comment).pk)
        moderation_services.screen_contents(content_ids=created)

    def _batch(self, rng, size, variants, authors, kinds, options, templates, moderators):
        now = timezone.now()
        span = options["days"] * 86400
        drawn = []
        posts = []
        # Variants that policies flag, and those they do not, for old and for new authors.
        pools = {new: ([v for v in variants if v.contexts[new][1]],
                       [v for v in variants if not v.contexts[new][1]]) for new in (False, True)}
        for _ in range(size):
            author = rng.choice(authors)
            flagged, unflagged = pools[author.is_new]
            wants_flag = rng.random() < options["flagged"]
            variant = rng.choice((flagged if wants_flag else unflagged) or variants)
            published = now - timedelta(seconds=rng.uniform(60, span))
            topic = rng.choice(TOPICS)
            title = rng.choice(TITLES).format(t=topic, T=topic[0].upper() + topic[1:])
            posts.append(Post(author=author, title=title, body=variant.body,
                              published_at=published))
            drawn.append((variant, author, published))
        posts = Post.objects.bulk_create(posts)
        contents = disclosure_services.contents_for(posts)

        disclosures, renders, screenings = [], [], []
        for content, (variant, _author, _published) in zip(contents, drawn, strict=True):
            if variant.disclosure is not None:
                data = variant.disclosure
                disclosures.append(Disclosure(
                    content=content, human_only=data.get("human_only", False),
                    models_used=data.get("models_used", []),
                    ai_share_estimate=data.get("ai_share_estimate", ""),
                    description=data.get("description", ""),
                    verification=data.get("verification", ""),
                    expertise=data.get("expertise", ""),
                ))
            renders.append(ContentRender(
                content=content, content_hash=content_hash(variant.body),
                renderer_version=RENDERER_VERSION, **variant.render,
            ))
        disclosures = Disclosure.objects.bulk_create(disclosures)
        ContentRender.objects.bulk_create(renders)
        through = Disclosure.assistance.through
        links, revisions = [], []
        by_content = {d.content_id: d for d in disclosures}
        for content, (variant, author, _published) in zip(contents, drawn, strict=True):
            disclosure = by_content.get(content.pk)
            if disclosure is None:
                continue
            slugs = variant.disclosure.get("assistance", [])
            links += [through(disclosure_id=disclosure.pk, assistancekind_id=kinds[s])
                      for s in slugs if s in kinds]
            revisions.append(DisclosureRevision(
                disclosure=disclosure, number=1, changed_by=author, form_version=FORM_VERSION,
                data={"human_only": disclosure.human_only, "assistance": sorted(slugs),
                      "models_used": disclosure.models_used,
                      "ai_share_estimate": disclosure.ai_share_estimate,
                      "description": disclosure.description,
                      "verification": disclosure.verification,
                      "expertise": disclosure.expertise, "form_version": FORM_VERSION},
                changes={},
            ))
        through.objects.bulk_create(links)
        DisclosureRevision.objects.bulk_create(revisions)

        items, item_meta = [], []
        for post, content, (variant, author, published) in zip(posts, contents, drawn,
                                                               strict=True):
            context, reasons = variant.contexts[author.is_new]
            screenings.append(Screening(
                content=content, key=f"seed-{content.pk}",
                content_hash=content_hash(variant.body),
                scores=variant.scores, evidence=variant.evidence, context=context,
                classifier_versions=scoring.classifier_versions(),
                policy_versions={str(r["policy"]): r["version"] for r in reasons},
                matched=reasons,
            ))
            if not reasons:
                continue
            created = published + timedelta(minutes=rng.uniform(0.5, 3))
            status, resolved = self._outcome(rng, created, now, variant.kind)
            moderator = rng.choice(moderators) if resolved else None
            decision = {ReviewStatus.APPROVED: Decision.APPROVE,
                        ReviewStatus.DELISTED: Decision.DELIST,
                        ReviewStatus.REJECTED: Decision.REJECT,
                        ReviewStatus.INFO_REQUESTED: Decision.REQUEST_INFO}.get(status)
            template = templates.get(decision) if decision else None
            items.append(ReviewItem(
                content=content, author=author, post_title=post.title,
                author_name=author.get_username(),
                author_approved_posts=context["author"]["approved_posts"] + rng.randint(0, 6)
                if not author.is_new else rng.randint(0, 2),
                status=status, priority=scoring.review_priority(reasons),
                top_score=min(max(max(variant.scores.values(), default=0.0)
                                  + rng.uniform(-0.08, 0.08), 0.0), 1.0),
                reasons=reasons, evidence=variant.evidence,
                classifier_versions=scoring.classifier_versions(),
                content_hash=content_hash(variant.body),
                disclosure_revision=1 if variant.disclosure else 0,
                resolved_by=moderator, resolved_at=resolved,
                author_message=template.message if template else "",
                created_at=created,
            ))
            item_meta.append((reasons, decision, moderator, resolved, template,
                              (variant.disclosure or {}).get("assistance", [])))
        Screening.objects.bulk_create(screenings)
        items = ReviewItem.objects.bulk_create(items)
        policy_links, assistance_of, messages = [], {}, []
        for item, (reasons, decision, moderator, resolved, template, assistance) in zip(
            items, item_meta, strict=True
        ):
            policy_links += [
                ReviewItem.policies.through(reviewitem_id=item.pk, policy_id=r["policy"])
                for r in reasons if r.get("policy")
            ]
            assistance_of[item.pk] = [slug for slug in assistance if slug in kinds]
            # The history as screening and the moderator would have logged it.
            AuditEntry.objects.log_action(
                item=item, actor=None, action=AuditAction.CREATED, to_status=ReviewStatus.OPEN,
                data={"reasons": [r["name"] for r in reasons]}, at=item.created_at)
            if decision:
                AuditEntry.objects.log_action(
                    item=item, actor=moderator, action=AuditAction.RESOLVED,
                    from_status=ReviewStatus.OPEN, to_status=item.status, decision=decision,
                    data={"message": item.author_message}, at=resolved)
                if template:
                    messages.append(AuthorMessage(
                        item=item, author_id=item.author_id, body=template.message,
                        kind=MessageKind.REQUEST if decision == Decision.REQUEST_INFO
                        else MessageKind.DECISION, created_at=resolved))
        ReviewItem.policies.through.objects.bulk_create(policy_links)
        QueueFacet.objects.write(*items, assistance=assistance_of)
        AuthorMessage.objects.bulk_create(messages)

    #: How often moderators remove each kind of post, so the dashboard's precision differs
    #: by policy the way it would on a real forum.
    UPHELD_SHARE = {"leftovers": 0.9, "undisclosed": 0.65, "none": 0.35, "research": 0.4,
                    "drafted": 0.15, "editing": 0.1, "human": 0.05}

    def _outcome(self, rng, created, now, kind):
        """Older items are more likely decided; a few are waiting for their author."""
        age_days = (now - created).total_seconds() / 86400
        if rng.random() > min(0.15 + age_days / 12, 0.9):
            return ReviewStatus.OPEN, None
        resolved = min(created + timedelta(hours=rng.uniform(0.2, 30)), now)
        if rng.random() < 0.08:
            return ReviewStatus.INFO_REQUESTED, resolved
        if rng.random() >= self.UPHELD_SHARE.get(kind, 0.5):
            return ReviewStatus.APPROVED, resolved
        return (ReviewStatus.REJECTED if rng.random() < 0.15 else ReviewStatus.DELISTED), resolved

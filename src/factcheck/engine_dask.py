"""The Dask engine: the pipeline of :func:`factcheck.api.check` on a Dask cluster.

Extraction runs on the workers, one batch of articles per task; the rules that
work one metric group at a time (value-conflict, period-mismatch) run as a
Dask DataFrame ``groupby(...).apply(...)``, one group per call; everything
that needs the whole corpus runs in the client. The result is the same
:class:`~factcheck.api.CheckResult` as the local engine's, discrepancy for
discrepancy. Needs the ``dask`` extra: ``pip install 'factcheck[dask]'``.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.api import CheckResult, Extraction
from factcheck.errors import SourceError, UserError
from factcheck.events import MainEvent
from factcheck.extract import extract_document
from factcheck.facts import Claim, Document, Fact, frame_from_dict
from factcheck.ingest import MAX_BYTES, RawSource, document_from_raw, iter_sources
from factcheck.kinds.base import Corpus, Finding, MetricGroup, RuleContext
from factcheck.ruledata import Rule, Vocabulary

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client
    from distributed.deploy.cluster import Cluster

    from factcheck.kinds import KindSpec

#: the rule kinds that look at one metric group at a time: these run as Dask DataFrame groups
PER_GROUP_KINDS = frozenset({"value-conflict", "period-mismatch"})

#: the columns of the claim table (one row per claim) and of the findings table
CLAIM_COLUMNS = ("kind", "unit", "metric", "group", "claim", "data")
FINDING_COLUMNS = ("rule", "group", "order", "finding")

#: claims per partition of the claim table by default (fewer: the shuffle costs more than it saves)
ROWS_PER_PARTITION = 20_000

#: the grouping key of the claim table: the identity of a metric group
GROUP_KEY = ["kind", "unit", "metric"]

_INSTALL = "the dask engine needs dask and distributed: pip install 'factcheck[dask]'"


def check_dask(
    paths: Sequence[str | Path],
    *,
    rules: str | Path | None = None,
    scheduler: str | None = None,
    cluster: Cluster | None = None,
    on_error: Callable[[SourceError], None] | None = None,
    max_bytes: int | None = MAX_BYTES,
    partitions: int | None = None,
) -> CheckResult:
    """What :func:`factcheck.api.check` finds under ``paths``, computed on a Dask cluster.

    The result is that of ``check(paths, rules=rules)``: the same sources and
    facts in the same order, the same claims, the same discrepancies with the
    same ids, messages and order, and the same source errors (each also
    passed to ``on_error``). ``paths`` are article files or folders (or ``-``,
    standard input); files over ``max_bytes`` are refused, as by ``check``.
    The extraction cache (``cache=``) and CI mode (``new=``) of ``check``
    are not available with this engine.

    **Which cluster.** ``scheduler`` is the address of a running Dask
    scheduler (``tcp://HOST:8786``); ``cluster`` is a cluster object (a
    ``distributed.LocalCluster``, or one from dask-jobqueue or
    dask-kubernetes). Give one of them or neither: with neither, the
    caller's current Dask client is used if there is one, else a cluster of
    local worker processes is started for the call and stopped after it
    (a few seconds' start-up: worth it only for a large corpus). To set up
    a cluster of machines by hand::

        pip install 'factcheck[dask]'     # on every machine, same versions
        dask scheduler                    # on one machine: listens on tcp://HOST:8786
        dask worker tcp://HOST:8786       # on each machine that should do the work

    then, on any machine that can reach the scheduler::

        factcheck report --engine dask --scheduler tcp://HOST:8786

    or ``check_dask(["sources"], scheduler="tcp://HOST:8786")``.

    - Every worker needs factcheck installed with its dependencies, at the
      same version as the client and under the same Python version: the
      workers import it to extract and to run the rules.
    - The articles and the ``rules`` folder need only be readable where the
      client runs: the client reads them and ships the text (and the loaded
      rules) to the workers. The workers need no shared file system.
    - A Dask scheduler runs whatever code its clients send: keep its port
      on a trusted network (or set up Dask's TLS security).

    **What runs where.**

    - In the client: reading and decoding the files (source errors are
      reported here, in input order), loading the rules; then, once the
      extraction is back, the corpus-level analysis, which needs every
      source at once (:func:`factcheck.compare.analyse`: claims, main
      events, occurrences and stories, and the dating of undated articles
      from the story they share, which re-extracts those few articles
      locally); the rules of the other kinds (event-date-conflict, timeline,
      reference); and turning findings into discrepancies (ids, messages,
      de-duplication, order) with the same code as ``check``.
    - On the workers: extraction (:func:`factcheck.extract.extract_document`),
      in batches of articles gathered back in input order; and the
      value-conflict and period-mismatch rules, which compare claims within
      one metric group. For those the client builds a Dask DataFrame with
      one row per claim, keyed by its group's identity (figure kind, unit,
      metric), in ``partitions`` partitions (default: one per 20,000 claims,
      at most one per worker thread), and ``groupby(key).apply`` runs
      :func:`check_group` once per group, with the rules and the
      corpus-level maps those rules read (stories, occurrences, events,
      cumulative measures). Only the findings come back.

    Raises :class:`~factcheck.errors.UserError` when dask or distributed is
    not installed, when both ``scheduler`` and ``cluster`` are given, or
    when the scheduler cannot be reached.
    """
    from factcheck.compare import analyse, run_rules
    from factcheck.kinds import registry
    from factcheck.rulefile import load_rules

    if scheduler is not None and cluster is not None:
        raise UserError("give a Dask scheduler address or a cluster, not both")
    _require()
    ruleset = load_rules(rules)
    errors: list[SourceError] = []

    def failed(error: SourceError) -> None:
        errors.append(error)
        if on_error is not None:
            on_error(error)

    enabled = ruleset.enabled()
    with _connect(scheduler, cluster) as client:
        raws = list(iter_sources(paths, on_error=failed, max_bytes=max_bytes))
        extracted = extract_on(client, raws)
        analysis = analyse(extracted, ruleset)
        per_group = [rule for rule in enabled if rule.kind in PER_GROUP_KINDS]
        found = findings_on(client, analysis.corpus, per_group, partitions=partitions)
    kinds: dict[str, KindSpec] = {}
    for name, spec in registry().items():
        kinds[name] = (
            dataclasses.replace(spec, check=_replay(found)) if name in PER_GROUP_KINDS else spec
        )
    # run_rules runs the other kinds here and replays the findings of the per-group
    # ones, so ids, first-found-wins and the order are exactly those of ``check``
    discrepancies = run_rules(analysis.corpus, enabled, kinds)
    extraction = Extraction(analysis.documents, analysis.facts, errors)
    return CheckResult(extraction, list(analysis.corpus.claims), discrepancies)


# ------------------------------------------------------------------ extraction


def extract_batch(raws: Sequence[RawSource]) -> list[tuple[Document, list[Fact]]]:
    """Extract a batch of articles (runs on a worker)."""
    return [extract_document(document_from_raw(raw)) for raw in raws]


def extract_on(client: Client, raws: Sequence[RawSource]) -> list[tuple[Document, list[Fact]]]:
    """Every article's document and facts, extracted on the cluster, in input order."""
    if not raws:
        return []
    size = max(1, min(64, len(raws) // (_threads(client) * 8)))
    batches = [list(raws[i : i + size]) for i in range(0, len(raws), size)]
    futures = client.map(extract_batch, batches, pure=False)
    results: list[list[tuple[Document, list[Fact]]]] = client.gather(futures)  # type: ignore[no-untyped-call]
    return [item for batch in results for item in batch]


# ------------------------------------------------------------------ per-group rules


@dataclass(frozen=True, slots=True)
class GroupContext:
    """What :func:`check_group` reads besides its rows: the rules and the corpus-level maps."""

    #: names this context in the task graph, so that Dask need not hash its contents
    token: str
    rules: tuple[Rule, ...]
    #: (metric, unit) of every group checked: the ``group`` column indexes this
    groups: tuple[tuple[str, str, str], ...]
    events: Mapping[str, MainEvent | None]
    occurrence: Mapping[str, str]
    story: Mapping[str, str]
    vocabulary: Vocabulary
    cumulative: frozenset[str]

    def __dask_tokenize__(self) -> str:
        return self.token


def checked_groups(corpus: Corpus, rules: Sequence[Rule]) -> list[MetricGroup]:
    """The metric groups of the figure kinds the rules compare (their ``kinds`` option)."""
    wanted: set[str] | None = set()
    for rule in rules:
        kinds = rule.options.get("kinds")
        if wanted is not None and isinstance(kinds, list):
            wanted |= set(kinds)
        else:
            wanted = None  # a rule without a kinds option: every group
    return [
        g for g in corpus.groups if g.claims and (wanted is None or g.claims[0].fact.kind in wanted)
    ]


def claim_table(groups: Sequence[MetricGroup]) -> pd.DataFrame:
    """One row per claim: its group's identity (kind, unit, metric), the group's and the
    claim's position (claims numbered group after group), and the claim as JSON."""
    import pandas as pd

    rows: dict[str, list[Any]] = {name: [] for name in CLAIM_COLUMNS}
    i = 0
    for g, group in enumerate(groups):
        for claim in group.claims:
            rows["kind"].append(claim.fact.kind)
            rows["unit"].append(group.unit)
            rows["metric"].append(group.metric)
            rows["group"].append(g)
            rows["claim"].append(i)
            rows["data"].append(claim_to_json(claim))
            i += 1
    return pd.DataFrame(
        {name: pd.Series(values, dtype=_DTYPES[name]) for name, values in rows.items()}
    )


def claim_to_json(claim: Claim) -> str:
    """A claim as JSON text (exact: its fields are strings, numbers, booleans and None).

    >>> from factcheck.facts import Fact
    >>> fact = Fact("a", "money", "$245 billion", 0, 12, 245e9, 245e9, 245e9, unit="USD")
    >>> claim = Claim(fact, "trade", "trade", period="2024")
    >>> claim_from_json(claim_to_json(claim)) == claim
    True
    """
    data = {name: getattr(claim, name) for name in _CLAIM_FIELDS}
    data["fact"] = {name: getattr(claim.fact, name) for name in _FACT_FIELDS}
    data["frame"] = claim.frame.to_dict()
    return json.dumps(data)


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(Fact))


def claim_from_json(text: str) -> Claim:
    """The claim :func:`claim_to_json` wrote (equal to it)."""
    data = json.loads(text)
    return Claim(**{**data, "fact": Fact(**data["fact"]), "frame": frame_from_dict(data["frame"])})


def check_group(rows: pd.DataFrame, context: GroupContext) -> pd.DataFrame:
    """Run the per-group rules on the metric group of ``rows`` (runs on a worker).

    Rebuilds the :class:`MetricGroup` from its claims (in corpus order) and
    runs each rule on a corpus of just that group with the corpus-level maps.
    Returns one row per finding: the rule's code, the group, the finding's
    position in what the rule yielded, and the finding as JSON.
    """
    from factcheck.kinds import registry

    kinds = registry()
    out: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS}
    # the key is a group's identity, so this is one group; a loop all the same, in case not
    for g in sorted({int(x) for x in rows["group"]}):
        mine = rows[rows["group"] == g].sort_values("claim")
        indices = [int(x) for x in mine["claim"]]
        metric, unit, measure = context.groups[g]
        claims = tuple(claim_from_json(str(x)) for x in mine["data"])
        group = MetricGroup(metric, unit, claims, measure)
        corpus = Corpus(
            documents={},
            facts={},
            claims=group.claims,
            groups=(group,),
            events=context.events,
            occurrence=context.occurrence,
            story=context.story,
            vocabulary=context.vocabulary,
            cumulative=context.cumulative,
        )
        for rule in context.rules:
            for order, finding in enumerate(kinds[rule.kind].check(RuleContext(rule, corpus))):
                out["rule"].append(rule.code)
                out["group"].append(g)
                out["order"].append(order)
                out["finding"].append(finding_to_json(finding, group.claims, indices))
    return findings_frame(out)


def findings_frame(columns: Mapping[str, list[Any]]) -> pd.DataFrame:
    """The findings table (also the ``meta`` of the Dask apply, when empty)."""
    import pandas as pd

    return pd.DataFrame(
        {name: pd.Series(columns[name], dtype=_DTYPES[name]) for name in FINDING_COLUMNS}
    )


_DTYPES = {
    "kind": "object",
    "unit": "object",
    "metric": "object",
    "group": "int64",
    "claim": "int64",
    "data": "object",
    "rule": "object",
    "order": "int64",
    "finding": "object",
}


def finding_to_json(finding: Finding, claims: Sequence[Claim], indices: Sequence[int]) -> str:
    """A finding as JSON, its claims as their positions in the claim table.

    Exact for what the per-group kinds put in a finding: strings and numbers
    (JSON keeps ints apart from floats, and floats to the last digit).
    """
    where = {id(claim): i for claim, i in zip(claims, indices, strict=True)}

    def index(claim: Claim) -> int:
        found = where.get(id(claim))
        return found if found is not None else indices[list(claims).index(claim)]

    return json.dumps(
        {
            "claims": [index(c) for c in finding.claims],
            "metric": finding.metric,
            "period": finding.period,
            "explanation": finding.explanation,
            "fields": dict(finding.fields),
            "difference_abs": finding.difference_abs,
            "difference_rel": finding.difference_rel,
            "majority_value": finding.majority_value,
            "majority_sources": list(finding.majority_sources),
        }
    )


def finding_from_json(text: str, claims: Sequence[Claim]) -> Finding:
    """The finding :func:`finding_to_json` wrote, with the client's own claims."""
    data = json.loads(text)
    return Finding(
        claims=tuple(claims[i] for i in data["claims"]),
        metric=data["metric"],
        period=data["period"],
        explanation=data["explanation"],
        fields=data["fields"],
        difference_abs=data["difference_abs"],
        difference_rel=data["difference_rel"],
        majority_value=data["majority_value"],
        majority_sources=tuple(data["majority_sources"]),
    )


def findings_on(
    client: Client, corpus: Corpus, rules: Sequence[Rule], *, partitions: int | None = None
) -> dict[str, list[Finding]]:
    """The per-group ``rules``' findings by rule code, each in the order ``check`` meets them."""
    groups = checked_groups(corpus, rules) if rules else []
    if not groups:
        return {}
    import dask.dataframe as dd

    table = claim_table(groups)
    context = GroupContext(
        token=uuid.uuid4().hex,
        rules=tuple(rules),
        groups=tuple((g.metric, g.unit, g.measure) for g in groups),
        events=dict(corpus.events),
        occurrence=dict(corpus.occurrence),
        story=dict(corpus.story),
        vocabulary=corpus.vocabulary,
        cumulative=corpus.cumulative,
    )
    if partitions is None:
        partitions = min(_threads(client), -(-len(table) // ROWS_PER_PARTITION))
    npartitions = max(1, min(partitions, len(table)))
    frame = dd.from_pandas(table, npartitions=npartitions, sort=False)  # type: ignore[no-untyped-call]
    meta = findings_frame({name: [] for name in FINDING_COLUMNS})
    applied = frame.groupby(GROUP_KEY).apply(
        check_group, context, meta=meta, shuffle_method="tasks", **_apply_options()
    )
    result: pd.DataFrame = client.compute(applied).result()  # type: ignore[no-untyped-call]
    result = result.reset_index(drop=True).sort_values(["rule", "group", "order"], kind="stable")
    claims = [c for g in groups for c in g.claims]
    found: dict[str, list[Finding]] = {}
    for code, text in zip(result["rule"], result["finding"], strict=True):
        found.setdefault(str(code), []).append(finding_from_json(str(text), claims))
    return found


def _apply_options() -> dict[str, Any]:
    """``include_groups=False`` where pandas knows it (2.2+: no warning, same rows)."""
    import pandas as pd

    major, minor = (int(x) for x in pd.__version__.split(".")[:2])
    return {"include_groups": False} if (major, minor) >= (2, 2) else {}


def _replay(found: Mapping[str, list[Finding]]) -> Callable[[RuleContext], Iterator[Finding]]:
    def check(ctx: RuleContext) -> Iterator[Finding]:
        return iter(found.get(ctx.rule.code, ()))

    return check


# ------------------------------------------------------------------ the cluster


def _require() -> None:
    """Fail early, with the command that fixes it, when the dask extra is missing."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise UserError(f"{_INSTALL} ({exc})") from None


def _threads(client: Client) -> int:
    """How many worker threads the cluster has (at least 1)."""
    nthreads: Mapping[str, int] = client.nthreads()  # type: ignore[no-untyped-call]
    return max(1, sum(nthreads.values()))


@contextmanager
def _connect(scheduler: str | None, cluster: Cluster | None) -> Iterator[Client]:
    """A client of the cluster asked for (closed afterwards if opened here)."""
    from distributed import Client, LocalCluster, default_client

    if cluster is not None:
        with Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    if scheduler is not None:
        from distributed.comm.addressing import resolve_address

        # checked first: a Client given a bad address hangs on exit when it is collected
        try:
            address = resolve_address(scheduler)
        except (OSError, ValueError) as exc:  # unknown scheme or host, no port
            raise UserError(f"not a Dask scheduler address: {scheduler}: {exc}") from None
        try:
            client = Client(address, set_as_default=False)  # type: ignore[no-untyped-call]
        except OSError as exc:  # refused, timed out
            raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    try:
        current: Client | None = default_client()  # type: ignore[no-untyped-call]
    except ValueError:  # no current client
        current = None
    if current is not None:
        yield current
        return
    with (
        LocalCluster(processes=True, dashboard_address=None) as local,  # type: ignore[no-untyped-call]
        Client(local, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        yield client

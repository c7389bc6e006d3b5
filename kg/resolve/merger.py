"""The union-find the merge rules share, and what it knows of the entities merged so far.

Every rule joins local names through one `Merger`, which keeps the rule and the reason of each
join; rules that count candidates ('the only person of the corpus named so') count roots, that is
entities as merged by the rules before them. `Context` tells namesakes apart by the entities their
articles share. `Merger.entities` turns the groups into entities once every rule has run.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

from kg.lexicon.names import normalise
from kg.model import PLACE_CLASSES, Entity, Merge
from kg.resolve.article import LocalName, voted_class
from kg.resolve.labels import entity_class, label_of


class Merger:
    """Union-find over local names that remembers why each pair was joined."""

    def __init__(self, locals_: dict[tuple[str, str], LocalName]):
        self.locals = locals_
        self.parent = {key: key for key in locals_}
        self.merges: list[tuple[tuple[str, str], Merge]] = []

    def find(self, key: tuple[str, str]) -> tuple[str, str]:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: tuple[str, str], b: tuple[str, str], rule: str, reason: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        self.parent[max(root_a, root_b)] = min(root_a, root_b)
        form_a, form_b = (self.locals[k].best_form for k in (a, b))
        self.merges.append((a, Merge(name=form_a, other=form_b, rule=rule, reason=reason,
                                     articles=tuple(sorted({a[0], b[0]})))))

    @functools.cached_property
    def sorted_locals(self) -> list[tuple[tuple[str, str], LocalName]]:
        """The local names by key, for the rules that must see them in a fixed order (sorted once)."""
        return sorted(self.locals.items())

    @functools.cached_property
    def name_classes(self) -> dict[str, str]:
        """Each name's class voted over all its articles."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for local in self.locals.values():
            votes[local.name].update(local.classes)
        return {name: voted_class(classes) for name, classes in votes.items()}

    @functools.cached_property
    def place_names(self) -> frozenset[str]:
        """The names some article types as a place."""
        return frozenset(local.name for local in self.locals.values() if local.cls in PLACE_CLASSES)

    def by_article(self) -> dict[str, list[LocalName]]:
        grouped: dict[str, list[LocalName]] = defaultdict(list)
        for local in self.locals.values():
            grouped[local.article].append(local)
        return grouped

    def entities(self) -> tuple[dict[tuple[str, str], Entity], dict[tuple[str, str], tuple[str, str]]]:
        """One entity per group (keyed ('entity', normalised label)), and each local name's entity key."""
        groups: dict[tuple[str, str], list[LocalName]] = defaultdict(list)
        for key, local in self.locals.items():
            groups[self.find(key)].append(local)
        merges: dict[tuple[str, str], list[Merge]] = defaultdict(list)
        for key, merge in self.merges:
            merges[self.find(key)].append(merge)
        entities: dict[tuple[str, str], Entity] = {}
        index: dict[tuple[str, str], tuple[str, str]] = {}
        # order groups so that colliding labels get stable suffixes
        for root, members in sorted(groups.items(), key=lambda kv: min((m.article, m.name) for m in kv[1])):
            forms: Counter = Counter()
            for member in members:
                forms.update(member.forms)  # keeps the names written zero times, unlike sum()
            label = label_of(members)
            key = ("entity", normalise(label))
            if key in entities:  # two different things with one name ('Smith' in two stories)
                key = ("entity", f"{normalise(label)} {min(m.article for m in members)}")
            entities[key] = Entity(
                key=key,
                cls=entity_class(members, label),
                label=label,
                alt_labels=tuple(sorted(f for f in forms if f != label)),
                mention_count=sum(forms.values()),
                articles=tuple(sorted({m.article for m in members})),
                merges=tuple(sorted(merges[root], key=lambda m: (m.rule, m.name, m.other))),
            )
            index.update({(m.article, m.name): key for m in members})
        return entities, index


class Context:
    """Which entities (as merged so far) each article names, to tell namesakes apart."""

    def __init__(self, merger: Merger):
        self.merger = merger
        self.roots_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.articles_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.named: Counter = Counter()  # how often each entity is named in the corpus
        for key, local in merger.locals.items():
            self.roots_of[key[0]].add(merger.find(key))
            self.articles_of[merger.find(key)].add(key[0])
            self.named[merger.find(key)] += sum(local.forms.values())

    def mentions(self, key: tuple[str, str]) -> int:
        return self.named[self.merger.find(key)]

    def shared_between(self, first: tuple[str, str], second: tuple[str, str]) -> int:
        """How many other entities the articles of two entities both name."""
        roots = {self.merger.find(first), self.merger.find(second)}
        around = [set().union(*(self.roots_of[a] for a in self.articles_of[root])) - roots for root in roots]
        return len(around[0] & around[1]) if len(around) == 2 else 0

    def shared(self, key: tuple[str, str], owner: tuple[str, str]) -> int:
        """How many other entities the article of `key` shares with the articles of `owner`'s entity."""
        around = self.roots_of[key[0]] - {self.merger.find(key)}
        owner_root = self.merger.find(owner)
        theirs = set().union(*(self.roots_of[a] for a in self.articles_of[owner_root])) - {owner_root}
        return len(around & theirs)

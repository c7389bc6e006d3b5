"""IRIs: readable, stable, injective, and never broken out of by a name or a base."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import UsageError
from kg.graph.mint import Minter, mint_slug


@given(st.text(max_size=40))
def test_mint_slug_is_stable_and_iri_safe(name):
    slug = mint_slug(name)
    assert slug == mint_slug(name)
    assert slug and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in slug)


@given(st.text(max_size=30), st.text(max_size=30))
def test_mint_slug_is_injective(a, b):
    if a != b:
        assert mint_slug(a) != mint_slug(b)


@pytest.mark.parametrize(("name", "slug"), [("donald trump", "donald-trump"), ("china", "china")])
def test_plain_names_keep_readable_slugs(name, slug):
    assert mint_slug(name) == slug


@pytest.mark.parametrize("base", ["not an iri", "https://x.example/\n", "https://x.example/ids"])
def test_base_must_be_an_absolute_iri_ending_in_a_slash_or_hash(base):
    with pytest.raises(UsageError, match="--base"):
        Minter(base)


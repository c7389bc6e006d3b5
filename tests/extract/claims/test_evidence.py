from __future__ import annotations


def test_negated_and_hedged_claims_keep_it_on_the_record(read):
    [claim] = read("Tim Cook did not confirm that Apple would open a plant.").claims
    assert claim.evidence.negated
    [claim] = read("Tim Cook would say that the plant is safe.").claims
    assert claim.evidence.modality == "would"


def test_claim_lists_the_entities_it_mentions(read):
    [claim] = read("Angela Merkel said that Germany would support France.").claims
    assert {m.text for m in claim.mentions} == {"Germany", "France"}

"""The claims a test compares, as tuples."""


def said(claims) -> set[tuple]:
    """(speaker entity or None, source words, cue, direct, content) of each claim."""
    return {(c.speaker.name if c.speaker else None, c.source.text, c.cue, c.direct, c.content) for c in claims}


def judged(claims) -> set[tuple]:
    """(speaker entity or None, source words, rule, content) of each claim: as a reader judges them."""
    return {(c.speaker.name if c.speaker else None, c.source.text, c.evidence.rule, c.content) for c in claims}

"""The figure a test looks at."""


def one_figure(read, text, figure):
    """The measurement written as `figure` in `text`."""
    found = [m for m in read(text).measurements if m.text == figure]
    assert len(found) == 1, [m.text for m in read(text).measurements]
    return found[0]

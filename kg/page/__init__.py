"""The page: what the graph draws (view), the part a build draws (excerpt), the HTML (render)."""

# The build's page keeps the most connected nodes; a browser stays responsive at this size. Here, not
# in view.py, so that the command line reads it without loading the page's libraries.
PAGE_MAX_NODES = 1000

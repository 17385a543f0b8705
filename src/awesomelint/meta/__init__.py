"""``awesomelint meta``: what each link points at, asked of the official APIs.

Data flows one way: entries (from the parser) → identifiers (``ids``) →
records (``resolver`` over ``providers``, through the link checker's HTTP
client, host pool, address guard and the shared SQLite cache) → findings
(``findings``) → report or ``--fix``.  httpx and rapidfuzz are imported only
here, never on the lint path.
"""

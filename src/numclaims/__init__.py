"""numclaims: fact-check the numbers in news reporting.

Data flows one way: source text -> claim records -> intervals -> checks -> results -> report / notebooks.
"""

__version__ = "0.1.0"

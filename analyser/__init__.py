"""analyser: concept tagging and citation checking for reflective essays,
case studies and meeting notes on partnership working."""

__version__ = "0.1.0"

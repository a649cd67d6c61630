"""Query handlers: small pure functions (corpus, slots, context) -> Answer, one registry for all front ends."""

from __future__ import annotations

from .context import Handler, HandlerContext
from .dialogue import fallback, farewell, greeting, help_answer, thanks
from .paper_info import paper_code, paper_details, paper_introducing, paper_results
from .papers import benchmark_papers, benchmarks_used, first_author, latest_paper, list_papers, topic_search
from .people import coauthors, paper_authors, worked_with
from .profile import category_counts, profile_stats, year_counts

HANDLERS: dict[str, Handler] = {
    "list_papers": list_papers,
    "latest_paper": latest_paper,
    "benchmark_papers": benchmark_papers,
    "benchmarks_used": benchmarks_used,
    "topic_search": topic_search,
    "first_author": first_author,
    "coauthors": coauthors,
    "worked_with": worked_with,
    "paper_authors": paper_authors,
    "paper_details": paper_details,
    "paper_code": paper_code,
    "paper_results": paper_results,
    "paper_introducing": paper_introducing,
    "profile_stats": profile_stats,
    "year_counts": year_counts,
    "category_counts": category_counts,
    "help": help_answer,
    "greeting": greeting,
    "thanks": thanks,
    "farewell": farewell,
    "fallback": fallback,
}

__all__ = ["HANDLERS", "Handler", "HandlerContext"]

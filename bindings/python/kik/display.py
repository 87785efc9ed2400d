"""HTML for notebooks (``_repr_html_``): the report's own donut charts and tables, as the
library draws them (lib/svg.c, lib/report_html.c), under a stylesheet scoped to the
output so that it does not restyle the notebook. Labels are German, as the city
publishes; set ``kik.display.LANG = "en"`` for English.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Iterable

from . import _lib
from ._lib import core

if TYPE_CHECKING:
    from .objects import Field, Goal, Measure
    from .plan import Plan
    from .records import Diff, Summary

__all__ = ["LANG", "plan", "field", "goal", "measure", "summary", "diff", "records"]

#: the language of labels in notebook displays: "de" or "en"
LANG = "de"

_STYLE = (
    "<style>.kik-display table{border-collapse:collapse;margin:.5em 0}"
    ".kik-display th,.kik-display td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}"
    ".kik-display th{background:#f4f4f4}.kik-display td.num{text-align:right}"
    ".kik-display td.mark{text-align:center;font-weight:bold}"
    ".kik-display tr.goal td{background:#fafafa;font-weight:bold}"
    ".kik-display .chart{display:flex;align-items:center;gap:2em}"
    ".kik-display .legend{list-style:none;padding:0}"
    ".kik-display .swatch{display:inline-block;width:1em;height:1em;margin-right:.5em;vertical-align:middle}"
    ".kik-display .donuts{display:flex;flex-wrap:wrap;gap:1em}"
    ".kik-display .donuts figure{margin:0;text-align:center}</style>"
)


def _lang() -> int:
    return _lib.choice(LANG, _lib.LANGS, "display language")


def _wrap(title: str, body: str) -> str:
    return f'<div class="kik-display">{_STYLE}<h3>{html.escape(title)}</h3>{body}</div>'


def _chart(s: "Summary", legend: bool = True) -> str:
    return core.kik_py_html_chart(s.goals, s.waiting, s.in_progress, s.implemented, int(legend), _lang())


def summary(s: "Summary") -> str:
    """A summary's donut with its legend."""
    return _wrap(s.name or "Summary", _chart(s))


def plan(p: "Plan") -> str:
    """The plan's donut, one donut per field, and the table of every field's counts."""
    with p._lock:
        table = core.kik_py_html_summary_table(p._c(), _lang())
    donuts = "".join(f"<figure>{_chart(f.summary(), legend=False)}<figcaption>{html.escape(f.code)}"
                     f"</figcaption></figure>" for f in p.fields)
    title = p.name or "Plan" + (f" ({p.as_of})" if p.as_of else "")
    if p.name and p.as_of:
        title = f"{p.name} ({p.as_of})"
    return _wrap(title, _chart(p.summary()) + f'<div class="donuts">{donuts}</div>' + table)


def field(f: "Field") -> str:
    """A field's donut with its legend and the table of its goals and measures."""
    p = f.plan
    with p._lock:
        table = core.kik_py_html_goal_table(p._c(), f._handle(), None, _lang())
    return _wrap(f"{f.code} {f.name}", _chart(f.summary()) + table)


def goal(g: "Goal") -> str:
    """A goal's donut with its legend and the table of its measures."""
    p = g.plan
    with p._lock:
        field_handle = core.kik_plan_find_field(p._c(), g._key[0])
        table = core.kik_py_html_goal_table(p._c(), field_handle, g._handle(), _lang())
    return _wrap(f"{g.id} {g.text}", _chart(g.summary()) + table)


def measure(m: "Measure") -> str:
    """A measure's status and text, and the reasons for its status."""
    reasons = "".join(f"<li>{html.escape(r.message_de if LANG == 'de' else r.message_en)}</li>"
                      for r in m.explain())
    status = m.status.label(LANG)
    return _wrap(f"{m.id}: {status}", f"<p>{html.escape(m.text)}</p><ul>{reasons}</ul>")


def diff(d: "Diff") -> str:
    """A diff: each field's counts before and after, the donuts of both totals, and the
    changes (the first 100)."""
    from .records import Counts, Summary

    def total(which: str) -> "Summary":
        counts = [sum(getattr(f, which)[i] for f in d.fields) for i in range(3)]
        n = sum(counts)
        return Summary(0, n, Counts(*counts), Counts(*core.kik_py_percentages(*counts)),
                       Counts(*(c / n if n else 0.0 for c in counts)))

    labels = [core.kik_status_label(i, _lang()) for i in range(3)]
    head = "".join(f"<th>{html.escape(label)}</th>" for label in labels)
    rows = []
    for f in d.fields:
        cells = "".join(f'<td class="num">{f.old[i]} &#8594; {f.new[i]}{_delta(f.new[i] - f.old[i])}</td>'
                        for i in range(3))
        rows.append(f"<tr><td>{html.escape(f.field)}</td><td>{html.escape(f.name)}</td>{cells}"
                    f'<td class="num">{f.old_measures} &#8594; {f.new_measures}</td></tr>')
    fields = (f"<table><thead><tr><th></th><th></th>{head}<th>&#931;</th></tr></thead>"
              f"<tbody>{''.join(rows)}</tbody></table>")
    donuts = (f'<div class="donuts"><figure>{_chart(total("old"), legend=False)}<figcaption>'
              f'{html.escape(d.old_name)}</figcaption></figure><figure>{_chart(total("new"), legend=False)}'
              f'<figcaption>{html.escape(d.new_name)}</figcaption></figure></div>')
    changes = "".join(f"<tr><td>{html.escape(str(c.object))}</td><td>{html.escape(c.id)}</td>"
                      f"<td>{html.escape(str(c.kind))}</td><td>{html.escape(_values(c))}</td>"
                      f"<td>{html.escape(c.text[:120])}</td></tr>" for c in d.changes[:100])
    more = f"<p>and {len(d.changes) - 100} more changes</p>" if len(d.changes) > 100 else ""
    table = (f"<table><thead><tr><th></th><th>id</th><th></th><th></th><th></th></tr></thead>"
             f"<tbody>{changes}</tbody></table>{more}" if d.changes else "<p>no changed objects</p>")
    return _wrap(f"{d.old_name} \u2192 {d.new_name}: {len(d.changes)} changes", donuts + fields + table)


def _delta(n: int) -> str:
    return f" ({n:+d})" if n else ""


def _values(change: Any) -> str:
    return "; ".join(f"{key}: {old or '-'} \u2192 {new or '-'}" for key, (old, new) in change.values.items()
                     if key in change.what)


def records(rows: Iterable[Any], title: str) -> str:
    """A table of records, one row each (their English sentence)."""
    items = "".join(f"<li>{html.escape(str(r))}</li>" for r in rows)
    return _wrap(title, f"<ul>{items}</ul>" if items else "<p>none</p>")

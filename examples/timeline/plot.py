#!/usr/bin/env python3
"""The trend of a store as a chart, read from the store's views with pandas and sqlite3
alone (no libkik): one bar per snapshot and status, per field.

    /usr/bin/python3 examples/timeline/plot.py [STORE] [PNG]
        (defaults: kik-timeline.kikdb, kik-timeline.png)
"""
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

STATUSES = ["waiting", "in_progress", "implemented"]
COLOURS = {"waiting": "#c8c8c8", "in_progress": "#f0b400", "implemented": "#2e8b57"}


def field_counts(store: str) -> pd.DataFrame:
    """The counts per field at every snapshot (the working state left out)."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return pd.read_sql(
            "SELECT as_of, label, field, name, position, measures, waiting, in_progress, implemented "
            "FROM field_counts WHERE snapshot <> 'working' ORDER BY as_of, position",
            db,
        )


def plot(counts: pd.DataFrame, png: str) -> None:
    """Stacked bars: for each field, one bar per snapshot."""
    fields = counts.drop_duplicates("field")[["field", "name"]].values.tolist()
    fig, axes = plt.subplots(1, len(fields), figsize=(3 * len(fields), 4), sharey=True)
    for ax, (field, name) in zip(axes, fields):
        rows = counts[counts.field == field]
        bottom = [0] * len(rows)
        for status in STATUSES:
            ax.bar(rows.as_of, rows[status], bottom=bottom, color=COLOURS[status], label=status)
            bottom = [b + v for b, v in zip(bottom, rows[status])]
        ax.set_title(name, fontsize=9)
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    axes[0].set_ylabel("measures")
    axes[-1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(png, dpi=100)


def main() -> None:
    store = sys.argv[1] if len(sys.argv) > 1 else "kik-timeline.kikdb"
    png = sys.argv[2] if len(sys.argv) > 2 else "kik-timeline.png"
    counts = field_counts(store)
    totals = counts.groupby(["as_of", "label"], sort=True)[["measures"] + STATUSES].sum()
    print(totals.to_string())
    plot(counts, png)


if __name__ == "__main__":
    main()

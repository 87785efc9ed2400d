#!/usr/bin/env python3
"""A worked example for analysts: the status of Kempten's integration concept.

Loads the bundled plan (KIK as of 2023-10-05), shows the per-field table as a pandas
DataFrame, plots the status shares per field, and lists the measures that move when the
tasks in TASKS_FILE are taken into account (default: examples/sample-tasks.csv, a small
illustrative file, not office data).

    /usr/bin/python3 examples/analysts.py [--tasks TASKS_FILE] [--out DIR]
"""
import argparse
import pathlib

import matplotlib

matplotlib.use("Agg")  # headless: the chart goes into a file
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import kik  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
COLOURS = {"waiting": "#c8c8c8", "in_progress": "#f0a830", "implemented": "#3a8f5c"}


def field_table(plan: kik.Plan) -> pd.DataFrame:
    """One row per field: goals, measures, counts and published percentages."""
    rows = []
    for field in plan.fields:
        s = field.summary()
        rows.append({"code": field.code, "field": field.name, "goals": s.goals, "measures": s.total,
                     **{str(st): s.counts[st] for st in kik.Status},
                     **{f"{st} %": s.percent[st] for st in kik.Status}})
    return pd.DataFrame(rows).set_index("code")


def plot_shares(table: pd.DataFrame, path: pathlib.Path) -> None:
    """A horizontal stacked bar per field with the share of each status."""
    shares = table[[f"{st} %" for st in kik.Status]]
    shares.columns = [st.label_de for st in kik.Status]
    ax = shares.plot.barh(stacked=True, color=list(COLOURS.values()), figsize=(8, 4))
    ax.set_xlabel("Anteil der Maßnahmen (%)")
    ax.set_ylabel("")
    ax.invert_yaxis()
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.35), ncol=3)
    ax.set_title("Umsetzungsstand je Handlungsfeld")
    plt.tight_layout()
    plt.savefig(path, dpi=100)
    plt.close()


def moved(plan: kik.Plan) -> pd.DataFrame:
    """The measures whose status derived from their tasks differs from the recorded one."""
    frame = plan.to_pandas()
    changed = frame[frame["status"] != frame["recorded_status"]]
    return changed[["id", "recorded_status", "status", "tasks", "text"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=pathlib.Path, default=HERE / "sample-tasks.csv")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("."))
    args = parser.parse_args()

    plan = kik.Plan.default()
    print(plan)
    table = field_table(plan)
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        print(table)
    chart = args.out / "status-shares.png"
    plot_shares(table, chart)
    print(f"chart: {chart}")

    plan.import_file(args.tasks, kind="tasks")
    changes = moved(plan)
    print(f"\n{len(changes)} measures move with the tasks of {args.tasks.name}:")
    with pd.option_context("display.width", 160, "display.max_colwidth", 50):
        print(changes.to_string(index=False))
    for finding in plan.check():
        print("-", finding)


if __name__ == "__main__":
    main()

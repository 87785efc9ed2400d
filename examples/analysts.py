#!/usr/bin/env python3
"""A worked example for analysts: the status of Kempten's integration concept.

Loads the bundled plan (KIK as of 2023-10-05), shows the per-field summary frame, plots
the status shares per field, and lists the measures that move when the tasks in
TASKS_FILE are taken into account (default: examples/sample-tasks.csv, a small
illustrative file, not office data), with the tasks' frame and the diff. The notebook
examples/analysts.ipynb does the same and more in Jupyter.

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
COLOURS = {kik.Status.WAITING: "#b8b8b8", kik.Status.IN_PROGRESS: "#f2a900", kik.Status.IMPLEMENTED: "#2e8b57"}


def field_table(plan: kik.Plan) -> pd.DataFrame:
    """One row per field: goals, measures, counts and published percentages."""
    return plan.summaries("field").set_index("field")


def plot_shares(table: pd.DataFrame, path: pathlib.Path) -> None:
    """A horizontal stacked bar per field with the share of each status."""
    shares = table[[f"{st}_percent" for st in kik.Status]]
    shares.columns = [st.label_de for st in kik.Status]
    ax = shares.plot.barh(stacked=True, color=[COLOURS[st] for st in kik.Status], figsize=(8, 4))
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

    with_tasks = plan.copy()
    with_tasks.import_file(args.tasks)  # told to be a tasks file by its header
    changes = moved(with_tasks)
    print(f"\n{len(changes)} measures move with the tasks of {args.tasks.name}:")
    with pd.option_context("display.width", 160, "display.max_colwidth", 50):
        print(changes.to_string(index=False))
        print(with_tasks.tasks.to_pandas()[["measure", "kind", "state", "due", "owner"]].to_string(index=False))
    diff = kik.diff(plan, with_tasks)
    print(f"\n{diff!r}")
    for finding in with_tasks.check():
        print("-", finding)


if __name__ == "__main__":
    main()

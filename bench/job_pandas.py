"""The benchmark job with pandas."""
import json
import sys

import pandas as pd


def main(measures_path, tasks_path):
    m = pd.read_csv(measures_path, sep=";", dtype=str, keep_default_na=False,
                    usecols=["field", "measure", "status"])
    t = pd.read_csv(tasks_path, sep=";", dtype=str, keep_default_na=False,
                    usecols=["field", "measure", "kind", "state"])
    t["ok"] = t["state"].isin(["done", "not_applicable"])
    t["started"] = t["state"].isin(["in_progress", "done"])
    per_kind = t.groupby(["field", "measure", "kind"], sort=False)["ok"].all().unstack("kind")
    per_kind = per_kind.reindex(columns=["concept", "ag", "work_package"])
    implemented = per_kind.fillna(False).astype(bool).all(axis=1) & per_kind.notna().all(axis=1)
    started = t.groupby(["field", "measure"], sort=False)["started"].any()
    derived = pd.Series("waiting", index=started.index)
    derived[started] = "in_progress"
    derived[implemented.reindex(started.index)] = "implemented"
    m = m.join(derived.rename("derived"), on=["field", "measure"])
    m["final"] = m["derived"].fillna(m["status"])
    table = m.groupby(["field", "final"], sort=False).size().unstack(fill_value=0)
    table = table.reindex(columns=["waiting", "in_progress", "implemented"], fill_value=0)
    print(json.dumps({f: [int(v) for v in row] for f, row in table.iterrows()}))


if __name__ == "__main__":
    main(*sys.argv[1:])

#!/usr/bin/env python3
"""pandas DataFrame.to_sql of the two CSV files into a new SQLite file, the way an analyst
would keep them: the files are read first (not timed), then both tables are written.

    store_pandas.py MEASURES TASKS DATABASE     prints {"seconds": ...}
"""
import json
import os
import sqlite3
import sys
import time

import pandas


def main():
    measures_csv, tasks_csv, path = sys.argv[1:4]
    measures = pandas.read_csv(measures_csv, sep=";", dtype=str, keep_default_na=False)
    tasks = pandas.read_csv(tasks_csv, sep=";", dtype=str, keep_default_na=False)
    for name in (path, path + "-journal"):
        if os.path.exists(name):
            os.remove(name)
    start = time.perf_counter()
    with sqlite3.connect(path) as db:
        measures.to_sql("measures", db, index=False)
        tasks.to_sql("tasks", db, index=False)
    db.close()
    print(json.dumps({"seconds": time.perf_counter() - start, "rows": len(measures) + len(tasks)}))


if __name__ == "__main__":
    main()

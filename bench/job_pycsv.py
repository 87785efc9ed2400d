"""The benchmark job with Python's csv module (what an analyst might write by hand)."""
import csv
import json
import sys

DONE = {"done", "not_applicable"}
STARTED = {"in_progress", "done"}
KINDS = {"concept": 0, "ag": 1, "work_package": 2}


def main(measures_path, tasks_path):
    tasks = {}  # (field, number) -> [seen per kind x3, all done per kind x3, started]
    with open(tasks_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        for field, number, kind, _title, state, _due, _owner in rows:
            t = tasks.get((field, number))
            if t is None:
                t = tasks[(field, number)] = [0, 0, 0, True, True, True, False]
            k = KINDS[kind]
            t[k] += 1
            if state not in DONE:
                t[3 + k] = False
            if state in STARTED:
                t[6] = True
    counts = {}
    order = {"waiting": 0, "in_progress": 1, "implemented": 2}
    with open(measures_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        for field, _group, _goal, _goal_text, number, _text, status in rows:
            t = tasks.get((field, number))
            if t is not None:
                if all(t[k] and t[3 + k] for k in range(3)):
                    status = "implemented"
                else:
                    status = "in_progress" if t[6] else "waiting"
            counts.setdefault(field, [0, 0, 0])[order[status]] += 1
    print(json.dumps(counts))


if __name__ == "__main__":
    main(*sys.argv[1:])

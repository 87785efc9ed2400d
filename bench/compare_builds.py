#!/usr/bin/env python3
"""Two builds of the benchmark job, timed in alternating runs: on a machine whose speed
drifts from minute to minute, runs of one build and then the other would measure the
drift. Prints each build's median wall, user and sys time.

    /usr/bin/python3 bench/compare_builds.py OLD/bench/kik_job NEW/bench/kik_job [RUNS] [MEASURES TASKS]

RUNS defaults to 10; the files default to those of gen_plan 1000000 in /tmp/kik-1m
(`build/bench/gen_plan 1000000 /tmp/kik-1m`). Both builds run once to warm up first.
"""
import resource
import statistics
import subprocess
import sys
import time


def one(job, files):
    """Runs the job once; returns (wall, user, sys) seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([job] + files, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    files = sys.argv[4:6] or ["/tmp/kik-1m/measures.csv", "/tmp/kik-1m/tasks.csv"]
    times = {old: [], new: []}
    one(old, files)
    one(new, files)
    for i in range(runs):
        for job in (old, new) if i % 2 == 0 else (new, old):
            times[job].append(one(job, files))
    for job in (old, new):
        wall, user, system = (statistics.median(t[k] for t in times[job]) for k in range(3))
        print(f"{job}: wall {wall:.3f} s (fastest {min(t[0] for t in times[job]):.3f}), "
              f"user {user:.3f} s, sys {system:.3f} s, median of {runs}")


if __name__ == "__main__":
    main()

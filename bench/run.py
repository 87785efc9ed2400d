#!/usr/bin/env python3
"""The benchmark driver: the same job with libkik and with the tools an analyst would
otherwise use, in one run, at several sizes.

The job: load measures and tasks, derive every measure's status by the default rule,
count per field and status. Each tool runs as its own process; the driver takes its wall
time and peak memory (max RSS), checks that all tools give the same counts, and prints a
Markdown table with MB/s and the ratio to libkik. Also measured: loading from Python,
to_pandas(), kik-status on the bundled plan, and the floor: what only reading the files on
two threads and keeping as much fresh memory as libkik's plan costs on this machine.

Every tool runs once to warm up (page cache, and the memory the machine hands out) and
then --runs times (--slow-runs times if its warm-up took longer than --slow seconds); the
table shows the median. Each timed run of another tool comes right after a run of libkik
and is followed by one, and its ratio is to the mean of those two: this machine's speed
drifts by half from minute to minute, so only runs made seconds apart compare. A tool's
ratio is the median of its runs' ratios. The Python rows alternate with runs of the C job
in the same way.

    /usr/bin/python3 bench/run.py [--build build] [--sizes 1000,100000,1000000]

With --shapes, it runs only the scaling check: the input shapes that once took quadratic or
cubic time (bench/gen_shapes.c: fields of the same initials, many fields, goals and
measures last first, a matrix cell of tags without an end, owners colliding in the old
hash, tasks of one measure), each at 10,000 to 160,000 rows through kik-status or
kik-diff; the CPU time per row (less the time on one row) must stay within 2x from the
smallest size to the largest.

With --store, it runs only the store's jobs (bench/store_job.c, issue 20) at --sizes
(default 1000000 measures, about 5 tasks each): saving the plan of the two files into a new
store against the sqlite3 shell's .import of the same files into two plain tables (a fresh
database each run) and against pandas DataFrame.to_sql of the two tables
(bench/store_pandas.py); loading the plan back from the store against libkik's CSV import
of the files (store_job import); single edits with their change-log entry and the trend
over 20 snapshots on the bundled plan; the save's and the load's peak memory against the
plan's own. Each run of sqlite3 or pandas comes between two saves, each load between two
imports, and its ratio is to the mean of those two. The times of store_job and of pandas
are their own (the plan or the frames already in memory; the CSV files read first, not
timed); sqlite3's is its process's, which is its whole .import. With --check, the driver
exits non-zero when a target is missed.

    /usr/bin/python3 bench/run.py --store [--sizes 100000] [--runs 3] [--check]

DuckDB comes from the npm package @duckdb/node-api, installed into bench/.node (a scratch
directory, not committed) on the first run.
"""
import argparse
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def run(cmd, env=None, cwd=None):
    """Runs a command; returns (stdout, seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return out.decode(), seconds


def measured(cmd, env=None, cwd=None):
    """Runs a command under a small wrapper that reports the child's own peak RSS."""
    wrapper = [PYTHON, "-c",
               "import os, resource, subprocess, sys, time\n"
               "t = time.perf_counter()\n"
               "p = subprocess.run(sys.argv[1:])\n"
               "t = time.perf_counter() - t\n"
               "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
               "sys.stderr.write('@@%f %f\\n' % (t, rss))\n"
               "sys.exit(p.returncode)\n"] + cmd
    proc = subprocess.run(wrapper, capture_output=True, env=env, cwd=cwd)
    lines = proc.stderr.decode().splitlines()
    stats = [line for line in lines if line.startswith("@@")]
    if proc.returncode != 0 or not stats:
        raise RuntimeError(f"{' '.join(map(str, cmd[:2]))} failed: {proc.stderr.decode()[-2000:]}")
    seconds, rss = map(float, stats[-1][2:].split())
    return proc.stdout.decode(), seconds, rss


def ensure_duckdb():
    node_dir = HERE / ".node"
    if not (node_dir / "node_modules" / "@duckdb" / "node-api").exists():
        node_dir.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(node_dir), "@duckdb/node-api"], check=True)
    return node_dir


def sqlite_script(measures, tasks):
    return (f".mode csv\n.separator ;\n.import '{measures}' m\n.import '{tasks}' t\n"
            f".mode list\n.separator |\n{(HERE / 'job.sql').read_text()}")


def parse_sql_rows(text):
    counts, order = {}, {"waiting": 0, "in_progress": 1, "implemented": 2}
    for line in text.strip().splitlines():
        field, status, n = line.split("|")
        counts.setdefault(field, [0, 0, 0])[order[status]] = int(n)
    return counts


def print_targets(rows, status_seconds):
    """The benchmark issue's targets, each with the measured value and whether it is met."""
    by = {(size, name): (seconds, rss, mb) for size, _, mb, name, seconds, _, rss, _, _ in rows}
    ratio = {(size, name): r for size, _, _, name, _, _, _, r, _ in rows}
    sizes = sorted({size for size, *_ in rows})
    big = sizes[-1]
    kik, mb = by[(big, "libkik")][0], by[(big, "libkik")][2]
    checks = [
        (f"libkik at {big:,} measures in at most 0.6 s", f"{kik:.3f} s", kik <= 0.6),
        ("at least 4x faster than DuckDB (runs paired)", f"{ratio[(big, 'duckdb')]:.1f}x", ratio[(big, "duckdb")] >= 4),
        ("at least 14x faster than Python's csv module (runs paired)", f"{ratio[(big, 'python csv')]:.1f}x",
         ratio[(big, "python csv")] >= 14),
        ("peak memory at most the input's size", f"{by[(big, 'libkik')][1]:.0f} MB of {mb:.0f} MB",
         by[(big, "libkik")][1] <= mb),
        ("Python load at most 1.2x the C time (runs paired)", f"{ratio[(big, 'python kik: load')]:.2f}x",
         ratio[(big, "python kik: load")] <= 1.2),
        ("to_pandas() under 1 s", f"{by[(big, 'python kik: to_pandas')][0]:.3f} s",
         by[(big, "python kik: to_pandas")][0] < 1.0),
        ("kik-status on the bundled plan under 5 ms", f"{status_seconds * 1000:.1f} ms", status_seconds < 0.005),
    ]
    if len(sizes) > 1:
        # linear: the time per MB at the largest size no more than 1.5x that at the one below
        # (the smallest sizes are mostly process start)
        small = sizes[-2]
        per_big = kik / mb
        per_small = by[(small, "libkik")][0] / by[(small, "libkik")][2]
        checks.append((f"time linear from {small:,} to {big:,} (s/MB within 1.5x)",
                       f"{per_big / per_small:.2f}x", per_big <= 1.5 * per_small))
    print("\n| target | measured | met |\n|---|---:|---|")
    for what, value, met in checks:
        print(f"| {what} | {value} | {'yes' if met else 'NO'} |")


def paired_ratio(seconds, kik_before, kik_after):
    """A run's time to libkik's in the runs just before and after it."""
    return seconds / ((kik_before + kik_after) / 2)


def timed_tools(commands, args):
    """Every tool's warm-up, then its timed runs, each between two runs of libkik. Returns
    per tool: the counts (of every run, or None where runs disagree), the times, the ratios
    to the libkik runs around each run (libkik has none), and the peak RSS."""
    def counts_of(name, out):
        return parse_sql_rows(out) if name == "sqlite3" else json.loads(out)

    outs, times, ratios, peaks, warm = {}, {}, {}, {}, {}
    for name, (cmd, env, cwd) in commands.items():
        out, seconds, rss = measured(cmd, env=env, cwd=cwd)
        outs[name], warm[name], peaks[name] = counts_of(name, out), seconds, rss
        times[name], ratios[name] = [], []

    def run_tool(name):
        cmd, env, cwd = commands[name]
        out, seconds, rss = measured(cmd, env=env, cwd=cwd)
        if counts_of(name, out) != outs[name]:
            outs[name] = None  # runs of the same job disagree: reported as disagreeing counts
        times[name].append(seconds)
        peaks[name] = max(peaks[name], rss)
        return seconds

    before = run_tool("libkik")
    for round_ in range(args.runs):
        for name in commands:
            if name == "libkik" or (warm[name] > args.slow and round_ >= args.slow_runs):
                continue
            seconds = run_tool(name)
            after = run_tool("libkik")
            ratios[name].append(paired_ratio(seconds, before, after))
            before = after
    while len(times["libkik"]) < args.runs:  # when every other tool is slow
        run_tool("libkik")
    return {name: (outs[name], times[name], ratios[name], peaks[name]) for name in commands}


def measure_floor(build, measures, tasks, keep_mb, args, size, megabytes):
    """The floor at one size, as a line for the report: runs back to back, as the tools run,
    and runs after the machine idled (a host that takes back freed memory makes fresh memory
    dear again after a pause)."""
    cmd = [str(build / "bench" / "memory_floor"), measures, tasks, f"{keep_mb:.0f}"]
    measured(cmd)  # the warm-up
    back = [measured(cmd)[1] for _ in range(args.runs)]
    idle = []
    for _ in range(3):
        time.sleep(args.idle)
        idle.append(measured(cmd)[1])
    print(f"{size:>8} floor      {statistics.median(back):8.3f} s (runs: {' '.join(f'{t:.3f}' for t in back)}; "
          f"after {args.idle:g} s idle: {' '.join(f'{t:.3f}' for t in idle)})", file=sys.stderr)
    return (f"Floor at {size:,} measures (read {megabytes:.0f} MB on two threads and copy {keep_mb:.0f} MB, "
            f"libkik's peak, into fresh memory; no parsing): {statistics.median(back):.3f} s, median of "
            f"{args.runs} runs back to back; {statistics.median(idle):.3f} s, median of 3 runs each after "
            f"{args.idle:g} s idle")


# The input shapes that once took quadratic or cubic time (issue 19), made by gen_shapes, and
# the tool run on each. `known`: a shape left to another issue, timed at the two smallest
# sizes and shown, but not checked (none is left).
SHAPES = [
    ("same-initials", "fields of the same initials", "status", None),
    ("distinct-fields", "fields with codes and names", "status", None),
    ("distinct-fields", "fields with codes and names, two snapshots", "diff", None),
    ("goals-descending", "goals of a field, last first", "status", None),
    ("measures-descending", "measures of a goal, last first", "status", None),
    ("matrix-tags", "matrix rows, one cell of '<a' as long, no '>'", "status", None),
    ("colliding-owners", "owners colliding in the old intern hash", "status", None),
    ("tasks-one-measure", "tasks of one measure", "status", None),
]


def shape_command(build, tool, folder):
    """The tool's command on a shape's files in `folder`."""
    files = {name: str(folder / name) for name in ("measures.csv", "tasks.csv", "other.csv", "matrix.txt")}
    if tool == "diff":
        return [str(build / "examples" / "kik-diff"), files["measures.csv"], files["other.csv"]]
    cmd = [str(build / "examples" / "kik-status")]
    if (folder / "tasks.csv").exists():
        cmd += ["--tasks", files["tasks.csv"]]
    return cmd + [files["matrix.txt"] if (folder / "matrix.txt").exists() else files["measures.csv"]]


def cpu_seconds(cmd):
    """Runs a command; returns the user and system time it took (wall time measures the
    other processes of a busy machine as much as the tool)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):  # kik-diff exits 1 when the plans differ
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def shape_seconds(build, work, shape, tool, n, runs):
    """The median CPU time of the tool on the shape at n rows, and its runs."""
    folder = work / f"shape-{shape}-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(build / "bench" / "gen_shapes"), shape, str(n), str(folder)], check=True)
    cmd = shape_command(build, tool, folder)
    cpu_seconds(cmd)  # the warm-up
    times = [cpu_seconds(cmd) for _ in range(runs)]
    return statistics.median(times), times


def scaling_check(build, work, sizes, runs):
    """Times each shape at each size (CPU time, median of `runs`, less the same tool's time
    on one row: process start and the bundled data) and checks that the time per row is
    flat: the largest within 2x of the smallest. A shape left to another issue is timed
    at the two smallest sizes only and not checked. Returns whether every checked shape is."""
    print("| shape | " + " | ".join(f"{n:,} rows" for n in sizes) + " | per row, largest / smallest | linear |")
    print("|---|" + "---:|" * len(sizes) + "---:|---|")
    flat = True
    for shape, what, tool, known in SHAPES:
        base, _ = shape_seconds(build, work, shape, tool, 1, runs)
        per_row, cells = [], []
        for n in sizes[:2] if known else sizes:
            seconds, times = shape_seconds(build, work, shape, tool, n, runs)
            per_row.append(max(seconds - base, 1e-6) / n)
            cells.append(f"{seconds:.3f} s")
            print(f"shape {shape} (kik-{tool}) {n:>7}: {seconds:.3f} s CPU (runs: "
                  f"{' '.join(f'{t:.3f}' for t in times)}; one row: {base:.3f} s)", file=sys.stderr)
        cells += ["" for _ in range(len(sizes) - len(cells))]
        growth = max(per_row) / min(per_row)
        ok = growth <= 2.0
        verdict = ("yes" if ok else "NO") if not known else f"not checked: {known}"
        flat &= ok or bool(known)
        print(f"| {what} (kik-{tool}) | " + " | ".join(cells) + f" | {growth:.2f}x | {verdict} |")
    return flat


def store_json(cmd):
    """Runs a store job (or store_pandas.py); returns its JSON line and its process's peak RSS."""
    out, seconds, rss = measured(cmd)
    data = json.loads(out.strip().splitlines()[-1])
    data["wall"], data["rss"] = seconds, rss
    return data


def interleaved(reference, others, runs):
    """Each of `others` (name -> a callable giving seconds and its data) `runs` times, each
    run between two runs of `reference`, after a warm-up of every job. Returns per job its
    runs' data and, for the others, the ratio of each run to the mean of the reference's
    runs just before and after it."""
    data = {name: [] for name in [reference[0]] + list(others)}
    ratios = {name: [] for name in others}
    reference[1]()  # the warm-ups
    for job in others.values():
        job()
    before = reference[1]()
    data[reference[0]].append(before)
    for _ in range(runs):
        for name, job in others.items():
            got = job()
            after = reference[1]()
            data[name].append(got)
            data[reference[0]].append(after)
            ratios[name].append(paired_ratio(got["seconds"], before["seconds"], after["seconds"]))
            before = after
    return data, ratios


def store_bench(build, work, sizes, args):
    """The store's jobs of issue 20 (see the docstring). Returns whether every target is met."""
    job = str(build / "bench" / "store_job")
    rows, checks, notes = [], [], []
    for size in sizes:
        folder = work / str(size)
        folder.mkdir(exist_ok=True)
        made = subprocess.run([str(build / "bench" / "gen_plan"), str(size), str(folder)], check=True,
                              capture_output=True, text=True).stdout
        task_count = int(made.split(", ")[1].split()[0])  # "N measures, T tasks"
        measures, tasks = str(folder / "measures.csv"), str(folder / "tasks.csv")
        os.sync()
        for path in (measures, tasks):
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
        megabytes = (os.path.getsize(measures) + os.path.getsize(tasks)) / 1e6
        store, plain, frames = work / "store.kik", work / "plain.db", work / "pandas.db"

        def fresh(path):
            for name in (path, pathlib.Path(f"{path}-wal"), pathlib.Path(f"{path}-shm"),
                         pathlib.Path(f"{path}-journal")):
                if name.exists():
                    name.unlink()

        def save():
            return store_json([job, "save", measures, tasks, str(store)])  # removes the old store

        def sqlite_import():
            fresh(plain)
            _, seconds, rss = measured(["sqlite3", "-batch", str(plain), ".mode csv", ".separator ;",
                                        f".import {measures} measures", f".import {tasks} tasks"])
            return {"seconds": seconds, "rss": rss}

        def pandas_to_sql():
            fresh(frames)
            return store_json([PYTHON, str(HERE / "store_pandas.py"), measures, tasks, str(frames)])

        def load():
            return store_json([job, "load", str(store)])

        def csv_import():
            return store_json([job, "import", measures, tasks])

        saved, save_ratios = interleaved(("save", save), {"sqlite3 .import": sqlite_import,
                                                          "pandas to_sql": pandas_to_sql}, args.runs)
        counted = subprocess.run(["sqlite3", str(plain), "select count(*) from measures; select count(*) from tasks"],
                                 check=True, capture_output=True, text=True).stdout.split()
        if [int(n) for n in counted] != [size, task_count]:
            sys.exit(f"sqlite3 imported {counted} rows, not {size} and {task_count}")
        save()  # the store the loads read
        loaded, load_ratios = interleaved(("import", csv_import), {"load": load}, args.runs)
        if any(d["measures"] != size or d["tasks"] != task_count for d in loaded["load"] + saved["save"]):
            sys.exit("the store's plan has other counts than the files'")

        def med(runs, key="seconds"):
            return statistics.median(r[key] for r in runs)

        def line(name, runs, ratios=None):
            times = " ".join(f"{r['seconds']:.3f}" for r in runs)
            print(f"{size:>8} {name:<16} {med(runs):8.3f} s (runs: {times})"
                  + (f"; x by run: {' '.join(f'{r:.2f}' for r in ratios)}" if ratios else ""), file=sys.stderr)

        for name, runs in saved.items():
            line(name, runs, save_ratios.get(name))
        for name, runs in loaded.items():
            line(name, runs, load_ratios.get(name))
        save_peak, save_plan = max(r["peak_mb"] for r in saved["save"]), med(saved["save"], "plan_mb")
        load_peak, load_plan = max(r["peak_mb"] for r in loaded["load"]), med(loaded["load"], "plan_mb")
        rows += [
            (size, task_count, megabytes, "save into a new store (store_job save)", med(saved["save"]),
             None, f"{save_peak:.0f} (+ plan {save_plan:.0f})", max(r["rss"] for r in saved["save"])),
            (size, task_count, megabytes, "sqlite3 shell .import into two plain tables",
             med(saved["sqlite3 .import"]), statistics.median(save_ratios["sqlite3 .import"]), "",
             max(r["rss"] for r in saved["sqlite3 .import"])),
            (size, task_count, megabytes, "pandas DataFrame.to_sql of the two tables",
             med(saved["pandas to_sql"]), statistics.median(save_ratios["pandas to_sql"]), "",
             max(r["rss"] for r in saved["pandas to_sql"])),
            (size, task_count, megabytes, "libkik's CSV import into a plan (store_job import)", med(loaded["import"]),
             None, f"{max(r['peak_mb'] for r in loaded['import']):.0f}", max(r["rss"] for r in loaded["import"])),
            (size, task_count, megabytes, "load from the store (store_job load)", med(loaded["load"]),
             statistics.median(load_ratios["load"]), f"{load_peak:.0f} (plan {load_plan:.0f})",
             max(r["rss"] for r in loaded["load"])),
        ]
        sqlite_x = statistics.median(save_ratios["sqlite3 .import"])
        pandas_x = statistics.median(save_ratios["pandas to_sql"])
        load_x = statistics.median(load_ratios["load"])
        checks += [
            (f"save at {size:,}: at least 2x faster than sqlite3 .import (runs paired)", f"{sqlite_x:.2f}x",
             sqlite_x >= 2),
            (f"save at {size:,}: at least 5x faster than pandas to_sql (runs paired)", f"{pandas_x:.2f}x",
             pandas_x >= 5),
            (f"load at {size:,}: at most 3x libkik's CSV import (runs paired)", f"{load_x:.2f}x", load_x <= 3),
            # Both read "at most the plan's own" as what the job adds to the plan: the plan is in
            # memory while it is saved and is what a load makes, so no process can peak below it.
            # The save's peak is measured with the plan already built: what the save adds
            (f"save at {size:,}: peak memory beyond the plan at most the plan's own",
             f"{save_peak:.0f} MB (process {save_peak + save_plan:.0f}) of {save_plan:.0f} MB", save_peak <= save_plan),
            # the load's peak includes the plan it builds: what the load adds is the rest
            (f"load at {size:,}: peak memory beyond the plan at most the plan's own",
             f"{load_peak - load_plan:.0f} MB (peak {load_peak:.0f}) of {load_plan:.0f} MB",
             load_peak - load_plan <= load_plan),
        ]
        notes.append(f"{size:,} measures: {args.runs} paired runs per tool after a warm-up; "
                     f"ratios: sqlite3 {' '.join(f'{r:.2f}' for r in save_ratios['sqlite3 .import'])}, "
                     f"pandas {' '.join(f'{r:.2f}' for r in save_ratios['pandas to_sql'])}, "
                     f"load {' '.join(f'{r:.2f}' for r in load_ratios['load'])}")

    edits = [store_json([job, "edit", str(work / "edit.kik"), "1000"]) for _ in range(3)]
    trends = [store_json([job, "trend", str(work / "trend.kik"), "30", "20"]) for _ in range(3)]
    edit_ms = statistics.median(e["seconds"] for e in edits) * 1000
    trend_ms = statistics.median(t["seconds"] for t in trends) * 1000
    checks += [
        ("one edit with its change-log entry on the bundled plan under 1 ms (median)",
         f"{edit_ms:.3f} ms", edit_ms < 1),
        ("trend over 20 snapshots of the bundled plan under 20 ms (median)", f"{trend_ms:.2f} ms", trend_ms < 20),
    ]
    print("| measures | tasks | MB | job | seconds (median) | ratio (runs paired) "
          "| job's peak MB | process max RSS MB |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|")
    for size, ntasks, mb, name, seconds, ratio, peak, rss in rows:
        print(f"| {size:,} | {ntasks:,} | {mb:.0f} | {name} | {seconds:.3f} | "
              f"{'' if ratio is None else f'{ratio:.2f}x'} | {peak} | {rss:.0f} |")
    edit_runs = " ".join(f"{e['seconds'] * 1000:.3f}" for e in edits)
    trend_runs = " ".join(f"{t['seconds'] * 1000:.2f}" for t in trends)
    print(f"\nEdits: median of each run's 1,000 edits, runs {edit_runs} ms "
          f"(max {max(e['max'] for e in edits) * 1000:.1f} ms). Trend over 20 snapshots: median of each run's 30, "
          f"runs {trend_runs} ms.")
    for note in notes:
        print(note)
    print("\n| target | measured | met |\n|---|---:|---|")
    for what, value, met in checks:
        print(f"| {what} | {value} | {'PASS' if met else 'FAIL'} |")
    return all(met for _, _, met in checks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--sizes", default=None, help="measures (about 5 tasks each); default 1000,100000,1000000, "
                        "with --store 1000000")
    parser.add_argument("--work", default=None, help="where the generated files go (default: a temporary directory)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per tool after the warm-up (median shown)")
    parser.add_argument("--slow", type=float, default=5.0,
                        help="a tool whose warm-up takes longer than this is timed --slow-runs times")
    parser.add_argument("--slow-runs", type=int, default=3, help="timed runs of a slow tool (median shown)")
    parser.add_argument("--idle", type=float, default=3.0,
                        help="seconds the machine idles before each of the floor's last runs")
    parser.add_argument("--shapes", nargs="?", const="10000,20000,40000,80000,160000", default=None,
                        help="only the scaling check of the input shapes of issue 19, at these row counts "
                             "(default 10000,20000,40000,80000,160000)")
    parser.add_argument("--store", action="store_true", help="only the store's jobs of issue 20")
    parser.add_argument("--check", action="store_true", help="with --store: exit non-zero when a target is missed")
    args = parser.parse_args()
    if args.sizes is None:
        args.sizes = "1000000" if args.store else "1000,100000,1000000"
    if args.runs < 1 or args.slow_runs < 1:
        parser.error("--runs and --slow-runs must be at least 1: a ratio needs a timed run")
    build = pathlib.Path(args.build).resolve()
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="kik-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.shapes:
        if not scaling_check(build, work, [int(n) for n in args.shapes.split(",")], min(args.runs, 3)):
            sys.exit("a shape's time per row is not flat")
        return
    if args.store:
        met = store_bench(build, work, [int(n) for n in args.sizes.split(",")], args)
        if not met and args.check:
            sys.exit("a store target is missed")
        return
    node_dir = ensure_duckdb()
    env = dict(os.environ, PYTHONPATH=str(build / "bindings" / "python"))

    tools = {
        "libkik": lambda m, t: ([str(build / "bench" / "kik_job"), m, t], None),
        "python csv": lambda m, t: ([PYTHON, str(HERE / "job_pycsv.py"), m, t], None),
        "pandas": lambda m, t: ([PYTHON, str(HERE / "job_pandas.py"), m, t], None),
        "sqlite3": lambda m, t: (["sqlite3", ":memory:", f".read {work / 'job-sqlite.sql'}"], None),
        "duckdb": lambda m, t: (["node", str(HERE / "job_duckdb.mjs"), m, t, str(HERE / "job.sql")],
                                str(node_dir)),
    }
    rows, floors = [], []
    for size in [int(s) for s in args.sizes.split(",")]:
        folder = work / str(size)
        folder.mkdir(exist_ok=True)
        made = subprocess.run([str(build / "bench" / "gen_plan"), str(size), str(folder)], check=True,
                              capture_output=True, text=True).stdout
        task_count = int(made.split(", ")[1].split()[0])  # "N measures, T tasks"
        measures, tasks = str(folder / "measures.csv"), str(folder / "tasks.csv")
        # every tool starts alike: the files written out and in the page cache
        os.sync()
        for path in (measures, tasks):
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
        (work / "job-sqlite.sql").write_text(sqlite_script(measures, tasks))
        megabytes = (os.path.getsize(measures) + os.path.getsize(tasks)) / 1e6
        commands = {}
        for name, make in tools.items():
            cmd, cwd = make(measures, tasks)
            env_tool = dict(env, NODE_PATH=str(node_dir / "node_modules")) if cwd else env
            if name == "duckdb":
                # an ES module resolves packages from its own folder: run a copy beside node_modules
                shutil.copy(HERE / "job_duckdb.mjs", node_dir / "job_duckdb.mjs")
                cmd[1] = str(node_dir / "job_duckdb.mjs")
            commands[name] = (cmd, env_tool, cwd)
        results = timed_tools(commands, args)
        base = results["libkik"]
        for name, (counts, times, ratios, rss) in results.items():
            seconds = statistics.median(times)
            ratio = statistics.median(ratios) if ratios else 1.0
            rows.append((size, task_count, megabytes, name, seconds, megabytes / seconds, rss, ratio,
                         counts is not None and counts == base[0]))
            print(f"{size:>8} {name:<10} {seconds:8.3f} s (runs: {' '.join(f'{t:.3f}' for t in times)}) "
                  f"{rss:8.1f} MB" + (f"; x libkik by run: {' '.join(f'{r:.2f}' for r in ratios)}, "
                                      f"ratio of the medians {seconds / statistics.median(base[1]):.2f}"
                                      if ratios else ""), file=sys.stderr)
        kik_peak = base[3]
        floors.append(measure_floor(build, measures, tasks, kik_peak, args, size, megabytes))
        # from Python: the same load through the bindings, and to_pandas()
        # pandas is imported before the clock starts, as in a notebook that uses it
        script = ("import sys, time, kik, pandas\n"
                  "t = time.perf_counter(); p = kik.Plan.new(); p.import_file(sys.argv[1], 'measures');"
                  " p.import_file(sys.argv[2], 'tasks'); load = time.perf_counter() - t\n"
                  "t = time.perf_counter(); f = p.to_pandas(); frame = time.perf_counter() - t\n"
                  "print(load, frame, len(f))\n")
        # each Python run between two runs of the C job, as the tools above
        runs, c_times = [], [measured(commands["libkik"][0], env=env)[1]]
        for _ in range(args.runs):
            runs.append(measured([PYTHON, "-c", script, measures, tasks], env=env)[0].split())
            c_times.append(measured(commands["libkik"][0], env=env)[1])
        load = statistics.median(float(r[0]) for r in runs)
        frame = statistics.median(float(r[1]) for r in runs)
        load_ratio = statistics.median(paired_ratio(float(r[0]), c_times[i], c_times[i + 1])
                                       for i, r in enumerate(runs))
        n = runs[0][2]
        print(f"{size:>8} python kik: load {load:.3f} s (C job alongside: {statistics.median(c_times):.3f} s), "
              f"to_pandas {frame:.3f} s", file=sys.stderr)
        rows.append((size, task_count, megabytes, "python kik: load", float(load), megabytes / float(load), None,
                     load_ratio, int(n) == size))
        rows.append((size, task_count, megabytes, "python kik: to_pandas", float(frame), None, None, None,
                     int(n) == size))

    status_times = []
    for _ in range(30):
        _, seconds = run([str(build / "examples" / "kik-status"), "--format", "json"])
        status_times.append(seconds)

    print("| measures | tasks | MB | tool | seconds | MB/s | peak MB | × libkik | counts agree |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---|")
    for size, ntasks, mb, name, seconds, rate, rss, ratio, agrees in rows:
        print(f"| {size:,} | {ntasks:,} | {mb:.0f} | {name} | {seconds:.3f} | "
              f"{'' if rate is None else f'{rate:.0f}'} | {'' if rss is None else f'{rss:.0f}'} | "
              f"{'' if ratio is None else f'{ratio:.2f}'} | {'yes' if agrees else 'NO'} |")
    print(f"\nkik-status on the bundled plan (process start included), median of 30 runs: "
          f"{statistics.median(status_times) * 1000:.1f} ms")
    for line in floors:
        print(line)
    print_targets(rows, statistics.median(status_times))
    if not all(row[-1] for row in rows):
        sys.exit("the tools disagree on the counts")


if __name__ == "__main__":
    main()

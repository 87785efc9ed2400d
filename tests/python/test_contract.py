"""The Python API as the issue spells it out, on the bundled plan and on files."""
import kik


def test_default_plan_summary():
    plan = kik.Plan.default()
    s = plan.summary()
    assert (s.waiting, s.in_progress, s.implemented, s.total) == (38, 61, 45, 144)
    assert s.percent == (27, 42, 31)
    assert s.percent.implemented == 31 and s.percent[kik.Status.IMPLEMENTED] == 31
    assert s.goals == 43
    assert abs(sum(s.share) - 1.0) < 1e-9
    assert "144 measures" in str(s)


def test_fields_goals_measures():
    plan = kik.Plan.default()
    assert [f.code for f in plan.fields] == ["SB", "AA", "GP", "BE", "GT", "IO"]
    sb = plan.fields[0]
    assert sb.name == "Sprache und Bildung" and sb.aliases == ["Bildung und Sprache"]
    assert sb.summary().total == 30 and len(sb) == 30
    assert [g.number for g in sb.goals] == list(range(1, 9))
    goal = sb.goals[3]
    assert [m.id for m in goal.measures] == [f"SB-4.{i}" for i in range(1, 7)]
    assert goal.group.name == "Vernetzung"
    assert [g.name for g in sb.groups] == ["Informelle Bildung", "Vernetzung", "Institutionelle Bildung"]
    assert plan.field("Bildung und Sprache") == sb


def test_measure():
    plan = kik.Plan.default()
    m = plan.measure("SB-4.6")
    assert m.status is kik.Status.WAITING
    assert str(m.status) == "waiting" and m.status.label_de == "wartend"
    assert m.text == "Unterstützungsangebote werden proaktiv bei der Zielgruppe beworben."
    assert m.tasks == []
    assert [r.code for r in m.explain()] == ["no_tasks"]
    assert m.field.code == "SB" and m.goal.number == 4 and m.number == "4.6"
    assert plan["SB-4.6"] == m and "SB-4.6" in plan and "SB-9.9" not in plan
    assert len(plan) == 144 and len(list(plan)) == 144


def test_check_lists_the_two_fields_the_report_disagrees_on():
    findings = kik.Plan.default().check()
    assert {(f.field, str(f.status), f.published, f.computed) for f in findings} == {
        ("SB", "waiting", 12, 10), ("SB", "in_progress", 11, 13),
        ("BE", "waiting", 3, 4), ("BE", "in_progress", 6, 5)}
    assert all(f.kind == "published_count" for f in findings)


def test_records():
    records = kik.Plan.default().to_records()
    assert len(records) == 144
    assert records[0]["id"] == "SB-1.1" and records[0]["status"] == "waiting"
    assert set(records[0]) == {"id", "field", "field_name", "group", "goal", "goal_text", "measure", "measure_no",
                               "text", "status", "recorded_status", "tasks"}


def test_from_csv_with_tasks_and_published(files):
    measures = files("m.csv", "field;goal;measure;text;status\nSB;1;1.1;Eins;waiting\nSB;1;1.2;Zwei;implemented\n")
    tasks = files("t.csv", "measure;kind;title;state\nSB-1.1;Einzelauftrag;A;erledigt\n"
                           "SB-1.1;AG-Auftrag;Fachtag durchführen;offen\n")
    published = files("p.csv", "field;waiting;in_progress;implemented\nSB;1;0;1\n")
    plan = kik.Plan.from_csv(measures, tasks=tasks, published=published)
    m = plan.measure("SB-1.1")
    assert m.status is kik.Status.IN_PROGRESS and m.recorded_status is kik.Status.WAITING
    assert [t.title for t in m.tasks] == ["A", "Fachtag durchführen"]
    assert m.tasks[1].kind is kik.TaskKind.AG and m.tasks[1].state is kik.TaskState.OPEN
    reasons = m.explain()
    assert "AG task 'Fachtag durchführen' is open." in [r.message_en for r in reasons]
    assert [r.code for r in reasons][-1] == "status_disagrees"
    kinds = sorted(str(f.kind) for f in plan.check())
    assert kinds == ["published_count", "published_count", "status_disagrees"]
    plan.rule = "missing_kind_satisfied"
    assert plan.rule is kik.Rule.MISSING_KIND_SATISFIED


def test_tasks_through_the_api():
    plan = kik.Plan.default()
    t = plan.add_task("AA-1.1", kik.TaskKind.CONCEPT, "Beratung", "done", due="2024-01-31", owner="Amt")
    assert plan.measure("AA-1.1").status is kik.Status.IN_PROGRESS
    plan.add_task("AA-1.1", "ag", "AG", "not_applicable")
    plan.add_task("AA-1.1", "work_package", "Paket", kik.TaskState.DONE)
    assert plan.measure("AA-1.1").status is kik.Status.IMPLEMENTED
    t.update(state="open")
    assert t.state is kik.TaskState.OPEN and t.due == "2024-01-31" and t.owner == "Amt"
    plan.remove_task(t)
    assert len(plan.measure("AA-1.1").tasks) == 2


def test_export_round_trip(tmp_path):
    plan = kik.Plan.default()
    text = plan.export()
    assert text.startswith(b"field;field_name;group;goal")
    copy = kik.Plan.new()
    copy.import_bytes(text, kind="measures")
    assert copy.to_records() == plan.to_records()
    plan.export(tmp_path / "m.csv", encoding="windows-1252", delimiter=",")
    again = kik.Plan.from_csv(tmp_path / "m.csv")
    assert again.to_records() == plan.to_records()


def test_matrix_and_validation(fixtures, data, files):
    plan = kik.Plan.from_csv(fixtures / "seed-001-status-table.txt", fields=data / "kik-fields.csv")
    assert plan.to_records() == [dict(r) for r in kik.Plan.default().to_records()]
    bad = files("bad.csv", "field;goal;measure;text;status\nSB;1;1.1;a;fertig\nSB;2;3.1;b;waiting\n")
    problems = kik.Plan.new().validate(bad)
    assert [(p.line, p.column) for p in problems] == [(2, 12), (3, 6)]
    assert str(problems[0]).startswith(f"{bad}:2:12: 'fertig'")


def test_reprs():
    plan = kik.Plan.default()
    m = plan.measure("SB-4.6")
    t = plan.add_task("SB-4.6", "ag", "Fachtag")
    for obj in (plan, plan.fields[0], plan.fields[0].goals[0], plan.fields[0].groups[0], m, t):
        assert repr(obj).startswith("<kik.")
    assert "SB-4.6" in repr(m) and "144 measures" in repr(plan)


def test_version_and_docstrings():
    assert kik.version().count(".") == 2
    assert kik.Plan.default.__doc__ and kik.Measure.explain.__doc__
    assert "document order" in kik.core.kik_plan_measure.__doc__  # from the C header
    assert "KIK_ENOTFOUND" in kik.core.kik_plan_remove_task.__doc__

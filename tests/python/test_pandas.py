"""to_pandas on the bundled plan."""
import kik


def test_to_pandas_has_one_row_per_measure():
    plan = kik.Plan.default()
    frame = plan.to_pandas()
    assert frame.shape == (144, 12)
    assert list(frame["id"][:2]) == ["SB-1.1", "SB-1.2"]
    assert list(frame["status"].cat.categories) == ["waiting", "in_progress", "implemented"]
    counts = frame.groupby("field", sort=False)["status"].value_counts().unstack()
    for field in plan.fields:
        s = field.summary()
        assert counts.loc[field.code].tolist() == [s.waiting, s.in_progress, s.implemented]
    assert frame["goal"].dtype.kind == "i"


def test_to_pandas_merges_equal_names_into_one_category():
    # two fields with a group of the same name, and two goals with the same text:
    # pandas wants unique categories, and each row keeps its own name
    plan = kik.Plan.new()
    plan.import_bytes("field;group;goal;goal_text;measure;text;status\n"
                      "SB;Vernetzung;1;Gemeinsam;1.1;Erste;wartend\n"
                      "SB;Vernetzung;2;Gemeinsam;2.1;Zweite;implementiert\n"
                      "GE;Vernetzung;1;Anders;1.1;Dritte;in Bearbeitung\n", "measures")
    frame = plan.to_pandas()
    assert list(frame["group"]) == ["Vernetzung"] * 3
    assert list(frame["group"].cat.categories) == ["Vernetzung"]
    assert list(frame["goal_text"]) == ["Gemeinsam", "Gemeinsam", "Anders"]
    assert list(frame["goal_text"].cat.categories) == ["Gemeinsam", "Anders"]  # in plan order
    assert list(frame["field"]) == ["SB", "SB", "GE"]
    assert list(frame["measure"]) == ["1.1", "2.1", "1.1"]

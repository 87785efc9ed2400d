"""to_pandas on the bundled plan."""
import kik


def test_to_pandas_has_one_row_per_measure():
    plan = kik.Plan.default()
    frame = plan.to_pandas()
    assert frame.shape == (144, 11)
    assert list(frame["id"][:2]) == ["SB-1.1", "SB-1.2"]
    assert list(frame["status"].cat.categories) == ["waiting", "in_progress", "implemented"]
    counts = frame.groupby("field", sort=False)["status"].value_counts().unstack()
    for field in plan.fields:
        s = field.summary()
        assert counts.loc[field.code].tolist() == [s.waiting, s.in_progress, s.implemented]
    assert frame["goal"].dtype.kind == "i"

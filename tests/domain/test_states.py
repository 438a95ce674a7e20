from datetime import datetime

import pytest

from onestop_desktop.domain.states import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    DossierStatus,
    Timeliness,
    TransitionError,
    action_label_vi,
    allowed_actions,
    classify_result,
    is_overdue,
    label_vi,
    next_status,
    timeliness_label_vi,
)

S, A = DossierStatus, Action

EXPECTED = {
    (S.REGISTERED_ONLINE, A.ACCEPT): S.ACCEPTED,
    (S.REGISTERED_ONLINE, A.REFUSE): S.REFUSED,
    (S.ACCEPTED, A.TRANSFER): S.PROCESSING,
    (S.PROCESSING, A.TRANSFER): S.PROCESSING,
    (S.ACCEPTED, A.REQUEST_SUPPLEMENT): S.WAITING_SUPPLEMENT,
    (S.PROCESSING, A.REQUEST_SUPPLEMENT): S.WAITING_SUPPLEMENT,
    (S.WAITING_SUPPLEMENT, A.RECEIVE_SUPPLEMENT): S.PROCESSING,
    (S.PROCESSING, A.REQUEST_FINANCIAL): S.WAITING_FINANCIAL,
    (S.WAITING_FINANCIAL, A.RECEIVE_FINANCIAL): S.PROCESSING,
    (S.ACCEPTED, A.RESOLVE): S.RESOLVED,
    (S.PROCESSING, A.RESOLVE): S.RESOLVED,
    (S.RESOLVED, A.RETURN_RESULT): S.RETURNED,
    **{
        (s, A.WITHDRAW): S.WITHDRAWN
        for s in (S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL)
    },
    **{(s, A.STOP): S.STOPPED for s in (S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL)},
    **{(s, A.APOLOGY): s for s in (S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL)},
}
ALL_PAIRS = [(s, a) for s in DossierStatus for a in Action]
FORBIDDEN = [p for p in ALL_PAIRS if p not in EXPECTED]


def test_codes() -> None:
    assert [int(s) for s in DossierStatus] == list(range(1, 11))
    assert S.RETURNED == 10 and S.WAITING_SUPPLEMENT == 5


def test_table_is_exactly_expected() -> None:
    assert dict(TRANSITIONS) == EXPECTED


@pytest.mark.parametrize(("pair", "target"), list(EXPECTED.items()), ids=lambda v: str(v))
def test_allowed(pair: tuple[DossierStatus, Action], target: DossierStatus) -> None:
    status, action = pair
    assert next_status(status, action) is target
    assert action in allowed_actions(status)


@pytest.mark.parametrize(("status", "action"), FORBIDDEN, ids=lambda v: str(v))
def test_forbidden(status: DossierStatus, action: Action) -> None:
    with pytest.raises(TransitionError) as info:
        next_status(status, action)
    assert str(info.value).startswith("Không thể ")
    assert info.value.status is status and info.value.action is action
    assert action not in allowed_actions(status)


def test_message_example() -> None:
    with pytest.raises(TransitionError, match="^Không thể trả kết quả cho hồ sơ đang chờ bổ sung.$"):
        next_status(S.WAITING_SUPPLEMENT, A.RETURN_RESULT)


def test_accepts_plain_values() -> None:
    assert next_status(1, "accept") is S.ACCEPTED  # type: ignore[arg-type]


def test_open_closed_partition() -> None:
    assert OPEN_STATUSES | CLOSED_STATUSES == set(DossierStatus)
    assert not OPEN_STATUSES & CLOSED_STATUSES
    for s in CLOSED_STATUSES - {S.RESOLVED}:
        assert allowed_actions(s) == []
    for s in OPEN_STATUSES:
        assert allowed_actions(s)


def test_labels() -> None:
    assert all(label_vi(s) for s in DossierStatus)
    assert all(action_label_vi(a) for a in Action)
    assert label_vi(S.WAITING_SUPPLEMENT) == "Chờ bổ sung hồ sơ"
    assert timeliness_label_vi(Timeliness.LATE) == "Quá hạn"


@pytest.mark.parametrize(
    ("result", "due", "expected"),
    [
        ("2018-10-23 16:00", "2018-10-24 10:00", Timeliness.EARLY),
        ("2018-10-24 16:59", "2018-10-24 10:00", Timeliness.ON_TIME),
        ("2018-10-24 08:00", "2018-10-24 10:00", Timeliness.ON_TIME),
        ("2018-10-25 07:00", "2018-10-24 17:00", Timeliness.LATE),
    ],
)
def test_classify_result(result: str, due: str, expected: Timeliness) -> None:
    assert classify_result(datetime.fromisoformat(result), datetime.fromisoformat(due)) is expected


@pytest.mark.parametrize(
    ("due", "at", "expected"),
    [
        ("2018-10-24 10:00", "2018-10-24 16:00", False),
        ("2018-10-24 10:00", "2018-10-25 07:00", True),
        ("2018-10-24 10:00", "2018-10-23 07:00", False),
    ],
)
def test_is_overdue(due: str, at: str, expected: bool) -> None:
    assert is_overdue(datetime.fromisoformat(due), datetime.fromisoformat(at)) is expected

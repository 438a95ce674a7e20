"""Dossier life cycle: national status codes, allowed actions, and timeliness of results."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import IntEnum, StrEnum
from types import MappingProxyType

from onestop_desktop.domain.messages import Msg, define, msg

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "RUNNING_STATUSES",
    "TRANSITIONS",
    "Action",
    "DossierStatus",
    "Timeliness",
    "TransitionError",
    "action_label_vi",
    "allowed_actions",
    "classify_result",
    "is_overdue",
    "label_vi",
    "next_status",
    "status_msg",
    "timeliness_label_vi",
    "timeliness_msg",
]


class DossierStatus(IntEnum):
    """Status codes of the national synchronisation (DOMAIN.md, "Dossier life")."""

    REGISTERED_ONLINE = 1
    ACCEPTED = 2
    REFUSED = 3
    PROCESSING = 4
    WAITING_SUPPLEMENT = 5
    WAITING_FINANCIAL = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESOLVED = 9
    RETURNED = 10


_STATUS_LABELS = {
    DossierStatus.REGISTERED_ONLINE: "Đăng ký trực tuyến, chưa tiếp nhận",
    DossierStatus.ACCEPTED: "Đã tiếp nhận",
    DossierStatus.REFUSED: "Từ chối tiếp nhận",
    DossierStatus.PROCESSING: "Đang giải quyết",
    DossierStatus.WAITING_SUPPLEMENT: "Chờ bổ sung hồ sơ",
    DossierStatus.WAITING_FINANCIAL: "Chờ thực hiện nghĩa vụ tài chính",
    DossierStatus.WITHDRAWN: "Rút hồ sơ theo yêu cầu",
    DossierStatus.STOPPED: "Dừng giải quyết",
    DossierStatus.RESOLVED: "Đã giải quyết xong",
    DossierStatus.RETURNED: "Đã trả kết quả",
}

# Lower-case phrase used inside sentences ("hồ sơ đang chờ bổ sung").
_STATUS_PHRASES = {
    DossierStatus.REGISTERED_ONLINE: "mới đăng ký trực tuyến, chưa tiếp nhận",
    DossierStatus.ACCEPTED: "đã tiếp nhận",
    DossierStatus.REFUSED: "đã bị từ chối tiếp nhận",
    DossierStatus.PROCESSING: "đang giải quyết",
    DossierStatus.WAITING_SUPPLEMENT: "đang chờ bổ sung",
    DossierStatus.WAITING_FINANCIAL: "đang chờ thực hiện nghĩa vụ tài chính",
    DossierStatus.WITHDRAWN: "đã rút",
    DossierStatus.STOPPED: "đã dừng giải quyết",
    DossierStatus.RESOLVED: "đã giải quyết xong",
    DossierStatus.RETURNED: "đã trả kết quả",
}


_STATUS_ENGLISH = {
    DossierStatus.REGISTERED_ONLINE: "Registered online, not yet accepted",
    DossierStatus.ACCEPTED: "Accepted",
    DossierStatus.REFUSED: "Refused",
    DossierStatus.PROCESSING: "Being processed",
    DossierStatus.WAITING_SUPPLEMENT: "Waiting for a supplement",
    DossierStatus.WAITING_FINANCIAL: "Waiting for fees and taxes",
    DossierStatus.WITHDRAWN: "Withdrawn at the applicant's request",
    DossierStatus.STOPPED: "Processing stopped",
    DossierStatus.RESOLVED: "Resolved",
    DossierStatus.RETURNED: "Result returned",
}
_STATUS_PHRASES_EN = {
    DossierStatus.REGISTERED_ONLINE: "registered online and not yet accepted",
    DossierStatus.ACCEPTED: "accepted",
    DossierStatus.REFUSED: "refused",
    DossierStatus.PROCESSING: "being processed",
    DossierStatus.WAITING_SUPPLEMENT: "waiting for documents",
    DossierStatus.WAITING_FINANCIAL: "waiting for fees and taxes",
    DossierStatus.WITHDRAWN: "withdrawn",
    DossierStatus.STOPPED: "stopped",
    DossierStatus.RESOLVED: "resolved",
    DossierStatus.RETURNED: "returned",
}
for _st in DossierStatus:
    define(f"status.{int(_st)}", _STATUS_LABELS[_st], _STATUS_ENGLISH[_st])
    define(f"status-phrase.{int(_st)}", _STATUS_PHRASES[_st], _STATUS_PHRASES_EN[_st])


def label_vi(status: DossierStatus) -> str:
    return _STATUS_LABELS[DossierStatus(status)]


def status_msg(status: DossierStatus) -> Msg:
    """The status label as a message (the interface shows it in its language)."""
    return msg(f"status.{int(DossierStatus(status))}")


class Action(StrEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    TRANSFER = "transfer"
    REQUEST_SUPPLEMENT = "request-supplement"
    RECEIVE_SUPPLEMENT = "receive-supplement"
    REQUEST_FINANCIAL = "request-financial"
    RECEIVE_FINANCIAL = "receive-financial"
    RESOLVE = "resolve"
    RETURN_RESULT = "return-result"
    WITHDRAW = "withdraw"
    STOP = "stop"
    APOLOGY = "apology"  # apology letter + new appointment: the status stays


_ACTION_VERBS = {
    Action.ACCEPT: "tiếp nhận",
    Action.REFUSE: "từ chối tiếp nhận",
    Action.TRANSFER: "chuyển xử lý",
    Action.REQUEST_SUPPLEMENT: "yêu cầu bổ sung",
    Action.RECEIVE_SUPPLEMENT: "nhận bổ sung",
    Action.REQUEST_FINANCIAL: "yêu cầu thực hiện nghĩa vụ tài chính",
    Action.RECEIVE_FINANCIAL: "xác nhận đã thực hiện nghĩa vụ tài chính",
    Action.RESOLVE: "ghi nhận giải quyết xong",
    Action.RETURN_RESULT: "trả kết quả",
    Action.WITHDRAW: "rút hồ sơ",
    Action.STOP: "dừng giải quyết",
    Action.APOLOGY: "gửi phiếu xin lỗi và hẹn lại",
}


_ACTION_VERBS_EN = {
    Action.ACCEPT: "accept",
    Action.REFUSE: "refuse",
    Action.TRANSFER: "hand over",
    Action.REQUEST_SUPPLEMENT: "ask for documents",
    Action.RECEIVE_SUPPLEMENT: "receive documents",
    Action.REQUEST_FINANCIAL: "ask for fees and taxes",
    Action.RECEIVE_FINANCIAL: "confirm fees and taxes paid",
    Action.RESOLVE: "record as resolved",
    Action.RETURN_RESULT: "return the result",
    Action.WITHDRAW: "withdraw",
    Action.STOP: "stop processing",
    Action.APOLOGY: "send an apology and a new appointment",
}
for _a in Action:
    define(f"action.{_a.value}", _ACTION_VERBS[_a], _ACTION_VERBS_EN[_a])
define("states.not-allowed", "Không thể {verb} cho hồ sơ {status}.", "Cannot {verb} a dossier {status}.")


def action_label_vi(action: Action) -> str:
    """Verb phrase for buttons and messages, e.g. "trả kết quả"."""
    return _ACTION_VERBS[Action(action)]


S, A = DossierStatus, Action
_ACTIVE = (S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL)

_table: dict[tuple[DossierStatus, Action], DossierStatus] = {
    (S.REGISTERED_ONLINE, A.ACCEPT): S.ACCEPTED,
    (S.REGISTERED_ONLINE, A.REFUSE): S.REFUSED,
    (S.ACCEPTED, A.TRANSFER): S.PROCESSING,
    (S.PROCESSING, A.TRANSFER): S.PROCESSING,  # hand-over to another officer
    (S.ACCEPTED, A.REQUEST_SUPPLEMENT): S.WAITING_SUPPLEMENT,
    (S.PROCESSING, A.REQUEST_SUPPLEMENT): S.WAITING_SUPPLEMENT,
    (S.WAITING_SUPPLEMENT, A.RECEIVE_SUPPLEMENT): S.PROCESSING,
    (S.PROCESSING, A.REQUEST_FINANCIAL): S.WAITING_FINANCIAL,
    (S.WAITING_FINANCIAL, A.RECEIVE_FINANCIAL): S.PROCESSING,
    (S.ACCEPTED, A.RESOLVE): S.RESOLVED,
    (S.PROCESSING, A.RESOLVE): S.RESOLVED,
    (S.RESOLVED, A.RETURN_RESULT): S.RETURNED,
}
for _s in _ACTIVE:
    _table[(_s, A.WITHDRAW)] = S.WITHDRAWN
    _table[(_s, A.STOP)] = S.STOPPED
    _table[(_s, A.APOLOGY)] = _s

TRANSITIONS: Mapping[tuple[DossierStatus, Action], DossierStatus] = MappingProxyType(_table)

OPEN_STATUSES: frozenset[DossierStatus] = frozenset(
    {S.REGISTERED_ONLINE, S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL}
)
# Open and running: the clock ticks. Waiting for a supplement pauses it (DOMAIN.md), so such a dossier
# is neither due nor overdue until the applicant brings what is missing.
RUNNING_STATUSES: frozenset[DossierStatus] = frozenset(
    {S.REGISTERED_ONLINE, S.ACCEPTED, S.PROCESSING, S.WAITING_FINANCIAL}
)
CLOSED_STATUSES: frozenset[DossierStatus] = frozenset(
    {S.REFUSED, S.WITHDRAWN, S.STOPPED, S.RESOLVED, S.RETURNED}
)


class TransitionError(Exception):
    """An action not allowed in the dossier's status; the message is for the clerk."""

    def __init__(self, status: DossierStatus, action: Action) -> None:
        self.status = DossierStatus(status)
        self.action = Action(action)
        self.msg = msg(
            "states.not-allowed",
            verb=msg(f"action.{self.action.value}"),
            status=msg(f"status-phrase.{int(self.status)}"),
        )
        super().__init__(str(self.msg))


def next_status(status: DossierStatus, action: Action) -> DossierStatus:
    """Status after `action`; raises TransitionError if the action is not allowed."""
    try:
        return TRANSITIONS[(DossierStatus(status), Action(action))]
    except KeyError:
        raise TransitionError(status, action) from None


def allowed_actions(status: DossierStatus) -> list[Action]:
    """Actions allowed in `status`, in the order of the Action enum."""
    return [a for a in Action if (DossierStatus(status), a) in TRANSITIONS]


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on-time"
    LATE = "late"


_TIMELINESS_LABELS = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
}


_TIMELINESS_ENGLISH = {Timeliness.EARLY: "Early", Timeliness.ON_TIME: "On time", Timeliness.LATE: "Late"}
for _t in Timeliness:
    define(f"timeliness.{_t.value}", _TIMELINESS_LABELS[_t], _TIMELINESS_ENGLISH[_t])


def timeliness_label_vi(t: Timeliness) -> str:
    return _TIMELINESS_LABELS[Timeliness(t)]


def timeliness_msg(t: Timeliness) -> Msg:
    return msg(f"timeliness.{Timeliness(t).value}")


def classify_result(result_at: datetime, due: datetime) -> Timeliness:
    """Compare by calendar date: an earlier day is early, the same day on time, a later day late."""
    if result_at.date() < due.date():
        return Timeliness.EARLY
    if result_at.date() == due.date():
        return Timeliness.ON_TIME
    return Timeliness.LATE


def is_overdue(due: datetime, at: datetime) -> bool:
    """True when `at` falls on a later calendar day than the appointment.

    Matches `classify_result`: a result on the appointment day, at any hour, is on time.
    """
    return at.date() > due.date()

"""Why a tracking action is refused, as message ids (Vietnamese and English)."""

from __future__ import annotations

from onestop_desktop.domain.messages import Msg, define, msg

define("tracking.not-found", "Không tìm thấy hồ sơ số {id}.", "Dossier number {id} not found.")
define("tracking.refused", "Hồ sơ {code}: {reason}", "Dossier {code}: {reason}")
define(
    "tracking.before-receipt",
    "Thời điểm thao tác không được trước thời điểm nhận hồ sơ.",
    "An action cannot be dated before the dossier was received.",
)
define("tracking.choose-receiver", "Chọn người nhận hồ sơ.", "Choose who receives the dossier.")
define("tracking.same-holder", "Hồ sơ đang do chính người này giữ.", "This person already holds the dossier.")
define("tracking.missing-papers", "Ghi rõ giấy tờ cần bổ sung.", "Write down the missing documents.")
define("tracking.late-reason", "Ghi lý do chậm trả kết quả.", "Give the reason for the delay.")
define(
    "tracking.new-due-too-early",
    "Ngày hẹn mới phải sau ngày hẹn hiện tại ({due}).",
    "The new appointment must be after the current one ({due}).",
)
define("tracking.reason", "Ghi lý do.", "Give the reason.")
define(
    "tracking.needs-more",
    "Thao tác {action} cần thêm thông tin.",
    "The action {action} needs more information.",
)
define(
    "tracking.nothing-to-undo",
    "Hồ sơ không có thao tác nào có thể hoàn tác.",
    "This dossier has no action that can be undone.",
)
define(
    "tracking.undo-not-author",
    "Chỉ người đã thực hiện thao tác mới được hoàn tác.",
    "Only the person who did the action may undo it.",
)
define(
    "tracking.undo-not-today",
    "Chỉ hoàn tác được thao tác thực hiện trong ngày.",
    "Only an action done today can be undone.",
)
define("tracking.bad-quick-filter", "Bộ lọc nhanh không hợp lệ: {quick}.", "Unknown quick filter: {quick}.")
define("tracking.bad-sort", "Không sắp xếp được theo cột {column}.", "Cannot sort by the column {column}.")
define("tracking.filter-name", "Chưa đặt tên cho bộ lọc.", "Give the filter a name.")
define("tracking.filter-not-found", "Không tìm thấy bộ lọc đã lưu.", "Saved filter not found.")


def not_found(dossier_id: int) -> Msg:
    """ "Không tìm thấy hồ sơ số 12." (the id as written, not grouped)."""
    return msg("tracking.not-found", id=str(dossier_id))

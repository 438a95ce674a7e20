"""What the rating service says (refusals and the audit's wording), in Vietnamese and English."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

define("rating.what", "ghi nhận đánh giá của người dân", "record the citizen's rating")
define("rating.what-view", "xem đánh giá của người dân", "view the citizen's rating")
define("rating.not-found", "Không tìm thấy hồ sơ {code}.", "Dossier {code} not found.")
define(
    "rating.not-returned",
    "Hồ sơ {code} chưa trả kết quả ({status}): chỉ ghi nhận đánh giá khi đã trả kết quả cho người dân.",
    "Dossier {code} has not been returned ({status}): a rating is recorded only once the result has "
    "been returned to the citizen.",
)
define(
    "rating.bad-level",
    "Mức đánh giá không hợp lệ: chọn Hài lòng, Bình thường hoặc Không hài lòng.",
    "Not a rating level: choose Satisfied, Neutral or Not satisfied.",
)
define(
    "rating.bad-source",
    "Nguồn đánh giá không hợp lệ: {source}.",
    "Not a source of ratings: {source}.",
)
define(
    "rating.reason-too-long",
    "Lý do quá dài (tối đa {n} ký tự).",
    "The reason is too long (at most {n} characters).",
)
define(
    "rating.before-return",
    "Thời điểm đánh giá không được trước khi trả kết quả ({at}).",
    "A rating cannot be dated before the result was returned ({at}).",
)
define("rating.replaced", "Thay đánh giá trước ({before}).", "Replaces the earlier rating ({before}).")

"""The sentences of the digitisation and satisfaction sections (vi/en), and the rules they cite.

What the texts say and what they do not (docs/LEGAL.md, "Digitised dossiers and ratings"):
- Quyết định 766/QĐ-TTg (23/6/2022) scores each office out of 100 points in five groups, among them
  "Số hóa hồ sơ" (22 points) and "Mức độ hài lòng" (18 points); the national system scoring it runs from
  1/8/2022 (Điều 1 and Điều 2 as summarised by the provinces' home affairs departments: secondary sources).
  Its annex names the digitisation indicators ("Tỷ lệ cấp kết quả điện tử", "Tỷ lệ số hóa hồ sơ, kết quả
  giải quyết TTHC", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa") and the satisfaction one
  ("Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", up to 6 of the 18 points, scored against the targets
  of Nghị quyết 76/NQ-CP), but the text of the annex with each indicator's numerator, denominator and
  points could not be read here. The program therefore counts dossiers and ratings and prints the plain
  shares with their formulas; it computes no points, and every page that shows the figures says so.
- Nghị định 107/2021/NĐ-CP (amending Nghị định 61/2018) brought the digitisation of received dossiers and
  of results at the one-stop counter, kept by Nghị định 118/2025/NĐ-CP (Điều 17: paper documents received
  are converted into electronic form, secondary sources). The program's "digitised dossier" is the
  dossier whose every checklist line has a live scan (`dossiers.digitized_at`, set by
  services/attachments), our reading of "số hóa thành phần hồ sơ".
"""

from __future__ import annotations

from datetime import date

from onestop_desktop.domain.legal import LegalText
from onestop_desktop.domain.messages import define

QD_766_2022 = LegalText(
    "Quyết định 766/QĐ-TTg",
    "phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong "
    "thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử",
    date(2022, 6, 23),  # in force on signature (secondary sources)
)
define(
    "report.step.digital", "Đang đếm hồ sơ số hóa và đánh giá…", "Counting digitised dossiers and ratings…"
)

define(
    "digital.title",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Digitised dossiers and results",
)
define(
    "digital.summary",
    "Tiếp nhận mới {received} hồ sơ, trong đó {digitized} hồ sơ đã số hóa đủ mọi thành phần hồ sơ "
    "({rate}); {electronic} hồ sơ được cấp kết quả điện tử trong {resolved} hồ sơ giải quyết trong kỳ.",
    "{received} new dossiers received, {digitized} of them with every document digitised ({rate}); "
    "{electronic} results issued electronically out of {resolved} dossiers resolved in the period.",
)
define(
    "digital.formula",
    "Cách tính: tỷ lệ số hóa = hồ sơ có bản số hóa của mọi thành phần (số hóa đến hết kỳ) / hồ sơ mới "
    "tiếp nhận trong kỳ = {digitized} / {received} = {rate}; kết quả điện tử: hồ sơ giải quyết trong kỳ có "
    "kết quả cấp bản điện tử = {electronic} / {resolved} = {share}.",
    "Formula: digitisation rate = dossiers with a scan of every document (digitised by the period end) / "
    "new dossiers received in the period = {digitized} / {received} = {rate}; electronic results: dossiers "
    "resolved in the period whose result was issued electronically = {electronic} / {resolved} = {share}.",
)
define(
    "digital.law-note",
    "Quyết định 766/QĐ-TTg chấm điểm nhóm chỉ số «Số hóa hồ sơ» (tối đa 22/100 điểm); phụ lục quy định "
    "cách tính từng chỉ số chưa tra cứu được, nên đây là số đếm của phần mềm, không phải điểm theo "
    "Quyết định 766.",
    "Decision 766/QD-TTg scores the “digitised dossiers” group (up to 22 of 100 points); the annex that "
    "defines each indicator's formula could not be read, so these are the program's counts, not the "
    "decision's points.",
)
define(
    "digital.no-data",
    "Không có số liệu số hóa cho kỳ này: đơn vị chưa ghi nhận bản số hóa nào trước ngày {end}.",
    "No digitisation figures for this period: the office recorded no scan before {end}.",
)
define(
    "digital.before-rules",
    "Kỳ này trước Nghị định 107/2021/NĐ-CP và Quyết định 766/QĐ-TTg (23/6/2022): chưa có quy định "
    "số hóa hồ sơ tại bộ phận một cửa và chỉ số đánh giá.",
    "This period precedes Decree 107/2021/ND-CP and Decision 766/QD-TTg (23/6/2022): digitising "
    "dossiers at the counter and its indicators were not yet required.",
)
define(
    "digital.since",
    "Đơn vị ghi nhận bản số hóa đầu tiên ngày {since}.",
    "The office recorded its first scan on {since}.",
)
define("ratings.title", "Đánh giá mức độ hài lòng của người dân", "Citizens' satisfaction")
define(
    "ratings.summary",
    "Thu được {count} đánh giá khi trả kết quả: hài lòng {satisfied}, bình thường {neutral}, không hài "
    "lòng {unsatisfied}; tỷ lệ hài lòng {rate}.",
    "{count} ratings collected when results were returned: satisfied {satisfied}, neutral {neutral}, not "
    "satisfied {unsatisfied}; satisfaction rate {rate}.",
)
define(
    "ratings.formula",
    "Cách tính: tỷ lệ hài lòng = đánh giá «Hài lòng» / số đánh giá thu được trong kỳ = {satisfied} / "
    "{count} = {rate} (mức «Bình thường» không tính là hài lòng).",
    "Formula: satisfaction rate = “satisfied” ratings / ratings collected in the period = {satisfied} / "
    "{count} = {rate} (“neutral” does not count as satisfied).",
)
define(
    "ratings.law-note",
    "Quyết định 766/QĐ-TTg chấm điểm nhóm «Mức độ hài lòng» (tối đa 18/100 điểm) trên dữ liệu đánh giá "
    "của hệ thống quốc gia; cách tính điểm chưa tra cứu được, nên chương trình không tính điểm.",
    "Decision 766/QD-TTg scores the “satisfaction” group (up to 18 of 100 points) on the national "
    "system's ratings; its scoring could not be read, so the program computes no points.",
)
define(
    "ratings.no-data",
    "Không có số liệu đánh giá cho kỳ này: đơn vị chưa ghi nhận đánh giá nào trước ngày {end}.",
    "No ratings for this period: the office recorded no rating before {end}.",
)
define(
    "ratings.none",
    "Không có đánh giá nào trong kỳ.",
    "No rating was given in the period.",
)
define(
    "ratings.worst",
    "Thủ tục có tỷ lệ hài lòng thấp nhất (từ {min} đánh giá trở lên):",
    "Procedures with the lowest satisfaction rate (at least {min} ratings):",
)
define(
    "ratings.no-worst",
    "Không có thủ tục nào có từ {min} đánh giá trở lên mà chưa hài lòng.",
    "No procedure with at least {min} ratings has any rating below “satisfied”.",
)

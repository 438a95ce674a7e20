"""The printed forms (reportlab, DejaVu fonts embedded), each on the template in force on its act's day.

The numbers and titles come from `domain.legal.form_template`. Acts up to 14/9/2025 print the layouts of
Thông tư 01/2018/TT-VPCP (`forms_intake`, `forms_tracking`); acts from 15/9/2025 those of Thông tư
03/2025/TT-VPCP (`forms_2025_intake`, `forms_2025_tracking`), chosen inside each function:

- ``render_receipt``       Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5, 2 pages: two copies)
- ``render_supplement``    Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5)
- ``render_refusal``       Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5)
- ``render_apology``       Mẫu 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả (2025: Văn bản xin lỗi và đề
  nghị gia hạn thời gian giải quyết) (A5)
- ``render_stop_notice``   Mẫu 05 of 2025 only: Thông báo dừng giải quyết hồ sơ (A5)
- ``render_control_slip``  Mẫu 05 (2025: 06) Phiếu kiểm soát quá trình giải quyết hồ sơ (A5)
- ``render_log_book``      Mẫu 06 (2025: 07) Sổ theo dõi hồ sơ (A4 landscape)
"""

from __future__ import annotations

from onestop_desktop.reports.forms_intake import render_receipt, render_refusal, render_supplement
from onestop_desktop.reports.forms_tracking import (
    render_apology,
    render_control_slip,
    render_log_book,
    render_stop_notice,
)

__all__ = [
    "render_apology",
    "render_control_slip",
    "render_log_book",
    "render_receipt",
    "render_refusal",
    "render_stop_notice",
    "render_supplement",
]

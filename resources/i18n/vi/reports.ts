<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ChartView</name>
    <message>
        <source>No chart yet: choose a period and press Build report.</source>
        <translation>Chưa có biểu đồ: chọn kỳ báo cáo rồi bấm Lập báo cáo.</translation>
    </message>
</context>
<context>
    <name>CopyableTable</name>
    <message>
        <source>Copy table</source>
        <translation>Sao chép bảng</translation>
    </message>
    <message>
        <source>Copy the selected rows (or the whole table) to the clipboard</source>
        <translation>Sao chép các dòng đang chọn (hoặc cả bảng) vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>Copied {n} rows to the clipboard.</source>
        <translation>Đã sao chép {n} dòng vào bộ nhớ tạm.</translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message>
        <source>Reform indicators of the month</source>
        <translation>Chỉ số cải cách hành chính của tháng</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>of</source>
        <translation>trên tổng số</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng số</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Reporting month (15th to 14th)</source>
        <translation>Kỳ báo cáo tháng (15 đến 14)</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Khoảng ngày</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Build report</source>
        <translation>Lập báo cáo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Briefing PDF…</source>
        <translation>Báo cáo PDF…</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Xem trước và in…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>Enter indicators…</source>
        <translation>Nhập chỉ số…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Choose a period and press “Build report”.</source>
        <translation>Chọn kỳ báo cáo rồi bấm “Lập báo cáo”.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>To handle</source>
        <translation>Phải giải quyết</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Kỳ trước chuyển sang</translation>
    </message>
    <message>
        <source>New online</source>
        <translation>Mới trực tuyến</translation>
    </message>
    <message>
        <source>New in person/post</source>
        <translation>Mới trực tiếp/BCCI</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Đang quá hạn</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>Tỷ lệ đúng hạn</translation>
    </message>
    <message>
        <source>On time or within</source>
        <translation>Đúng hạn và trong hạn</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Kỳ này</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>Cùng kỳ năm trước</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Officer who returned the result</source>
        <translation>Công chức trả kết quả</translation>
    </message>
    <message>
        <source>Digitisation</source>
        <translation>Số hóa hồ sơ</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Mức độ hài lòng</translation>
    </message>
    <message>
        <source>Fully digitised</source>
        <translation>Đã số hóa đủ</translation>
    </message>
    <message>
        <source>Digitisation rate</source>
        <translation>Tỷ lệ số hóa</translation>
    </message>
    <message>
        <source>Electronic results</source>
        <translation>Kết quả điện tử</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Số đánh giá</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>Tỷ lệ hài lòng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Receiving officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>đang giải quyết</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>Số ngày làm việc trễ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Dân số</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>Tham gia BHYT</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Tỷ lệ bao phủ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>So tháng trước (điểm %)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng số</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>By field</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>By receiving officer</source>
        <translation>Theo cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Late dossiers</source>
        <translation>Hồ sơ trễ hạn</translation>
    </message>
    <message>
        <source>BHYT</source>
        <translation>BHYT</translation>
    </message>
    <message>
        <source>Reform indicators</source>
        <translation>Chỉ số CCHC</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Đang vẽ biểu đồ…</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Dossiers to handle</source>
        <translation>Tổng số phải giải quyết</translation>
    </message>
    <message>
        <source>New dossiers</source>
        <translation>Tiếp nhận mới</translation>
    </message>
    <message>
        <source>Resolved late</source>
        <translation>Giải quyết quá hạn</translation>
    </message>
    <message>
        <source>Overdue at the period end</source>
        <translation>Đang quá hạn cuối kỳ</translation>
    </message>
    <message>
        <source>On time or within deadline</source>
        <translation>Đúng hạn và trong hạn</translation>
    </message>
    <message>
        <source>Share received online</source>
        <translation>Tỷ lệ nộp trực tuyến / tiếp nhận mới</translation>
    </message>
    <message>
        <source>Data changed: build again to refresh.</source>
        <translation>Số liệu đã thay đổi: lập lại báo cáo để cập nhật.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Đang ghi tệp…</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Báo cáo giao ban</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Đang ghi tệp PDF…</translation>
    </message>
</context>
</TS>

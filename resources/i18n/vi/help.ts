<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide – OneStop Desktop</source>
        <translation>Hướng dẫn sử dụng – OneStop Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing: {path}</source>
        <translation>Không tìm thấy tệp hướng dẫn sử dụng: {path}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
</context>
<context>
    <name>ShortcutList</name>
    <message>
        <source>Next tab</source>
        <translation>Sang thẻ sau</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Về thẻ trước</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>Thoát chương trình</translation>
    </message>
    <message>
        <source>Open this user guide</source>
        <translation>Mở hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Look up a dossier (code, part of a code, phone, ID)</source>
        <translation>Tra cứu hồ sơ (mã, một phần mã, điện thoại, số định danh)</translation>
    </message>
    <message>
        <source>Save the dossier and print the receipt</source>
        <translation>Lưu hồ sơ và in giấy hẹn</translation>
    </message>
    <message>
        <source>Print the last receipt again</source>
        <translation>In lại giấy hẹn vừa lưu</translation>
    </message>
    <message>
        <source>New dossier (empty form)</source>
        <translation>Hồ sơ mới (form trống)</translation>
    </message>
    <message>
        <source>New dossier for the same applicant</source>
        <translation>Hồ sơ mới cùng người nộp</translation>
    </message>
    <message>
        <source>Fill in the applicant of the last dossier</source>
        <translation>Điền thông tin người nộp từ hồ sơ trước</translation>
    </message>
    <message>
        <source>Clear the form (asks first)</source>
        <translation>Xóa form (có hỏi lại)</translation>
    </message>
    <message>
        <source>Copy the selected rows of a table</source>
        <translation>Sao chép các dòng đang chọn của bảng</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Mọi nơi</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Sang ô sau / ô trước</translation>
    </message>
    <message>
        <source>The underlined letter of a menu, label or button</source>
        <translation>Chữ gạch chân của menu, nhãn hoặc nút</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Procedure box: take the highlighted procedure</source>
        <translation>Ô thủ tục: chọn thủ tục đang sáng</translation>
    </message>
    <message>
        <source>Drafts list: resume / discard the draft</source>
        <translation>Danh sách hồ sơ nhập dở: tiếp tục / bỏ bản nháp</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Build the report of the chosen period</source>
        <translation>Lập báo cáo của kỳ đã chọn</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Bảo hiểm y tế</translation>
    </message>
    <message>
        <source>Edit the selected figure (or just type over it)</source>
        <translation>Sửa số đang chọn (hoặc gõ đè lên)</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>Print the form</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>Save a copy of the PDF</source>
        <translation>Lưu thêm một bản PDF</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>Hộp thoại</translation>
    </message>
    <message>
        <source>Close the dialog (this list and the guide too)</source>
        <translation>Đóng hộp thoại (cả danh sách này và hướng dẫn)</translation>
    </message>
    <message>
        <source>Go to tab {n}: {title}</source>
        <translation>Sang thẻ {n}: {title}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ở đâu</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Tác dụng</translation>
    </message>
</context>
</TS>
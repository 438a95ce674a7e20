<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Apology and extension request (form 04)</source>
        <translation>Xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)</translation>
    </message>
    <message>
        <source>Apology and new appointment (form 04)</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)</translation>
    </message>
    <message>
        <source>Current appointment</source>
        <translation>Ngày hẹn hiện tại</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Extension requested until</source>
        <translation>Đề nghị gia hạn đến</translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation>Lý do chậm trả kết quả</translation>
    </message>
    <message>
        <source>Give the reason for the delay.</source>
        <translation>Hãy ghi lý do chậm trả kết quả.</translation>
    </message>
    <message>
        <source>The new appointment must be after the current one.</source>
        <translation>Ngày hẹn mới phải sau ngày hẹn hiện tại.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Accept</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Chuyển xử lý…</translation>
    </message>
    <message>
        <source>Request supplement…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Request financial obligation</source>
        <translation>Yêu cầu nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Financial obligation done</source>
        <translation>Đã thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Mark resolved…</source>
        <translation>Giải quyết xong…</translation>
    </message>
    <message>
        <source>Return result…</source>
        <translation>Trả kết quả…</translation>
    </message>
    <message>
        <source>Apology, new date…</source>
        <translation>Xin lỗi, hẹn lại…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Rút hồ sơ…</translation>
    </message>
    <message>
        <source>Stop processing…</source>
        <translation>Dừng giải quyết…</translation>
    </message>
    <message>
        <source>Undo my last action</source>
        <translation>Hoàn tác thao tác vừa làm</translation>
    </message>
    <message>
        <source>Not possible for a dossier that is “{status}”.</source>
        <translation>Không thực hiện được với hồ sơ đang ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>Apology, ask extension…</source>
        <translation>Xin lỗi, đề nghị gia hạn…</translation>
    </message>
    <message>
        <source>Control slip (form {number})…</source>
        <translation>Phiếu kiểm soát (mẫu {number})…</translation>
    </message>
    <message>
        <source>Select a dossier to see its details.</source>
        <translation>Chọn một hồ sơ để xem chi tiết.</translation>
    </message>
    <message>
        <source>This dossier is due and not resolved: send an apology letter asking for an extension (form 04).</source>
        <translation>Hồ sơ đã đến hạn mà chưa giải quyết xong: gửi văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04).</translation>
    </message>
    <message>
        <source>This dossier is due and not resolved: send an apology letter with a new date (form 04).</source>
        <translation>Hồ sơ đã đến hạn mà chưa giải quyết xong: nên gửi phiếu xin lỗi và hẹn lại ngày trả (mẫu 04).</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>Đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Người nộp thay</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Statutory time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>First appointment</source>
        <translation>Hẹn trả ban đầu</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người đang xử lý</translation>
    </message>
    <message>
        <source>Paused since</source>
        <translation>Tạm dừng từ</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Giải quyết xong</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Reason for delay</source>
        <translation>Lý do chậm</translation>
    </message>
    <message>
        <source>Apology letters</source>
        <translation>Số phiếu xin lỗi</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>đã hoàn tác</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>originals</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>certified copy</source>
        <translation>bản sao chứng thực</translation>
    </message>
    <message>
        <source>certified copies</source>
        <translation>bản sao chứng thực</translation>
    </message>
    <message>
        <source>photocopy</source>
        <translation>bản photo</translation>
    </message>
    <message>
        <source>photocopies</source>
        <translation>bản photo</translation>
    </message>
    <message>
        <source>No rating (the citizen did not rate)</source>
        <translation>Chưa có đánh giá (người dân không đánh giá)</translation>
    </message>
    <message>
        <source>on the citizen's screen</source>
        <translation>trên màn hình của người dân</translation>
    </message>
    <message>
        <source>officer rated: {name}</source>
        <translation>cán bộ được đánh giá: {name}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>lý do: {reason}</translation>
    </message>
    <message>
        <source>Result and rating</source>
        <translation>Kết quả và đánh giá</translation>
    </message>
    <message>
        <source>The result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Citizen's rating</source>
        <translation>Đánh giá của người dân</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Thời hạn còn lại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người đang xử lý</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by code, name, ID number or phone (at least 3 characters, accents optional)…</source>
        <translation>Tìm theo mã hồ sơ, tên, số CCCD, điện thoại (ít nhất 3 ký tự, có dấu hoặc không)…</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Lọc thêm</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>Lưu bộ lọc…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Bộ lọc đã lưu:</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(tất cả)</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Bưu chính</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
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
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Nhận từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Hẹn trả từ ngày</translation>
    </message>
    <message>
        <source>Due within (working days)</source>
        <translation>Đến hạn trong (ngày làm việc)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Waiting for a supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Lưu bộ lọc</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Tên bộ lọc:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import an old log book</source>
        <translation>Nhập sổ theo dõi hồ sơ cũ</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File (.xlsx or .csv):</source>
        <translation>Tệp (.xlsx hoặc .csv):</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Result of the check:</source>
        <translation>Kết quả kiểm tra:</translation>
    </message>
    <message>
        <source>Old log book</source>
        <translation>Sổ theo dõi cũ</translation>
    </message>
    <message>
        <source>Log books (*.xlsx *.csv)</source>
        <translation>Sổ theo dõi (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>{new} new dossiers, {old} already in the database, {bad} rejected rows.</source>
        <translation>{new} hồ sơ mới, {old} hồ sơ đã có, {bad} dòng bị từ chối.</translation>
    </message>
    <message>
        <source>Nothing can be imported until every row is corrected:</source>
        <translation>Chưa nhập được gì cho đến khi sửa hết các dòng sau:</translation>
    </message>
    <message>
        <source>Imported {n} dossiers.</source>
        <translation>Đã nhập {n} hồ sơ.</translation>
    </message>
    <message>
        <source>Imported {n} dossier.</source>
        <translation>Đã nhập {n} hồ sơ.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>This field is required.</source>
        <translation>Cần nhập nội dung này.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Issued electronically (PDF of the result)</source>
        <translation>Trả kết quả điện tử (bản PDF của kết quả)</translation>
    </message>
    <message>
        <source>Issued on paper (scan kept)</source>
        <translation>Trả kết quả giấy (lưu bản quét)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Không ghi nhận</translation>
    </message>
</context>
<context>
    <name>ResultReturn</name>
    <message>
        <source>Cannot read the file {name}: nothing was saved.</source>
        <translation>Không đọc được tệp {name}: chưa lưu gì.</translation>
    </message>
    <message>
        <source>Preparing the result's file…</source>
        <translation>Đang chuẩn bị tệp kết quả…</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Note (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Không ghi nhận</translation>
    </message>
    <message>
        <source>Issued electronically: attach the result's PDF</source>
        <translation>Trả kết quả điện tử: đính kèm bản PDF của kết quả</translation>
    </message>
    <message>
        <source>Issued on paper: attach the scan of the paper result</source>
        <translation>Trả kết quả giấy: đính kèm bản quét kết quả giấy</translation>
    </message>
    <message>
        <source>The result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Choose the result's PDF…</source>
        <translation>Chọn bản PDF của kết quả…</translation>
    </message>
    <message>
        <source>Choose the scan…</source>
        <translation>Chọn bản quét…</translation>
    </message>
    <message>
        <source>The result's PDF</source>
        <translation>Bản PDF của kết quả</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The scan of the paper result</source>
        <translation>Bản quét kết quả giấy</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Choose the result's PDF, or pick “Not recorded”.</source>
        <translation>Chọn bản PDF của kết quả, hoặc chọn “Không ghi nhận”.</translation>
    </message>
    <message>
        <source>Choose the scan of the paper result, or pick “Not recorded”.</source>
        <translation>Chọn bản quét kết quả giấy, hoặc chọn “Không ghi nhận”.</translation>
    </message>
    <message>
        <source>A result issued electronically is a PDF file.</source>
        <translation>Kết quả điện tử phải là tệp PDF.</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Papers of the checklist to add or complete</source>
        <translation>Giấy tờ trong danh mục cần bổ sung, hoàn thiện</translation>
    </message>
    <message>
        <source>Other items or how to complete them (one per line)</source>
        <translation>Nội dung khác hoặc cách hoàn thiện (mỗi dòng một nội dung)</translation>
    </message>
    <message>
        <source>Tick the missing papers or write what is missing.</source>
        <translation>Hãy đánh dấu giấy tờ còn thiếu hoặc ghi rõ nội dung cần bổ sung.</translation>
    </message>
</context>
<context>
    <name>TrackingActions</name>
    <message>
        <source>Log book (form {number})</source>
        <translation>Sổ theo dõi hồ sơ (mẫu {number})</translation>
    </message>
    <message>
        <source>Apology and extension request for dossier {code}</source>
        <translation>Xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ {code}</translation>
    </message>
    <message>
        <source>Transfer dossier {code}</source>
        <translation>Chuyển hồ sơ {code}</translation>
    </message>
    <message>
        <source>Request a supplement for dossier {code}</source>
        <translation>Yêu cầu bổ sung hồ sơ {code}</translation>
    </message>
    <message>
        <source>Receive the supplement of dossier {code}</source>
        <translation>Nhận bổ sung hồ sơ {code}</translation>
    </message>
    <message>
        <source>Ask for the financial obligations of dossier {code}</source>
        <translation>Thông báo nghĩa vụ tài chính của hồ sơ {code}</translation>
    </message>
    <message>
        <source>Financial obligations of dossier {code} fulfilled</source>
        <translation>Hồ sơ {code} đã hoàn thành nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Mark dossier {code} resolved</source>
        <translation>Đánh dấu đã giải quyết hồ sơ {code}</translation>
    </message>
    <message>
        <source>Return the result of dossier {code}</source>
        <translation>Trả kết quả hồ sơ {code}</translation>
    </message>
    <message>
        <source>Withdraw dossier {code}</source>
        <translation>Rút hồ sơ {code}</translation>
    </message>
    <message>
        <source>Stop processing dossier {code}</source>
        <translation>Dừng giải quyết hồ sơ {code}</translation>
    </message>
    <message>
        <source>Refuse dossier {code}</source>
        <translation>Từ chối hồ sơ {code}</translation>
    </message>
    <message>
        <source>Apology and new date for dossier {code}</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}</translation>
    </message>
    <message>
        <source>Accept dossier {code}</source>
        <translation>Tiếp nhận hồ sơ {code}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Reason for stopping (printed on the notice, form {number})</source>
        <translation>Lý do dừng giải quyết (in trên thông báo, mẫu {number})</translation>
    </message>
    <message>
        <source>Stop notice (form {number})</source>
        <translation>Thông báo dừng giải quyết hồ sơ (mẫu {number})</translation>
    </message>
    <message>
        <source>Reason or the citizen's request</source>
        <translation>Lý do hoặc đề nghị của công dân</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>This ends the dossier {code} at the office. Continue?</source>
        <translation>Thao tác này kết thúc hồ sơ {code} tại cơ quan. Tiếp tục?</translation>
    </message>
    <message>
        <source>Supplement request (form {number})</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu {number})</translation>
    </message>
    <message>
        <source>Apology and new appointment (form {number})</source>
        <translation>Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu {number})</translation>
    </message>
    <message>
        <source>Apology and request for an extension (form {number})</source>
        <translation>Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu {number})</translation>
    </message>
    <message>
        <source>Control slip (form {number})</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu {number})</translation>
    </message>
    <message>
        <source>PDF (print)</source>
        <translation>PDF (để in)</translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>Ngày cuối kỳ đang trước ngày đầu kỳ.</translation>
    </message>
    <message>
        <source>Preparing the log book…</source>
        <translation>Đang lập sổ theo dõi…</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Log book: {n} dossiers written to {path}</source>
        <translation>Sổ theo dõi: đã ghi {n} hồ sơ vào {path}</translation>
    </message>
    <message>
        <source>Log book: {n} dossier written to {path}</source>
        <translation>Sổ theo dõi: đã ghi {n} hồ sơ vào {path}</translation>
    </message>
</context>
<context>
    <name>TrackingTab</name>
    <message>
        <source>Tracking</source>
        <translation>Theo dõi hồ sơ</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Log book (form {number})…</source>
        <translation>Sổ theo dõi (mẫu {number})…</translation>
    </message>
    <message>
        <source>Import old log book…</source>
        <translation>Nhập sổ cũ…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>{n} dossiers</source>
        <translation>{n} hồ sơ</translation>
    </message>
    <message>
        <source>{n} dossier</source>
        <translation>{n} hồ sơ</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Undo your last action on dossier {code}?</source>
        <translation>Hoàn tác thao tác vừa làm trên hồ sơ {code}?</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {n} dossiers to {path}</source>
        <translation>Đã xuất {n} hồ sơ ra {path}</translation>
    </message>
    <message>
        <source>Exported {n} dossier to {path}</source>
        <translation>Đã xuất {n} hồ sơ ra {path}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>{n} dossier is due today or on the next working day. &lt;a href='#'&gt;Show it&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ đến hạn trả hôm nay hoặc ngày làm việc tiếp theo. &lt;a href='#'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{n} dossiers are due today or on the next working day. &lt;a href='#'&gt;Show them&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ đến hạn trả hôm nay hoặc ngày làm việc tiếp theo. &lt;a href='#'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{n} overdue dossier has no apology and extension request yet (form {number}). &lt;a href='overdue'&gt;Show it&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ quá hạn chưa có văn bản xin lỗi và đề nghị gia hạn (mẫu {number}). &lt;a href='overdue'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{n} overdue dossiers have no apology and extension request yet (form {number}). &lt;a href='overdue'&gt;Show them&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ quá hạn chưa có văn bản xin lỗi và đề nghị gia hạn (mẫu {number}). &lt;a href='overdue'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{n} overdue dossier has no apology letter yet (form 04). &lt;a href='overdue'&gt;Show it&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ quá hạn chưa có phiếu xin lỗi (mẫu 04). &lt;a href='overdue'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{n} overdue dossiers have no apology letter yet (form 04). &lt;a href='overdue'&gt;Show them&lt;/a&gt;</source>
        <translation>Có {n} hồ sơ quá hạn chưa có phiếu xin lỗi (mẫu 04). &lt;a href='overdue'&gt;Xem ngay&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer the dossier</source>
        <translation>Chuyển hồ sơ</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>Chuyển cho</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Choose who receives the dossier.</source>
        <translation>Chọn người nhận hồ sơ.</translation>
    </message>
</context>
</TS>
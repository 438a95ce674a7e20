<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AttachScansDialog</name>
    <message>
        <source>Attach scans to dossier {code}</source>
        <translation>Đính kèm bản quét vào hồ sơ {code}</translation>
    </message>
    <message>
        <source>{applicant} · {procedure}</source>
        <translation>{applicant} · {procedure}</translation>
    </message>
    <message>
        <source>&amp;Attach the scans (Ctrl+S)</source>
        <translation>Đính &amp;kèm bản quét (Ctrl+S)</translation>
    </message>
    <message>
        <source>Add a scan to a document line first.</source>
        <translation>Hãy thêm bản quét cho một giấy tờ trong danh mục trước.</translation>
    </message>
    <message>
        <source>Scans not attached</source>
        <translation>Chưa đính kèm được bản quét</translation>
    </message>
    <message>
        <source>Attaching the scans…</source>
        <translation>Đang đính kèm bản quét…</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Catalogue and calendar</source>
        <translation>Danh mục thủ tục và lịch làm việc</translation>
    </message>
    <message>
        <source>Changes apply to dossiers received afterwards; received dossiers keep their dates.</source>
        <translation>Thay đổi chỉ áp dụng cho hồ sơ tiếp nhận sau đó; hồ sơ đã tiếp nhận giữ nguyên thời hạn và ngày hẹn.</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Filter (accents optional)</source>
        <translation>Lọc (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>Thêm &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Import Excel…</source>
        <translation>&amp;Nhập từ Excel…</translation>
    </message>
    <message>
        <source>&amp;Export Excel…</source>
        <translation>&amp;Xuất ra Excel…</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>ngày làm việc</translation>
    </message>
    <message>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>giờ làm việc</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>cấp xã</translation>
    </message>
    <message>
        <source>district</source>
        <translation>cấp huyện</translation>
    </message>
    <message>
        <source>province</source>
        <translation>cấp tỉnh</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang áp dụng</translation>
    </message>
    <message>
        <source>One document per line: name; bản chính | bản sao chứng thực | bản photo; count</source>
        <translation>Mỗi dòng một giấy tờ: tên; bản chính | bản sao chứng thực | bản photo; số bản</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Statutory time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị thời hạn:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp thực hiện:</translation>
    </message>
    <message>
        <source>Online level:</source>
        <translation>Mức độ trực tuyến:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <source>Required documents:</source>
        <translation>Thành phần hồ sơ:</translation>
    </message>
    <message>
        <source>&amp;Save procedure</source>
        <translation>&amp;Lưu thủ tục</translation>
    </message>
    <message>
        <source>(not in use)</source>
        <translation>(ngừng áp dụng)</translation>
    </message>
    <message>
        <source>today: full online service (toàn trình)</source>
        <translation>hiện nay: dịch vụ công trực tuyến toàn trình</translation>
    </message>
    <message>
        <source>today: partly online service (một phần)</source>
        <translation>hiện nay: dịch vụ công trực tuyến một phần</translation>
    </message>
    <message>
        <source>today: information only, not an online service</source>
        <translation>hiện nay: chỉ cung cấp thông tin, không phải dịch vụ công trực tuyến</translation>
    </message>
    <message>
        <source>Procedure {code} saved.</source>
        <translation>Đã lưu thủ tục {code}.</translation>
    </message>
    <message>
        <source>Save &amp;field</source>
        <translation>Lưu &amp;lĩnh vực</translation>
    </message>
    <message>
        <source>Field saved.</source>
        <translation>Đã lưu lĩnh vực.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Extra day off</source>
        <translation>Ngày nghỉ thêm</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>e.g. Nghỉ bù Quốc khánh (Thông báo số …)</source>
        <translation>ví dụ: Nghỉ bù Quốc khánh (Thông báo số …)</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>&amp;Add or update day</source>
        <translation>&amp;Thêm hoặc sửa ngày</translation>
    </message>
    <message>
        <source>&amp;Delete selected day</source>
        <translation>&amp;Xóa ngày đã chọn</translation>
    </message>
    <message>
        <source>Calendar saved: {d}.</source>
        <translation>Đã lưu lịch: {d}.</translation>
    </message>
    <message>
        <source>Day removed: {d}.</source>
        <translation>Đã xóa ngày {d}.</translation>
    </message>
    <message>
        <source>Export catalogue</source>
        <translation>Xuất danh mục thủ tục</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} procedures written to {path}.</source>
        <translation>Đã ghi {n} thủ tục vào {path}.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Import catalogue</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
</context>
<context>
    <name>CatalogueImportDialog</name>
    <message>
        <source>Import a published list of procedures</source>
        <translation>Nhập danh mục thủ tục do tỉnh công bố</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <source>&amp;In force from:</source>
        <translation>Áp dụng &amp;từ ngày:</translation>
    </message>
    <message>
        <source>e.g. Decision 1234/QĐ-UBND of the provincial committee</source>
        <translation>ví dụ: Quyết định 1234/QĐ-UBND ngày … của UBND tỉnh</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>Căn &amp;cứ:</translation>
    </message>
    <message>
        <source>Procedures not in the file stop applying from that day</source>
        <translation>Thủ tục không có trong tệp ngừng áp dụng từ ngày đó</translation>
    </message>
    <message>
        <source>&amp;Preview changes</source>
        <translation>&amp;Xem trước thay đổi</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>&amp;Write the new version</source>
        <translation>&amp;Ghi phiên bản mới</translation>
    </message>
    <message>
        <source>Choose the file of the published list first.</source>
        <translation>Hãy chọn tệp danh mục đã công bố trước.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Đang đọc…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Thủ tục mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>No longer listed</source>
        <translation>Không còn trong danh mục</translation>
    </message>
    <message>
        <source>From {day}: {new} new, {changed} changed, {same} unchanged, {gone} no longer listed.</source>
        <translation>Từ ngày {day}: {new} thủ tục mới, {changed} thay đổi, {same} không đổi, {gone} không còn trong danh mục.</translation>
    </message>
    <message>
        <source>Rows refused (nothing will be written until they are corrected):</source>
        <translation>Các dòng bị từ chối (chưa ghi gì cho đến khi sửa xong):</translation>
    </message>
    <message>
        <source>New version written: {a} new procedures, {c} changed, {e} no longer listed.</source>
        <translation>Đã ghi phiên bản mới: {a} thủ tục mới, {c} thay đổi, {e} ngừng áp dụng.</translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <source>Photocopies</source>
        <translation>Bản photo</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Bản quét</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>Chưa quét</translation>
    </message>
</context>
<context>
    <name>DraftsList</name>
    <message>
        <source>(open)</source>
        <translation>(đang mở)</translation>
    </message>
</context>
<context>
    <name>GuidanceDialog</name>
    <message>
        <source>Supplement guidance (form 02)</source>
        <translation>Hướng dẫn bổ sung, hoàn thiện hồ sơ (mẫu 02)</translation>
    </message>
    <message>
        <source>e.g. bring the original for comparison</source>
        <translation>ví dụ: mang bản chính để đối chiếu</translation>
    </message>
    <message>
        <source>Nothing is registered as received; the applicant gets form 02.</source>
        <translation>Hồ sơ không được ghi nhận là đã tiếp nhận; người nộp nhận phiếu mẫu 02.</translation>
    </message>
    <message>
        <source>&amp;Missing or to complete (one per line):</source>
        <translation>Giấy tờ còn &amp;thiếu hoặc cần hoàn thiện (mỗi dòng một giấy tờ):</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Hướng dẫn thêm:</translation>
    </message>
    <message>
        <source>Record and print</source>
        <translation>Ghi nhận và in phiếu</translation>
    </message>
</context>
<context>
    <name>IntakeFormWidget</name>
    <message>
        <source>Type part of the name, code or field, e.g. khai sinh</source>
        <translation>Gõ một phần tên, mã hoặc lĩnh vực, ví dụ: khai sinh</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Văn An</source>
        <translation>ví dụ: Nguyễn Văn An</translation>
    </message>
    <message>
        <source>12 digits (or scan the QR code of the ID card)</source>
        <translation>12 chữ số (hoặc quét mã QR trên thẻ căn cước)</translation>
    </message>
    <message>
        <source>e.g. 0912 345 678</source>
        <translation>ví dụ: 0912 345 678</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>house number, street, hamlet</source>
        <translation>số nhà, đường, ấp/khu phố</translation>
    </message>
    <message>
        <source>full name of the person submitting</source>
        <translation>họ tên người nộp thay</translation>
    </message>
    <message>
        <source>Submitted by someone else on the owner's behalf</source>
        <translation>Người khác nộp thay chủ hồ sơ</translation>
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
        <source>Postal</source>
        <translation>Bưu chính</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục hành chính</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>&amp;Thủ tục:</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>Citizen &amp;ID:</source>
        <translation>Số định &amp;danh (CCCD):</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>Thư điện tử (&amp;e-mail):</translation>
    </message>
    <message>
        <source>Commune/&amp;ward/town:</source>
        <translation>&amp;Xã, phường, thị trấn:</translation>
    </message>
    <message>
        <source>Commune/&amp;ward/special zone:</source>
        <translation>&amp;Xã, phường, đặc khu:</translation>
    </message>
    <message>
        <source>&amp;Street, hamlet:</source>
        <translation>Số nhà, đường, ấ&amp;p:</translation>
    </message>
    <message>
        <source>Su&amp;bmitted by:</source>
        <translation>Người nộp th&amp;ay:</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Thành phần hồ sơ đã nhận</translation>
    </message>
    <message>
        <source>Number of se&amp;ts:</source>
        <translation>Số &amp;bộ hồ sơ:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Hình thức nộp:</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Phí, lệ phí:</translation>
    </message>
    <message>
        <source>Date of birth (from the ID card): {d}</source>
        <translation>Ngày sinh (theo thẻ căn cước): {d}</translation>
    </message>
    <message>
        <source>Catalogue in force from {since}: {source}</source>
        <translation>Danh mục áp dụng từ ngày {since}: {source}</translation>
    </message>
    <message>
        <source>Catalogue: {source}</source>
        <translation>Danh mục: {source}</translation>
    </message>
    <message>
        <source>Choose the procedure.</source>
        <translation>Chưa chọn thủ tục hành chính.</translation>
    </message>
    <message>
        <source>Enter the address (commune/ward and street or hamlet).</source>
        <translation>Chưa nhập địa chỉ (xã/phường và số nhà, ấp).</translation>
    </message>
    <message>
        <source>No document marked as received.</source>
        <translation>Chưa đánh dấu giấy tờ nào đã nhận.</translation>
    </message>
</context>
<context>
    <name>IntakeScans</name>
    <message>
        <source>Wait until the scan is ready, then save again.</source>
        <translation>Hãy chờ bản quét chuẩn bị xong rồi lưu lại.</translation>
    </message>
    <message>
        <source>Scans attached: {lines} of {n} documents ({pages}).</source>
        <translation>Đã đính kèm bản quét: {lines}/{n} giấy tờ ({pages}).</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Saving the dossier and its scans…</source>
        <translation>Đang lưu hồ sơ và bản quét…</translation>
    </message>
    <message>
        <source>The scans could not be attached, so nothing was saved:
{why}

Receive the dossier now without its scans? They stay here: Ctrl+Shift+A attaches them right after.</source>
        <translation>Không đính kèm được bản quét nên chưa lưu gì:
{why}

Tiếp nhận hồ sơ ngay, chưa kèm bản quét? Các bản quét vẫn giữ lại ở đây: Ctrl+Shift+A để đính kèm ngay sau đó.</translation>
    </message>
    <message>
        <source>Scans not attached</source>
        <translation>Chưa đính kèm được bản quét</translation>
    </message>
    <message>
        <source>The scans are not attached yet: Ctrl+Shift+A attaches them.</source>
        <translation>Bản quét chưa được đính kèm: nhấn Ctrl+Shift+A để đính kèm.</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Find a dossier: code, part of a code, phone or citizen ID (F3)</source>
        <translation>Tìm hồ sơ: mã hồ sơ, một phần mã, số điện thoại hoặc số định danh (F3)</translation>
    </message>
    <message>
        <source>Lookup:</source>
        <translation>Tra cứu:</translation>
    </message>
    <message>
        <source>Catalogue and calendar…</source>
        <translation>Danh mục và lịch làm việc…</translation>
    </message>
    <message>
        <source>Cannot save yet: {what}</source>
        <translation>Chưa thể lưu: {what}</translation>
    </message>
    <message>
        <source>Ready to save.</source>
        <translation>Đủ thông tin, có thể lưu.</translation>
    </message>
    <message>
        <source>Choose a procedure to see the appointment date.</source>
        <translation>Chọn thủ tục để xem ngày hẹn trả kết quả.</translation>
    </message>
    <message>
        <source>Warning: this person already has an open dossier for this procedure: {codes}.</source>
        <translation>Lưu ý: người này đang có hồ sơ chưa giải quyết xong cho cùng thủ tục: {codes}.</translation>
    </message>
    <message>
        <source>Fill in from the last dossier {code}: {name} (Ctrl+D)</source>
        <translation>Điền thông tin từ hồ sơ trước {code}: {name} (Ctrl+D)</translation>
    </message>
    <message>
        <source>Dossier {code} received. Appointment: {due}.
Ctrl+P prints the receipt again; Ctrl+N starts a new dossier, Ctrl+Shift+N a new one for the same applicant.</source>
        <translation>Đã tiếp nhận hồ sơ {code}. Hẹn trả kết quả: {due}.
Ctrl+P in lại giấy hẹn; Ctrl+N nhận hồ sơ mới, Ctrl+Shift+N hồ sơ mới cùng người nộp.</translation>
    </message>
    <message>
        <source>Receipt {code}</source>
        <translation>Giấy tiếp nhận hồ sơ {code}</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Đang tạo tệp PDF…</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Xóa nội dung form</translation>
    </message>
    <message>
        <source>Clear everything typed in this form?</source>
        <translation>Xóa toàn bộ thông tin đã nhập trong form này?</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <source>No dossier found for “{q}”.</source>
        <translation>Không tìm thấy hồ sơ nào với “{q}”.</translation>
    </message>
    <message>
        <source>Supplement guidance</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>Phiếu từ chối tiếp nhận</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Dossiers found for “{q}”</source>
        <translation>Hồ sơ tìm thấy với “{q}”</translation>
    </message>
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
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>{n} dossier(s) found.</source>
        <translation>Tìm thấy {n} hồ sơ.</translation>
    </message>
    <message>
        <source>&amp;Reprint receipt</source>
        <translation>&amp;In lại giấy hẹn</translation>
    </message>
    <message>
        <source>&amp;Attach scans…</source>
        <translation>Đính &amp;kèm bản quét…</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <source>The scan's pages cannot be shown.</source>
        <translation>Không hiển thị được các trang của bản quét.</translation>
    </message>
    <message>
        <source>Pages of the scan</source>
        <translation>Các trang của bản quét</translation>
    </message>
    <message>
        <source>Drag a page, or Ctrl+Left/Right, to move it; Delete drops it; Enter shows it</source>
        <translation>Kéo một trang, hoặc Ctrl+Trái/Phải, để chuyển chỗ; Delete bỏ trang; Enter xem trang</translation>
    </message>
    <message>
        <source>Page {i} of {n} (scanned as page {s})</source>
        <translation>Trang {i}/{n} (trang quét thứ {s})</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Refuse to receive (form 03)</source>
        <translation>Từ chối tiếp nhận hồ sơ (mẫu 03)</translation>
    </message>
    <message>
        <source>e.g. the request is not within the competence of this office</source>
        <translation>ví dụ: yêu cầu không thuộc thẩm quyền giải quyết của cơ quan</translation>
    </message>
    <message>
        <source>The refusal is recorded for statistics and printed on form 03.</source>
        <translation>Việc từ chối được ghi nhận để thống kê và in trên phiếu mẫu 03.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Record and print</source>
        <translation>Ghi nhận và in phiếu</translation>
    </message>
</context>
<context>
    <name>ScanBasket</name>
    <message>
        <source>Cannot read the file {name}: {why}</source>
        <translation>Không đọc được tệp {name}: {why}</translation>
    </message>
    <message>
        <source>Joining the pages…</source>
        <translation>Đang ghép các trang…</translation>
    </message>
    <message>
        <source>Scan not added</source>
        <translation>Chưa thêm được bản quét</translation>
    </message>
    <message>
        <source>Preparing the scan…</source>
        <translation>Đang chuẩn bị bản quét…</translation>
    </message>
</context>
<context>
    <name>ScanSaving</name>
    <message>
        <source>The scan {name} is {size}, over the limit of {limit} for one file: drop pages or scan at a lower resolution (200–300 dpi is enough). Nothing was saved.</source>
        <translation>Bản quét {name} nặng {size}, quá giới hạn {limit} cho một tệp: hãy bỏ bớt trang hoặc quét ở độ phân giải thấp hơn (200–300 dpi là đủ). Chưa lưu gì.</translation>
    </message>
    <message>
        <source>The scans of this dossier come to {size}, over the limit of {limit} for one dossier: drop pages or scan at a lower resolution. Nothing was saved.</source>
        <translation>Các bản quét của hồ sơ này tổng cộng {size}, quá giới hạn {limit} cho một hồ sơ: hãy bỏ bớt trang hoặc quét ở độ phân giải thấp hơn. Chưa lưu gì.</translation>
    </message>
    <message>
        <source>Arranging the pages…</source>
        <translation>Đang sắp xếp các trang…</translation>
    </message>
    <message>
        <source>Storing the scans…</source>
        <translation>Đang lưu bản quét…</translation>
    </message>
</context>
<context>
    <name>ScanViewerDialog</name>
    <message>
        <source>The page shown large</source>
        <translation>Trang đang xem phóng to</translation>
    </message>
    <message>
        <source>Left/Right: previous/next page · Ctrl+Left/Right: move the page · Delete: drop the page · Enter: keep these pages · Esc: cancel</source>
        <translation>Trái/Phải: trang trước/sau · Ctrl+Trái/Phải: chuyển chỗ trang · Delete: bỏ trang · Enter: giữ các trang này · Esc: hủy</translation>
    </message>
    <message>
        <source>&amp;Keep these pages</source>
        <translation>&amp;Giữ các trang này</translation>
    </message>
    <message>
        <source>{n} of {total} scanned pages kept</source>
        <translation>Giữ {n}/{total} trang đã quét</translation>
    </message>
    <message>
        <source>Page {i}…</source>
        <translation>Trang {i}…</translation>
    </message>
</context>
<context>
    <name>ScannerTray</name>
    <message>
        <source>The folder where the scanner saves its files</source>
        <translation>Thư mục máy quét lưu tệp</translation>
    </message>
    <message>
        <source>From the scanner (F4 puts the selected file on the current line):</source>
        <translation>Từ máy quét (F4 gán tệp đang chọn cho giấy tờ đang chọn):</translation>
    </message>
    <message>
        <source>Files from the scanner</source>
        <translation>Tệp từ máy quét</translation>
    </message>
    <message>
        <source>Scanner folder…</source>
        <translation>Thư mục máy quét…</translation>
    </message>
    <message>
        <source>No scanner folder chosen: choose the folder where the scanner saves its files.</source>
        <translation>Chưa chọn thư mục máy quét: hãy chọn thư mục máy quét lưu tệp.</translation>
    </message>
    <message>
        <source>The scanner folder {folder} cannot be read.</source>
        <translation>Không đọc được thư mục máy quét {folder}.</translation>
    </message>
    <message>
        <source>Waiting for the scanner in {folder}</source>
        <translation>Đang chờ máy quét trong {folder}</translation>
    </message>
    <message>
        <source>{n} file(s) waiting in {folder}</source>
        <translation>{n} tệp đang chờ trong {folder}</translation>
    </message>
</context>
<context>
    <name>ScansPanel</name>
    <message>
        <source>Add files… (Ctrl+O)</source>
        <translation>Thêm tệp… (Ctrl+O)</translation>
    </message>
    <message>
        <source>From the scanner (F4)</source>
        <translation>Từ máy quét (F4)</translation>
    </message>
    <message>
        <source>Check pages (F8)</source>
        <translation>Kiểm tra trang (F8)</translation>
    </message>
    <message>
        <source>Remove this scan</source>
        <translation>Bỏ bản quét này</translation>
    </message>
    <message>
        <source>Size limit: {file} per file, {dossier} per dossier. These scans: {now}.</source>
        <translation>Giới hạn dung lượng: {file} mỗi tệp, {dossier} mỗi hồ sơ. Các bản quét này: {now}.</translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation>{n} trang</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} trang</translation>
    </message>
    <message>
        <source>Scans: choose a document line of the checklist first.</source>
        <translation>Bản quét: hãy chọn một giấy tờ trong danh mục trước.</translation>
    </message>
    <message>
        <source>Scans of document {n}: {name}</source>
        <translation>Bản quét giấy tờ {n}: {name}</translation>
    </message>
    <message>
        <source>Preparing the scan…</source>
        <translation>Đang chuẩn bị bản quét…</translation>
    </message>
    <message>
        <source>{pages}, {size}: attached when the dossier is saved.</source>
        <translation>{pages}, {size}: sẽ đính kèm khi lưu hồ sơ.</translation>
    </message>
    <message>
        <source>Digitised: {pages} attached.</source>
        <translation>Đã số hóa: đã đính kèm {pages}.</translation>
    </message>
    <message>
        <source>No scan yet: drop files on the line, Ctrl+O to choose them, F4 from the scanner.</source>
        <translation>Chưa có bản quét: kéo thả tệp vào dòng giấy tờ, Ctrl+O để chọn tệp, F4 lấy từ máy quét.</translation>
    </message>
    <message>
        <source>Digitised: {a} attached, {p} more to attach</source>
        <translation>Đã số hóa: đã đính kèm {a}, còn {p} chờ đính kèm</translation>
    </message>
    <message>
        <source>Digitised: {a} attached</source>
        <translation>Đã số hóa: đã đính kèm {a}</translation>
    </message>
    <message>
        <source>Scanned: {p}, to attach</source>
        <translation>Đã quét: {p}, chờ đính kèm</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>Chưa quét</translation>
    </message>
    <message>
        <source>Scans and PDF files ({pattern})</source>
        <translation>Bản quét và tệp PDF ({pattern})</translation>
    </message>
    <message>
        <source>Pages of document {n}: {name}</source>
        <translation>Các trang của giấy tờ {n}: {name}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Appointment</source>
        <translation>Ngày hẹn trả kết quả</translation>
    </message>
    <message>
        <source>&amp;Save and print receipt (Ctrl+S)</source>
        <translation>&amp;Lưu và in giấy hẹn (Ctrl+S)</translation>
    </message>
    <message>
        <source>Supplement &amp;guidance (form 02)…</source>
        <translation>Hướng dẫn &amp;bổ sung (mẫu 02)…</translation>
    </message>
    <message>
        <source>&amp;Refuse (form 03)…</source>
        <translation>Từ &amp;chối tiếp nhận (mẫu 03)…</translation>
    </message>
    <message>
        <source>Print &amp;last receipt (Ctrl+P)</source>
        <translation>&amp;In lại giấy hẹn vừa lưu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ctrl+N new dossier · Ctrl+Shift+N same applicant · Ctrl+D fill from last dossier · Esc clear · F3 lookup</source>
        <translation>Ctrl+N hồ sơ mới · Ctrl+Shift+N hồ sơ mới cùng người nộp · Ctrl+D điền từ hồ sơ trước · Esc xóa form · F3 tra cứu</translation>
    </message>
    <message>
        <source>Drafts (Enter to resume, Delete to discard):</source>
        <translation>Hồ sơ đang nhập dở (Enter để tiếp tục, Delete để bỏ):</translation>
    </message>
</context>
<context>
    <name>UnitBox</name>
    <message>
        <source>{name} (former, until {date})</source>
        <translation>{name} (cũ, đến {date})</translation>
    </message>
    <message>
        <source>{old} → part of it now in {new}</source>
        <translation>{old} → một phần nay thuộc {new}</translation>
    </message>
    <message>
        <source>{old} → now part of {new}</source>
        <translation>{old} → nay thuộc {new}</translation>
    </message>
</context>
</TS>
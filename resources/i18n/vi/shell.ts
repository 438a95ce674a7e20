<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BhytTab</name>
    <message>
        <source>Health insurance</source>
        <translation>Bảo hiểm y tế</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Mật khẩu hiện tại:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>First start: administrator account</source>
        <translation>Lần chạy đầu tiên: tài khoản quản trị</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the clerks and leaders.</source>
        <translation>Cơ sở dữ liệu chưa có người dùng. Hãy tạo tài khoản quản trị; sau đó người quản trị thêm cán bộ một cửa và lãnh đạo.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
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
    <name>HomePage</name>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due next working day</source>
        <translation>Đến hạn ngày làm việc tới</translation>
    </message>
    <message>
        <source>Overdue (open)</source>
        <translation>Quá hạn (chưa giải quyết)</translation>
    </message>
    <message>
        <source>Waiting for a supplement</source>
        <translation>Chờ bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>Open dossiers</source>
        <translation>Hồ sơ đang giải quyết</translation>
    </message>
    <message>
        <source>Dossiers in the database</source>
        <translation>Tổng số hồ sơ trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hôm nay, ngày {date}</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in - OneStop Desktop</source>
        <translation>Đăng nhập - OneStop Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Demo accounts (double-click to fill in):</source>
        <translation>Tài khoản dùng thử (bấm đúp để điền):</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>cán bộ một cửa</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>lãnh đạo</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <source>{user} / {password} ({role})</source>
        <translation>{user} / {password} ({role})</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneStop Desktop – {office}</source>
        <translation>OneStop Desktop – {office}</translation>
    </message>
    <message>
        <source>(demo data)</source>
        <translation>(dữ liệu mẫu)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Người dùng: {name} ({role})</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>Cơ sở dữ liệu: {db}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Người dùng</translation>
    </message>
    <message>
        <source>&amp;Manage users…</source>
        <translation>&amp;Quản lý người dùng…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>&amp;About OneStop Desktop</source>
        <translation>&amp;Giới thiệu OneStop Desktop</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>The new language applies the next time the program starts.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>About OneStop Desktop</source>
        <translation>Giới thiệu OneStop Desktop</translation>
    </message>
    <message>
        <source>OneStop Desktop {version}
Software for the one-stop-shop office: dossier intake, deadline tracking, health insurance tallies and reports.
Database: {db}</source>
        <translation>OneStop Desktop {version}
Phần mềm bộ phận một cửa: tiếp nhận hồ sơ, theo dõi thời hạn giải quyết, tổng hợp bảo hiểm y tế và báo cáo.
Cơ sở dữ liệu: {db}</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi vừa dùng</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và dấu trang</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Có chắc muốn xóa &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Vẫn muốn xóa?</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Nhập giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Tùy chọn &lt;&lt;</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Chèn ký tự điều khiển Unicode</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Chép địa chỉ &amp;liên kết</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>Cán bộ một cửa</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
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
        <source>Put the scanner&apos;s file on the current document line</source>
        <translation>Gán tệp từ máy quét cho giấy tờ đang chọn</translation>
    </message>
    <message>
        <source>Add scan files to the current document line</source>
        <translation>Thêm tệp bản quét cho giấy tờ đang chọn</translation>
    </message>
    <message>
        <source>Check the pages of the line&apos;s scan (reorder, drop)</source>
        <translation>Kiểm tra các trang bản quét (đổi thứ tự, bỏ trang)</translation>
    </message>
    <message>
        <source>Attach scans to the saved dossier (or one found)</source>
        <translation>Đính kèm bản quét vào hồ sơ vừa lưu (hoặc hồ sơ tìm được)</translation>
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
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database could not be opened:</source>
        <translation>Không thể mở cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Building the demo office (first use only)…</source>
        <translation>Đang tạo dữ liệu mẫu (chỉ lần đầu)…</translation>
    </message>
    <message>
        <source>Cannot build the demo office</source>
        <translation>Không tạo được dữ liệu mẫu</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>TrackingTab</name>
    <message>
        <source>Tracking</source>
        <translation>Theo dõi hồ sơ</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Khóa / mở khóa</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt &amp;lại mật khẩu…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Hãy chọn một người dùng trước.</translation>
    </message>
    <message>
        <source>New role:</source>
        <translation>Vai trò mới:</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>New password for {user}:</source>
        <translation>Mật khẩu mới cho {user}:</translation>
    </message>
</context>
</TS>

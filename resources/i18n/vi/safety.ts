<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Imported file</source>
        <translation>Tệp nhập</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Reform indicator</source>
        <translation>Chỉ số cải cách</translation>
    </message>
    <message>
        <source>BHYT figures</source>
        <translation>Số liệu BHYT</translation>
    </message>
    <message>
        <source>BHYT month</source>
        <translation>Tháng BHYT</translation>
    </message>
    <message>
        <source>BHYT target</source>
        <translation>Chỉ tiêu BHYT</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Data rows</source>
        <translation>Dòng dữ liệu</translation>
    </message>
    <message>
        <source>created</source>
        <translation>tạo mới</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>sửa</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>xóa</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>nhập từ tệp</translation>
    </message>
    <message>
        <source>dossiers imported</source>
        <translation>nhập hồ sơ</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>locked after failed sign-ins</source>
        <translation>khóa do đăng nhập sai</translation>
    </message>
    <message>
        <source>own password changed</source>
        <translation>tự đổi mật khẩu</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>received</source>
        <translation>tiếp nhận</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>chuyển xử lý</translation>
    </message>
    <message>
        <source>supplement requested</source>
        <translation>yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>supplement received</source>
        <translation>nhận bổ sung</translation>
    </message>
    <message>
        <source>financial obligation requested</source>
        <translation>yêu cầu nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>financial obligation met</source>
        <translation>đã thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>giải quyết xong</translation>
    </message>
    <message>
        <source>result returned</source>
        <translation>trả kết quả</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>rút hồ sơ</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>dừng giải quyết</translation>
    </message>
    <message>
        <source>apology letter</source>
        <translation>thư xin lỗi</translation>
    </message>
    <message>
        <source>log sealed with a key</source>
        <translation>niêm phong nhật ký bằng khóa</translation>
    </message>
    <message>
        <source>undone: {action}</source>
        <translation>hoàn tác: {action}</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký kiểm tra (audit)</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Đang kiểm tra nhật ký…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Latest {n} entries:</source>
        <translation>{n} mục nhật ký mới nhất:</translation>
    </message>
    <message>
        <source>{n} findings: the log or the dossiers were changed outside the program.</source>
        <translation>Phát hiện {n} sai lệch: nhật ký hoặc hồ sơ đã bị sửa ngoài chương trình.</translation>
    </message>
    <message>
        <source>No discrepancy found ({checked} dossiers checked against their snapshots, {rows} data rows against their seals).</source>
        <translation>Không phát hiện sai lệch (đã đối chiếu {checked} hồ sơ với ảnh chụp trong nhật ký, {rows} dòng dữ liệu với dấu niêm phong).</translation>
    </message>
    <message>
        <source>No discrepancy found</source>
        <translation>Không phát hiện sai lệch</translation>
    </message>
    <message>
        <source>Current head of the log (note it down elsewhere): {head}</source>
        <translation>Đầu chuỗi nhật ký hiện tại (ghi lại ở nơi khác): {head}</translation>
    </message>
    <message>
        <source>(the program)</source>
        <translation>(chương trình)</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Automatic backup: {file}</source>
        <translation>Đã tự động sao lưu: {file}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {why}</source>
        <translation>Không tự động sao lưu được: {why}</translation>
    </message>
</context>
<context>
    <name>BackupTable</name>
    <message>
        <source>At start-up</source>
        <translation>Khi mở chương trình</translation>
    </message>
    <message>
        <source>Automatic (30 minutes)</source>
        <translation>Tự động (30 phút)</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Trước khi nhập dữ liệu</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>Before a program update</source>
        <translation>Trước khi nâng cấp chương trình</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <source>Latest dossier</source>
        <translation>Hồ sơ mới nhất</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
</context>
<context>
    <name>CheckFlow</name>
    <message>
        <source>Check the database</source>
        <translation>Kiểm tra cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Đang kiểm tra cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database is damaged:
{findings}

Restore the latest good backup.</source>
        <translation>Cơ sở dữ liệu có lỗi:
{findings}
Hãy khôi phục bản sao lưu tốt gần nhất.</translation>
    </message>
    <message>
        <source>The database is sound.
{what}</source>
        <translation>Cơ sở dữ liệu nguyên vẹn.
{what}</translation>
    </message>
    <message>
        <source>Bring the missing or damaged files back from the backups now? The dossiers' data is not touched.</source>
        <translation>Đưa lại ngay các tệp thiếu hoặc hỏng từ bản sao lưu? Dữ liệu hồ sơ không bị đụng tới.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Không có gì phải làm.</translation>
    </message>
    <message>
        <source>Bringing files back…</source>
        <translation>Đang đưa tệp trở lại…</translation>
    </message>
    <message>
        <source>Remove the stray and leftover files now? Files written within the last hour are kept.</source>
        <translation>Xóa ngay các tệp thừa và tệp tạm còn sót? Tệp mới ghi trong một giờ qua được giữ lại.</translation>
    </message>
    <message>
        <source>Removing stray files…</source>
        <translation>Đang xóa tệp thừa…</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>Checking the database…</source>
        <translation>Đang kiểm tra cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The database file {file} is damaged and cannot be opened safely:
{findings}

Restore the latest good backup, or quit and call your administrator. The damaged file is kept as a safety copy before anything is restored.</source>
        <translation>Tệp cơ sở dữ liệu {file} bị hỏng, không thể mở an toàn:
{findings}

Hãy khôi phục bản sao lưu tốt gần nhất, hoặc thoát và báo cho người quản trị. Tệp hỏng được giữ lại thành một bản an toàn trước khi khôi phục.</translation>
    </message>
    <message>
        <source>No backup was found in {folder}. Choose a backup file (for example on a USB stick).</source>
        <translation>Không tìm thấy bản sao lưu nào trong {folder}. Hãy chọn một tệp sao lưu (ví dụ trên USB).</translation>
    </message>
    <message>
        <source>Leader or administrator:</source>
        <translation>Lãnh đạo hoặc quản trị:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Sign in with the accounts as they were when the backup was taken.</source>
        <translation>Đăng nhập bằng tài khoản như lúc bản sao lưu được tạo.</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <source>Choose a backup file…</source>
        <translation>Chọn tệp sao lưu khác…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>Bản sao lưu (*.sqlite3)</translation>
    </message>
    <message>
        <source>Select a readable backup first.</source>
        <translation>Hãy chọn một bản sao lưu đọc được.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>The database was restored from {file} ({count} dossiers).
The damaged file was kept as {copy}.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ {file} ({count} hồ sơ).
Tệp hỏng được giữ tại {copy}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. The current data is first kept as a safety copy; everything entered after the chosen backup will no longer be in the program. The program closes after the restore: start it again.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại được giữ lại thành một bản an toàn trước; mọi thứ nhập sau thời điểm của bản đã chọn sẽ không còn trong chương trình. Chương trình sẽ đóng sau khi khôi phục: hãy mở lại.</translation>
    </message>
    <message>
        <source>No backup yet in {folder}.</source>
        <translation>Chưa có bản sao lưu nào trong {folder}.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
    <message>
        <source>Restore the backup taken at {when} ({count} dossiers, latest {code})?
The program will close afterwards.</source>
        <translation>Khôi phục bản sao lưu lúc {when} ({count} hồ sơ, mới nhất {code})?
Chương trình sẽ đóng sau khi khôi phục.</translation>
    </message>
</context>
<context>
    <name>SafetyMenu</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sao lưu ngay…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Check the &amp;database</source>
        <translation>Kiểm tra &amp;cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Second backup folder…</source>
        <translation>&amp;Thư mục sao lưu thứ hai…</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Nhật ký kiểm tra (audit)</translation>
    </message>
    <message>
        <source>The database was backed up to:
{path}</source>
        <translation>Đã sao lưu cơ sở dữ liệu vào:
{path}</translation>
    </message>
    <message>
        <source>Second copy:
{path}</source>
        <translation>Bản thứ hai:
{path}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>The data was restored from {file}.
The previous data was kept as {copy}.

{files}The program now closes, because every tab still shows the old data. Start it again.</source>
        <translation>Đã khôi phục dữ liệu từ {file}.
Dữ liệu trước đó được giữ tại {copy}.

{files}Chương trình sẽ đóng vì các thẻ vẫn đang hiển thị dữ liệu cũ. Hãy mở lại chương trình.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
</context>
<context>
    <name>SafetyStartup</name>
    <message>
        <source>Start-up backup: {file}</source>
        <translation>Đã sao lưu khi mở chương trình: {file}</translation>
    </message>
    <message>
        <source>Start-up backup failed: {why}</source>
        <translation>Không sao lưu được khi mở chương trình: {why}</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The program closes now. Start it again.</source>
        <translation>Chương trình sẽ đóng bây giờ. Hãy mở lại.</translation>
    </message>
</context>
<context>
    <name>SecondFolderDialog</name>
    <message>
        <source>Second backup folder</source>
        <translation>Thư mục sao lưu thứ hai</translation>
    </message>
    <message>
        <source>Every backup is also copied into this folder, for example on a USB stick kept away from the computer. When the folder is missing (stick not plugged in) the main copy is still made.</source>
        <translation>Mỗi bản sao lưu được chép thêm vào thư mục này, ví dụ một USB cất riêng khỏi máy tính. Khi không có thư mục (chưa cắm USB), bản chính vẫn được tạo.</translation>
    </message>
    <message>
        <source>No second folder</source>
        <translation>Không dùng thư mục thứ hai</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
</context>
</TS>
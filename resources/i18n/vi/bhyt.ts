<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>BhytTab</name>
    <message>
        <source>coverage</source>
        <translation>tỷ lệ bao phủ</translation>
    </message>
    <message>
        <source>gap to target</source>
        <translation>số còn thiếu so với chỉ tiêu</translation>
    </message>
    <message>
        <source>change</source>
        <translation>tăng/giảm so với tháng trước</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên đơn vị</translation>
    </message>
    <message>
        <source>Import sheet…</source>
        <translation>Nhập bảng số liệu…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>Undo last edit</source>
        <translation>Hoàn tác lần sửa cuối</translation>
    </message>
    <message>
        <source>Set target…</source>
        <translation>Đặt chỉ tiêu…</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Tháng:</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Sắp xếp theo:</translation>
    </message>
    <message>
        <source>Coverage: green from 95 %, light green from 85 %, yellow below 85 %. Target and gap: green when the unit reached its own target, red when not. Double-click a count to correct it.</source>
        <translation>Tỷ lệ bao phủ: xanh đậm từ 95 %, xanh nhạt từ 85 %, vàng dưới 85 %. Chỉ tiêu và số còn thiếu: xanh khi đơn vị đạt chỉ tiêu của mình, đỏ khi chưa đạt. Nhấp đúp vào một số để sửa.</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Bảo hiểm y tế</translation>
    </message>
    <message>
        <source>Value refused</source>
        <translation>Giá trị không hợp lệ</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Hoàn tác: {what}</translation>
    </message>
    <message>
        <source>No BHYT figures yet. Import the monthly sheet of the social insurance office.</source>
        <translation>Chưa có số liệu BHYT. Hãy nhập bảng số liệu hằng tháng của cơ quan bảo hiểm xã hội.</translation>
    </message>
    <message>
        <source>{parent}, month {month}</source>
        <translation>{parent}, tháng {month}</translation>
    </message>
    <message>
        <source>(data as of {date})</source>
        <translation>(số liệu đến ngày {date})</translation>
    </message>
    <message>
        <source>{insured} of {population} residents insured, coverage {coverage}</source>
        <translation>{insured}/{population} người dân tham gia BHYT, đạt tỷ lệ {coverage}</translation>
    </message>
    <message>
        <source>target {target}: {people} more people needed</source>
        <translation>chỉ tiêu {target}: còn thiếu {people} người</translation>
    </message>
    <message>
        <source>target {target} reached</source>
        <translation>đã đạt chỉ tiêu {target}</translation>
    </message>
    <message>
        <source>up</source>
        <translation>tăng</translation>
    </message>
    <message>
        <source>down</source>
        <translation>giảm</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>{word} {points} points on last month ({previous})</source>
        <translation>{word} {points} điểm % so với tháng trước ({previous})</translation>
    </message>
    <message>
        <source>{n} of {total} units below their target.</source>
        <translation>{n}/{total} đơn vị chưa đạt chỉ tiêu.</translation>
    </message>
    <message>
        <source>{n} of {total} unit below its target.</source>
        <translation>{n}/{total} đơn vị chưa đạt chỉ tiêu.</translation>
    </message>
    <message>
        <source>{unit}: coverage month by month</source>
        <translation>{unit}: tỷ lệ bao phủ qua các tháng</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Đã hoàn tác: {what}</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Coverage target of {unit} for {year} (%):</source>
        <translation>Chỉ tiêu tỷ lệ bao phủ của {unit} năm {year} (%):</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
</context>
<context>
    <name>BhytTableModel</name>
    <message>
        <source>The sum of the groups: change the group columns and the total follows.</source>
        <translation>Tổng số của các nhóm đối tượng: sửa ở các cột nhóm, tổng số tự cập nhật theo.</translation>
    </message>
    <message>
        <source>Rank</source>
        <extracomment>a value the service refused: the message to show (the cell keeps its old value)</extracomment>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
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
        <source>Gap (people)</source>
        <translation>Còn thiếu (người)</translation>
    </message>
    <message>
        <source>Gap (points)</source>
        <translation>Còn thiếu (điểm %)</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>So tháng trước (điểm %)</translation>
    </message>
    <message>
        <source>Insured / population × 100. Green from 95 %, light green from 85 %.</source>
        <translation>Số người tham gia / dân số × 100. Xanh đậm từ 95 %, xanh nhạt từ 85 %.</translation>
    </message>
    <message>
        <source>People still to insure to reach the unit's target for the year.</source>
        <translation>Số người cần vận động thêm để đạt chỉ tiêu năm của đơn vị.</translation>
    </message>
    <message>
        <source>Target minus coverage, in percentage points.</source>
        <translation>Chỉ tiêu trừ tỷ lệ bao phủ, tính bằng điểm phần trăm.</translation>
    </message>
    <message>
        <source>Coverage minus last month's coverage, in percentage points.</source>
        <translation>Tỷ lệ bao phủ trừ tỷ lệ tháng trước, tính bằng điểm phần trăm.</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>NLĐ và SDLĐ đóng</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>Tổ chức BHXH đóng</translation>
    </message>
    <message>
        <source>State budget</source>
        <translation>NSNN đóng</translation>
    </message>
    <message>
        <source>Budget-supported</source>
        <translation>NSNN hỗ trợ</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Total: {unit}</source>
        <translation>Toàn {unit}</translation>
    </message>
    <message>
        <source>Source: {source}, as of {date}</source>
        <translation>Nguồn: {source}, ngày {date}</translation>
    </message>
    <message>
        <source>Target of {target} reached.</source>
        <translation>Đã đạt chỉ tiêu {target}.</translation>
    </message>
    <message>
        <source>Below the target of {target}: {people} more people needed.</source>
        <translation>Chưa đạt chỉ tiêu {target}: còn thiếu {people} người.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the monthly BHYT sheet</source>
        <translation>Nhập bảng số liệu BHYT hằng tháng</translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV file from the social insurance office</source>
        <translation>Tệp Excel (.xlsx) hoặc CSV của cơ quan bảo hiểm xã hội</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Data as of:</source>
        <translation>Số liệu đến ngày:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Tháng:</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>không tìm thấy</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Dòng tiêu đề:</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Dân số</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>Số người tham gia BHYT</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <source>Choose the BHYT sheet</source>
        <translation>Chọn bảng số liệu BHYT</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>Đang đọc bảng số liệu…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Ready to import: {summary}.</source>
        <translation>Sẵn sàng nhập: {summary}.</translation>
    </message>
    <message>
        <source>Nothing can be imported until these rows are corrected:</source>
        <translation>Chưa nhập được gì cho đến khi sửa các dòng sau:</translation>
    </message>
    <message>
        <source>Replace the month?</source>
        <translation>Thay số liệu của tháng?</translation>
    </message>
    <message>
        <source>Replace them?</source>
        <translation>Thay bằng số liệu mới?</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>{n} units imported for {month} (data as of {cutoff}).</source>
        <translation>Đã nhập số liệu của {n} đơn vị, tháng {month} (số liệu đến ngày {cutoff}).</translation>
    </message>
    <message>
        <source>{n} unit imported for {month} (data as of {cutoff}).</source>
        <translation>Đã nhập số liệu của {n} đơn vị, tháng {month} (số liệu đến ngày {cutoff}).</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>Month {month}</source>
        <translation>Tháng {month}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Select a unit to see its coverage month by month.</source>
        <translation>Chọn một đơn vị để xem tỷ lệ bao phủ qua các tháng.</translation>
    </message>
    <message>
        <source>target</source>
        <translation>chỉ tiêu</translation>
    </message>
</context>
</TS>
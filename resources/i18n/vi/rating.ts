<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>CitizenScreenToggle</name>
    <message>
        <source>Rating screen for citizens</source>
        <translation>Màn hình đánh giá cho người dân</translation>
    </message>
    <message>
        <source>Shows the rating buttons to the citizen on a second screen. This computer has one screen now: the rating is asked at the counter.</source>
        <translation>Hiện các nút đánh giá cho người dân trên màn hình thứ hai. Máy này hiện chỉ có một màn hình: việc đánh giá được hỏi tại quầy.</translation>
    </message>
    <message>
        <source>Shows the rating buttons to the citizen on the second screen.</source>
        <translation>Hiện các nút đánh giá cho người dân trên màn hình thứ hai.</translation>
    </message>
</context>
<context>
    <name>CitizenWindow</name>
    <message>
        <source>Rate our service</source>
        <translation>Đánh giá sự phục vụ</translation>
    </message>
    <message>
        <source>Are you satisfied with the service you received?</source>
        <translation>Ông/Bà có hài lòng với sự phục vụ hôm nay không?</translation>
    </message>
    <message>
        <source>Dossier {code}: touch one of the three buttons.</source>
        <translation>Hồ sơ {code}: xin chạm vào một trong ba nút.</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>Cảm ơn Ông/Bà đã đánh giá!</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Citizen's rating of dossier {code}</source>
        <translation>Người dân đánh giá hồ sơ {code}</translation>
    </message>
    <message>
        <source>Ask the citizen how satisfied they are with the service: press 1, 2 or 3. Esc if the citizen declines to rate.</source>
        <translation>Hỏi người dân về mức độ hài lòng với sự phục vụ: bấm 1, 2 hoặc 3. Bấm Esc nếu người dân không muốn đánh giá.</translation>
    </message>
    <message>
        <source>The citizen can also answer on the screen facing them.</source>
        <translation>Người dân cũng có thể chọn trên màn hình đặt trước mặt họ.</translation>
    </message>
    <message>
        <source>Optional: leave empty if the citizen gives no reason</source>
        <translation>Không bắt buộc: để trống nếu người dân không nêu lý do</translation>
    </message>
    <message>
        <source>Save the rating</source>
        <translation>Lưu đánh giá</translation>
    </message>
    <message>
        <source>The citizen declines (Esc)</source>
        <translation>Người dân không đánh giá (Esc)</translation>
    </message>
    <message>
        <source>The citizen chose “{level}”. Why? (optional)</source>
        <translation>Người dân chọn “{level}”. Vì sao? (không bắt buộc)</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error occurred; nothing was saved.</source>
        <translation>Đã xảy ra lỗi không lường trước; chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cannot open the PDF file {path}.</source>
        <translation>Không mở được tệp PDF {path}.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>{n} trang</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>In {name}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
</TS>
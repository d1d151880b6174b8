<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Capsule Studio</source>
        <translation>欢迎使用 Capsule Studio</translation>
    </message>
    <message>
        <source>Build private assistants that run on your own machine.</source>
        <translation>构建在你自己的电脑上运行的私人助手。</translation>
    </message>
</context>
</TS>

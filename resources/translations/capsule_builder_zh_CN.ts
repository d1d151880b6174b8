<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuilderPage</name>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
</context>
</TS>

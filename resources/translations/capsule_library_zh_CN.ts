<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search GPTs</source>
        <translation>搜索 GPT</translation>
    </message>
    <message>
        <source>New GPT</source>
        <translation>新建 GPT</translation>
    </message>
    <message>
        <source>Create a new GPT</source>
        <translation>创建新的 GPT</translation>
    </message>
    <message>
        <source>GPTs</source>
        <translation>GPT 列表</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreTexts</name>
    <message>
        <source>Model file not found: {path}</source>
        <translation>找不到模型文件：{path}</translation>
    </message>
    <message>
        <source>No GPT with id &apos;{gpt_id}&apos;.</source>
        <translation>没有 ID 为“{gpt_id}”的 GPT。</translation>
    </message>
    <message>
        <source>No run with id &apos;{run_id}&apos;.</source>
        <translation>没有 ID 为“{run_id}”的运行记录。</translation>
    </message>
    <message>
        <source>No thread with id &apos;{thread_id}&apos;.</source>
        <translation>没有 ID 为“{thread_id}”的对话。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes): download it again.</source>
        <translation>{name} 是空文件（0 字节）：请重新下载。</translation>
    </message>
</context>
</TS>

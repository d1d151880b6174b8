<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CopyStrip</name>
    <message>
        <source>Copying progress</source>
        <translation>复制进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel copying the GPT</source>
        <translation>取消复制 GPT</translation>
    </message>
    <message>
        <source>A GPT is still being copied: wait for it, or cancel it first.</source>
        <translation>还有一个 GPT 正在复制，请等它完成或先取消。</translation>
    </message>
    <message>
        <source>Copying “%1”: %2 of %3 knowledge files</source>
        <translation>正在复制“%1”：知识文件 %2/%3</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>No model chosen</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>请选择模型</translation>
    </message>
    <message>
        <source>Model missing</source>
        <translation>模型缺失</translation>
    </message>
    <message>
        <source>Model unusable</source>
        <translation>模型不可用</translation>
    </message>
    <message>
        <source>Provider not set up</source>
        <translation>服务商未设置</translation>
    </message>
    <message>
        <source>API key not set</source>
        <translation>未设置 API 密钥</translation>
    </message>
    <message>
        <source>Choose a model for this GPT in its builder.</source>
        <translation>请在构建页为这个 GPT 选择模型。</translation>
    </message>
    <message>
        <source>The model “%1” is not in the model folders: download or import it, or choose another model.</source>
        <translation>模型文件夹中没有“%1”：请下载或导入它，或者换一个模型。</translation>
    </message>
    <message>
        <source>The model file “%1” cannot be used.</source>
        <translation>模型文件“%1”无法使用。</translation>
    </message>
    <message>
        <source>There is no provider called “%1”: add it in Settings.</source>
        <translation>没有名为“%1”的服务商，请在设置中添加。</translation>
    </message>
    <message>
        <source>The provider “%1” needs an API key: set it in Settings.</source>
        <translation>服务商“%1”需要 API 密钥，请在设置中填写。</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search GPTs</source>
        <translation>搜索 GPT</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>New GPT</source>
        <translation>新建 GPT</translation>
    </message>
    <message>
        <source>Create a blank GPT, or start from a template</source>
        <translation>新建空白 GPT，或从模板开始</translation>
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
        <source>Delete GPT</source>
        <translation>删除 GPT</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Blank GPT</source>
        <translation>空白 GPT</translation>
    </message>
    <message>
        <source>From a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>GPT actions</source>
        <translation>GPT 操作</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New blank GPT</source>
        <translation>新建空白 GPT</translation>
    </message>
    <message>
        <source>Import a GPT…</source>
        <translation>导入 GPT…</translation>
    </message>
    <message>
        <source>New from a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>No GPTs yet. Create one with “New GPT”.</source>
        <translation>还没有 GPT。点击“新建 GPT”创建一个。</translation>
    </message>
    <message>
        <source>No GPT matches “%1”.</source>
        <translation>没有与“%1”匹配的 GPT。</translation>
    </message>
</context>
</TS>

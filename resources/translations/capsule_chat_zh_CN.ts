<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Chat</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>未写完</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>思考了 %1 秒</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>图片：%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>%1 (for search)</source>
        <translation>%1（用于检索）</translation>
    </message>
    <message>
        <source>%1 (for code)</source>
        <translation>%1（用于代码）</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
    <message>
        <source>Loading the model… %1%</source>
        <translation>正在加载模型… %1%</translation>
    </message>
    <message>
        <source>Using tools…</source>
        <translation>正在使用工具…</translation>
    </message>
    <message>
        <source>Waiting for your answer…</source>
        <translation>等待你的答复…</translation>
    </message>
</context>
<context>
    <name>ChatActivity</name>
    <message>
        <source>Searching knowledge…</source>
        <translation>正在检索知识库…</translation>
    </message>
    <message>
        <source>Searched knowledge: 1 result</source>
        <translation>检索了知识库：1 条结果</translation>
    </message>
    <message>
        <source>Searched knowledge: %1 results</source>
        <translation>检索了知识库：%1 条结果</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation>查询：%1</translation>
    </message>
    <message>
        <source>%1: not allowed to reach %2</source>
        <translation>%1：未获准访问 %2</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>正在调用 %1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1 → %2 in %3 ms</source>
        <translation>%1 → %2，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>Called %1</source>
        <translation>调用了 %1</translation>
    </message>
    <message>
        <source>Searched the web: 1 result</source>
        <translation>搜索了网页：1 条结果</translation>
    </message>
    <message>
        <source>Searched the web: %1 results</source>
        <translation>搜索了网页：%1 条结果</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>阅读了 %1</translation>
    </message>
    <message>
        <source>Made 1 image</source>
        <translation>生成了 1 张图片</translation>
    </message>
    <message>
        <source>Made %1 images</source>
        <translation>生成了 %1 张图片</translation>
    </message>
    <message>
        <source>Running code…</source>
        <translation>正在运行代码…</translation>
    </message>
    <message>
        <source>Ran code: it failed</source>
        <translation>运行了代码：出错了</translation>
    </message>
    <message>
        <source>1 plot</source>
        <translation>1 张图表</translation>
    </message>
    <message>
        <source>%1 plots</source>
        <translation>%1 张图表</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 个文件</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>Ran code: %1</source>
        <translation>运行了代码：%1</translation>
    </message>
    <message>
        <source>Ran code</source>
        <translation>运行了代码</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Consent for %1: %2</source>
        <translation>%1 的授权：%2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>… (cut here; the playground shows it all)</source>
        <translation>…（此处截断，完整内容请在调试台查看）</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>What the assistant is doing</source>
        <translation>助手当前的状态</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation>编辑后重新发送</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>No program here opens %1; it is at %2.</source>
        <translation>没有可以打开 %1 的程序；文件位于 %2。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message the GPT (Enter sends, Shift+Enter: new line)</source>
        <translation>给 GPT 发消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <source>Attach files to the message</source>
        <translation>为消息添加附件</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending replaces it and what followed.</source>
        <translation>正在编辑之前的消息：发送后将替换它及其后的对话。</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the answer (Escape)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>for code</source>
        <translation>用于代码</translation>
    </message>
    <message>
        <source>for search</source>
        <translation>用于检索</translation>
    </message>
    <message>
        <source>Attachment %1, %2</source>
        <translation>附件 %1，%2</translation>
    </message>
    <message>
        <source>For the code interpreter (the conversation&apos;s files)</source>
        <translation>用于代码解释器（对话的文件）</translation>
    </message>
    <message>
        <source>For search (the conversation&apos;s knowledge)</source>
        <translation>用于检索（对话的知识库）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ConsentPrompt</name>
    <message>
        <source>A tool asks to reach a website</source>
        <translation>有工具请求访问网站</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>允许一次</translation>
    </message>
    <message>
        <source>Always allow for this GPT</source>
        <translation>始终允许此 GPT</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; wants to send a request to &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 想要向 &lt;b&gt;%2&lt;/b&gt; 发送请求。</translation>
    </message>
    <message>
        <source>%1 has not called %2 before. Nothing is sent until you answer; if you deny, the assistant is told and carries on without it.</source>
        <translation>%1 之前没有调用过 %2。在你答复之前不会发送任何内容；如果拒绝，助手会收到通知并在没有它的情况下继续。</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export or import a conversation</source>
        <translation>导出或导入对话</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Import a conversation…</source>
        <translation>导入对话…</translation>
    </message>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>请先打开一个对话再导出。</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>思考了 %1 秒</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>图片：%1</translation>
    </message>
    <message>
        <source>Exported from Capsule Studio on %1.</source>
        <translation>于 %1 从 Capsule Studio 导出。</translation>
    </message>
    <message>
        <source>Import a conversation</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Exported conversations (*.json)</source>
        <translation>导出的对话 (*.json)</translation>
    </message>
</context>
<context>
    <name>RunErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ask the question again</source>
        <translation>重新提问</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source of a citation</source>
        <translation>引用来源</translation>
    </message>
    <message>
        <source>Close the source</source>
        <translation>关闭来源</translation>
    </message>
    <message>
        <source>The cited excerpt</source>
        <translation>被引用的片段</translation>
    </message>
    <message>
        <source>Source [%1]</source>
        <translation>来源 [%1]</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Open at page %1</source>
        <translation>打开到第 %1 页</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Score: not recorded</source>
        <translation>得分：未记录</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>语义</translation>
    </message>
</context>
<context>
    <name>Starters</name>
    <message>
        <source>Ask: %1</source>
        <translation>提问：%1</translation>
    </message>
    <message>
        <source>Pick a starter, or write a message below.</source>
        <translation>选一个开场白，或在下方输入消息。</translation>
    </message>
    <message>
        <source>Write a message below to start the conversation.</source>
        <translation>在下方输入消息，开始对话。</translation>
    </message>
</context>
<context>
    <name>ThreadsPane</name>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>开始新对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
</context>
</TS>

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
<context>
    <name>CreatePane</name>
    <message>
        <source>The builder&apos;s model</source>
        <translation>创建助手使用的模型</translation>
    </message>
    <message>
        <source>a local model, or provider:model</source>
        <translation>本地模型，或 提供方:模型</translation>
    </message>
    <message>
        <source>This GPT&apos;s model</source>
        <translation>此 GPT 的模型</translation>
    </message>
    <message>
        <source>Builder model</source>
        <translation>创建助手模型</translation>
    </message>
    <message>
        <source>Builder status</source>
        <translation>创建助手状态</translation>
    </message>
    <message>
        <source>Describe the GPT you want, e.g. “helps me plan healthy weekly meals”</source>
        <translation>描述你想要的 GPT，例如“帮我规划一周的健康饮食”</translation>
    </message>
    <message>
        <source>Message to the builder</source>
        <translation>发给创建助手的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send to the builder (Ctrl+Enter)</source>
        <translation>发送给创建助手（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the builder</source>
        <translation>停止创建助手</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>建议的修改</translation>
    </message>
    <message>
        <source>Proposed value (edit it before applying)</source>
        <translation>建议的内容（可在应用前修改）</translation>
    </message>
    <message>
        <source>Proposed value</source>
        <translation>建议的内容</translation>
    </message>
    <message>
        <source>Apply to the form</source>
        <translation>应用到表单</translation>
    </message>
    <message>
        <source>Apply the ticked changes to the form</source>
        <translation>将勾选的修改应用到表单</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Discard the proposal</source>
        <translation>放弃这份建议</translation>
    </message>
    <message>
        <source>The builder is thinking…</source>
        <translation>创建助手正在思考…</translation>
    </message>
    <message>
        <source>Loading the model… %1%</source>
        <translation>正在加载模型… %1%</translation>
    </message>
    <message>
        <source>Writing a proposal… %1 characters</source>
        <translation>正在撰写建议… 已写 %1 个字符</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>（无消息）</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The builder proposes no change to the form.</source>
        <translation>创建助手没有建议修改表单。</translation>
    </message>
    <message>
        <source>Applied %1 change(s) to the form.</source>
        <translation>已将 %1 处修改应用到表单。</translation>
    </message>
</context>
<context>
    <name>KnowledgeBatch</name>
    <message>
        <source>%1 indexed</source>
        <translation>已索引 %1 个</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 个未变</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>stopped before the rest</source>
        <translation>其余文件未处理即已停止</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>完成：%1。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Indexing %1 (file %2 of %3)</source>
        <translation>正在索引 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
</context>
<context>
    <name>KnowledgeFilesModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>片段数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>KnowledgeFilesPane</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add files to the knowledge</source>
        <translation>向知识库添加文件</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a folder to the knowledge</source>
        <translation>向知识库添加文件夹</translation>
    </message>
    <message>
        <source>Re-index</source>
        <translation>重新索引</translation>
    </message>
    <message>
        <source>Index the selected files again</source>
        <translation>重新索引所选文件</translation>
    </message>
    <message>
        <source>Index the selected files again, or every file when none is selected.</source>
        <translation>重新索引所选文件；未选择时重新索引全部文件。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected files</source>
        <translation>移除所选文件</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop indexing</source>
        <translation>停止索引</translation>
    </message>
    <message>
        <source>Drop files or folders here, or add them with the buttons above.</source>
        <translation>将文件或文件夹拖到这里，或用上方按钮添加。</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>索引进度</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>索引状态</translation>
    </message>
    <message>
        <source>Knowledge files</source>
        <translation>知识库文件</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>文档（%1）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a GPT first: files become the open GPT&apos;s knowledge.</source>
        <translation>请先打开一个 GPT：文件会加入当前 GPT 的知识库。</translation>
    </message>
    <message>
        <source>These files will be indexed after the current ones.</source>
        <translation>这些文件将在当前文件处理完后索引。</translation>
    </message>
    <message>
        <source>Fix the knowledge settings first, then add the files.</source>
        <translation>请先修正知识库设置，再添加文件。</translation>
    </message>
    <message>
        <source>Remove files</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Remove %1 from this GPT&apos;s knowledge? The files on your disk stay.</source>
        <translation>要从此 GPT 的知识库中移除 %1 吗？磁盘上的文件不受影响。</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>Files cannot be removed while indexing; try again after.</source>
        <translation>索引进行中，暂时不能移除文件；请在完成后再试。</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>当前文件完成后停止…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
<context>
    <name>KnowledgeSearchBox</name>
    <message>
        <source>Type what a user might ask…</source>
        <translation>输入用户可能会问的问题…</translation>
    </message>
    <message>
        <source>Test search query</source>
        <translation>测试搜索的查询</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Run the test search</source>
        <translation>运行测试搜索</translation>
    </message>
    <message>
        <source>Test search results</source>
        <translation>测试搜索结果</translation>
    </message>
    <message>
        <source>Fix the knowledge settings above first.</source>
        <translation>请先修正上方的知识库设置。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or lower the minimum score.</source>
        <translation>没有找到结果。换个说法试试，或调低最低分数。</translation>
    </message>
    <message>
        <source>%1 pieces found, best first.</source>
        <translation>找到 %1 个片段，按相关度排序。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>得分 %1</translation>
    </message>
</context>
<context>
    <name>KnowledgeSection</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Test search</source>
        <translation>测试搜索</translation>
    </message>
</context>
<context>
    <name>KnowledgeSettingsForm</name>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Keywords only (BM25)</source>
        <translation>仅关键词（BM25）</translation>
    </message>
    <message>
        <source>Keywords and meaning (hybrid)</source>
        <translation>关键词加语义（混合）</translation>
    </message>
    <message>
        <source>None, or provider:model</source>
        <translation>不使用，或 提供方:模型</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>片段大小</translation>
    </message>
    <message>
        <source>How much text each searchable piece holds; smaller finds details.</source>
        <translation>每个可检索片段包含的文本量；越小越能找到细节。</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Text shared by neighbouring pieces, so no sentence is cut in two.</source>
        <translation>相邻片段共享的文本，避免句子被截断。</translation>
    </message>
    <message>
        <source>Pieces per answer</source>
        <translation>每次回答的片段数</translation>
    </message>
    <message>
        <source>How many pieces the GPT reads before each answer (top-k).</source>
        <translation>GPT 每次回答前读取的片段数量（top-k）。</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>最低分数</translation>
    </message>
    <message>
        <source>Pieces scoring below this are left out; 0 keeps every match.</source>
        <translation>低于此分数的片段会被舍弃；0 表示保留所有匹配。</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>检索方式</translation>
    </message>
    <message>
        <source>Automatic uses meaning as well as keywords once there are embeddings.</source>
        <translation>“自动”在有向量嵌入后会同时按语义和关键词检索。</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <source>Lets search match meaning, not only words; changing it needs a re-index.</source>
        <translation>让检索能匹配语义而不只是字词；更换后需要重新索引。</translation>
    </message>
    <message>
        <source>None (keyword search only)</source>
        <translation>不使用（仅关键词检索）</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Conversation starters</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>代码解释器</translation>
    </message>
    <message>
        <source>Web browsing</source>
        <translation>网页浏览</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Conversation with the builder</source>
        <translation>与创建助手的对话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>创建助手</translation>
    </message>
    <message>
        <source>Tell the builder what this GPT should do. It proposes a name, a description, instructions, conversation starters and capabilities; you choose what goes into the form.</source>
        <translation>告诉创建助手这个 GPT 要做什么。它会建议名称、简介、指令、开场白和功能，由你决定哪些写入表单。</translation>
    </message>
</context>
</TS>

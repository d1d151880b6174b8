<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Playground</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>等待你操作</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
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
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>GPT version</source>
        <translation>GPT 版本</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Tool choice</source>
        <translation>工具选择</translation>
    </message>
    <message>
        <source>Truncation</source>
        <translation>截断</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词 token</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>生成 token</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个 token 用时</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <source>Tools offered</source>
        <translation>提供的工具</translation>
    </message>
    <message>
        <source>Messages dropped</source>
        <translation>丢弃的消息</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Fused scores</source>
        <translation>融合得分</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Tool output</source>
        <translation>工具输出</translation>
    </message>
    <message>
        <source>allowed once</source>
        <translation>已允许一次</translation>
    </message>
    <message>
        <source>always allowed</source>
        <translation>始终允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Knowledge search</source>
        <translation>知识检索</translation>
    </message>
    <message>
        <source>Model call</source>
        <translation>模型调用</translation>
    </message>
    <message>
        <source>Tool calls: %1</source>
        <translation>工具调用：%1</translation>
    </message>
    <message>
        <source>&lt;1 ms</source>
        <translation>&lt;1 毫秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>Run again with…</source>
        <translation>换设置再运行…</translation>
    </message>
    <message>
        <source>The same message on the same history, with these settings:
“%1”</source>
        <translation>在相同的历史上发送同一条消息，使用以下设置：
“%1”</translation>
    </message>
    <message>
        <source>In this thread, beside the first run</source>
        <translation>在本会话中，与第一次运行并列</translation>
    </message>
    <message>
        <source>Run again in this thread</source>
        <translation>在本会话中再次运行</translation>
    </message>
    <message>
        <source>In a copy of the thread</source>
        <translation>在会话的副本中</translation>
    </message>
    <message>
        <source>Run again in a copy of the thread</source>
        <translation>在会话副本中再次运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Start the run</source>
        <translation>开始运行</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Left run</source>
        <translation>左侧运行</translation>
    </message>
    <message>
        <source>Right run</source>
        <translation>右侧运行</translation>
    </message>
    <message>
        <source>Left run&apos;s step</source>
        <translation>左侧运行的步骤</translation>
    </message>
    <message>
        <source>Right run&apos;s step</source>
        <translation>右侧运行的步骤</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>(no such step)</source>
        <translation>（无此步骤）</translation>
    </message>
    <message>
        <source>only in one run</source>
        <translation>仅一次运行中有</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>%1 differ: %2</source>
        <translation>%1 项不同：%2</translation>
    </message>
    <message>
        <source>Back to the run</source>
        <translation>返回运行</translation>
    </message>
    <message>
        <source>Close the comparison</source>
        <translation>关闭对比</translation>
    </message>
    <message>
        <source>Settings of both runs</source>
        <translation>两次运行的设置</translation>
    </message>
    <message>
        <source>Aligned steps</source>
        <translation>对齐的步骤</translation>
    </message>
    <message>
        <source>The selected steps compared</source>
        <translation>所选步骤的对比</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt;: %1 · %2 &amp;nbsp; &lt;b&gt;Right&lt;/b&gt;: %3 · %4 &amp;nbsp; — %5 differences</source>
        <translation>&lt;b&gt;左&lt;/b&gt;：%1 · %2 &amp;nbsp; &lt;b&gt;右&lt;/b&gt;：%3 · %4 &amp;nbsp; — 共 %5 处差异</translation>
    </message>
    <message>
        <source>Context window</source>
        <translation>上下文窗口</translation>
    </message>
    <message>
        <source>%1 of %2 tokens used</source>
        <translation>已用 %1 / %2 个 token</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>步骤详情</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>调试台</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Settings for this run</source>
        <translation>本次运行的设置</translation>
    </message>
    <message>
        <source>Message to send (Ctrl+Enter runs it)</source>
        <translation>要发送的消息（Ctrl+Enter 运行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Run the message</source>
        <translation>运行这条消息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>停止运行</translation>
    </message>
    <message>
        <source>The thread&apos;s runs</source>
        <translation>本会话的运行记录</translation>
    </message>
    <message>
        <source>Runs (select two to compare)</source>
        <translation>运行记录（选两条可对比）</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s message again</source>
        <translation>用所选运行的消息再次运行</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compare the two selected runs</source>
        <translation>对比所选的两次运行</translation>
    </message>
    <message>
        <source>Export trace…</source>
        <translation>导出轨迹…</translation>
    </message>
    <message>
        <source>Export the run&apos;s trace as JSON</source>
        <translation>将运行轨迹导出为 JSON</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>打开轨迹…</translation>
    </message>
    <message>
        <source>Open a run&apos;s trace from a file</source>
        <translation>从文件打开运行轨迹</translation>
    </message>
    <message>
        <source>No run yet: type a message on the left and press Run.</source>
        <translation>还没有运行：在左侧输入消息，然后点击“运行”。</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>新会话</translation>
    </message>
    <message>
        <source>Write the output as JSON, such as {&quot;temperature&quot;: 21} or &quot;sunny&quot;.</source>
        <translation>请以 JSON 格式填写输出，例如 {&quot;temperature&quot;: 21} 或 &quot;sunny&quot;。</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>Arguments of %1</source>
        <translation>%1 的参数</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的输出</translation>
    </message>
    <message>
        <source>The tool&apos;s output, as JSON</source>
        <translation>工具的输出（JSON 格式）</translation>
    </message>
    <message>
        <source>Output (JSON)</source>
        <translation>输出（JSON）</translation>
    </message>
    <message>
        <source>Tool outputs to write</source>
        <translation>待填写的工具输出</translation>
    </message>
    <message>
        <source>The run waits for these tool calls&apos; outputs. Write each as JSON and submit.</source>
        <translation>运行正在等待这些工具调用的输出。请逐个以 JSON 格式填写后提交。</translation>
    </message>
    <message>
        <source>Submit outputs</source>
        <translation>提交输出</translation>
    </message>
    <message>
        <source>Submit the tool outputs and go on</source>
        <translation>提交工具输出并继续运行</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>允许一次</translation>
    </message>
    <message>
        <source>Allow this call once</source>
        <translation>允许本次调用</translation>
    </message>
    <message>
        <source>Always allow for this GPT</source>
        <translation>对此 GPT 始终允许</translation>
    </message>
    <message>
        <source>Always allow this host for this GPT</source>
        <translation>对此 GPT 始终允许访问该主机</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Deny this call</source>
        <translation>拒绝本次调用</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; wants to send a request to &lt;b&gt;%2&lt;/b&gt;. Nothing is sent until you answer.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 想向 &lt;b&gt;%2&lt;/b&gt; 发送请求。在你答复之前不会发送任何内容。</translation>
    </message>
    <message>
        <source>Model call summary</source>
        <translation>模型调用概要</translation>
    </message>
    <message>
        <source>Timings of the model call</source>
        <translation>模型调用的耗时</translation>
    </message>
    <message>
        <source>Tokens by part of the prompt</source>
        <translation>提示词各部分的 token 数</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>What the model was sent</source>
        <translation>发送给模型的内容</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>发送的消息</translation>
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation>渲染后的提示词</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>提示词文本</translation>
    </message>
    <message>
        <source>(this provider sends the messages)</source>
        <translation>（此提供方直接发送消息列表）</translation>
    </message>
    <message>
        <source>first token after %1</source>
        <translation>首个 token 用时 %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message>
        <source>Context window: %1 of %2 tokens (%3 %) before the answer</source>
        <translation>上下文窗口：回答前已用 %1 / %2 个 token（%3%）</translation>
    </message>
    <message>
        <source>Estimated: this model&apos;s service does not count each part, so the total it reported is shared out by each part&apos;s size.</source>
        <translation>估算值：该模型服务不分别统计各部分，因此按各部分的大小分摊其报告的总数。</translation>
    </message>
    <message>
        <source>Counted exactly with the model&apos;s own tokenizer.</source>
        <translation>已用模型自带的分词器精确计数。</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>提示词 %1 + 生成 %2 个 token</translation>
    </message>
    <message>
        <source>finish: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <source>tool choice: %1</source>
        <translation>工具选择：%1</translation>
    </message>
    <message>
        <source>truncation dropped %1 messages</source>
        <translation>截断丢弃了 %1 条消息</translation>
    </message>
    <message>
        <source>tools offered: %1</source>
        <translation>提供的工具：%1</translation>
    </message>
    <message>
        <source>%1 of %2 operations picked for this message in %3</source>
        <translation>按本条消息从 %2 个操作中选出 %1 个，用时 %3</translation>
    </message>
    <message>
        <source>%1 layers on the GPU</source>
        <translation>%1 层在 GPU 上</translation>
    </message>
    <message>
        <source>Type a message to send first.</source>
        <translation>请先输入要发送的消息。</translation>
    </message>
    <message>
        <source>Trace saved to %1</source>
        <translation>轨迹已保存到 %1</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>Fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Ranked by each search: %1</source>
        <translation>各检索方式的排名：%1</translation>
    </message>
    <message>
        <source>Retrieved chunks</source>
        <translation>检索到的片段</translation>
    </message>
    <message>
        <source>The chunk&apos;s text</source>
        <translation>片段全文</translation>
    </message>
    <message>
        <source>Searched the knowledge for “%1”: %2 chunks in %3</source>
        <translation>在知识库中检索“%1”：%3 内找到 %2 个片段</translation>
    </message>
    <message>
        <source>Additional instructions</source>
        <translation>附加指令</translation>
    </message>
    <message>
        <source>Tool outputs by hand</source>
        <translation>手动填写工具输出</translation>
    </message>
    <message>
        <source>Run summary</source>
        <translation>运行概要</translation>
    </message>
    <message>
        <source>Choose a run, or start one.</source>
        <translation>请选择一次运行，或开始新的运行。</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion</source>
        <translation>提示词 %1 + 生成 %2</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>%1 (file)</source>
        <translation>%1（文件）</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Read from %1</source>
        <translation>读取自 %1</translation>
    </message>
    <message>
        <source>Runs %1 again</source>
        <translation>再次运行 %1</translation>
    </message>
    <message>
        <source>With its own settings</source>
        <translation>使用了单独的设置</translation>
    </message>
    <message>
        <source>Model for this run</source>
        <translation>本次运行的模型</translation>
    </message>
    <message>
        <source>A local model, or a provider&apos;s model as profile:model</source>
        <translation>本地模型，或以“配置名:模型”表示的提供方模型</translation>
    </message>
    <message>
        <source>GPT version for this run</source>
        <translation>本次运行的 GPT 版本</translation>
    </message>
    <message>
        <source>Temperature for this run</source>
        <translation>本次运行的温度</translation>
    </message>
    <message>
        <source>Tool choice for this run</source>
        <translation>本次运行的工具选择</translation>
    </message>
    <message>
        <source>Truncation for this run</source>
        <translation>本次运行的截断方式</translation>
    </message>
    <message>
        <source>GPT&apos;s setting</source>
        <translation>沿用 GPT 设置</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Last messages</source>
        <translation>保留最近消息</translation>
    </message>
    <message>
        <source>How many messages to keep</source>
        <translation>保留的消息条数</translation>
    </message>
    <message>
        <source>Answer tool calls by hand</source>
        <translation>手动回复工具调用</translation>
    </message>
    <message>
        <source>Answer tool calls by hand in this run</source>
        <translation>本次运行中手动回复工具调用</translation>
    </message>
    <message>
        <source>Added to the GPT&apos;s instructions for this run</source>
        <translation>仅在本次运行中追加到 GPT 的指令之后</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>GPT&apos;s model (%1)</source>
        <translation>GPT 的模型（%1）</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Current (v%1)</source>
        <translation>当前（v%1）</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>GPT&apos;s (%1)</source>
        <translation>沿用 GPT（%1）</translation>
    </message>
    <message>
        <source>GPT&apos;s (auto)</source>
        <translation>沿用 GPT（auto）</translation>
    </message>
    <message>
        <source>auto: the model decides</source>
        <translation>auto：由模型决定</translation>
    </message>
    <message>
        <source>none: no tools</source>
        <translation>none：不使用工具</translation>
    </message>
    <message>
        <source>required: must call a tool</source>
        <translation>required：必须调用工具</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>只用 %1</translation>
    </message>
    <message>
        <source>Timeline (0 – %1)</source>
        <translation>时间线（0 – %1）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>The slowest step of this run</source>
        <translation>本次运行中最慢的步骤</translation>
    </message>
    <message>
        <source>Until the first token</source>
        <translation>等待首个 token</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Tools running</source>
        <translation>工具执行</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>等待你操作</translation>
    </message>
    <message>
        <source>Slowest step</source>
        <translation>最慢的步骤</translation>
    </message>
    <message>
        <source>Run timeline</source>
        <translation>运行时间线</translation>
    </message>
    <message>
        <source>Timeline legend</source>
        <translation>时间线图例</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <source>Tool call %1</source>
        <translation>工具调用 %1</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>已询问</translation>
    </message>
    <message>
        <source>remembered</source>
        <translation>沿用先前的选择</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复方式</translation>
    </message>
    <message>
        <source>by hand, in the playground</source>
        <translation>在调试台中手动填写</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>(no output yet)</source>
        <translation>（尚无输出）</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>图片 %1</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>(the image cannot be read)</source>
        <translation>（无法读取该图片）</translation>
    </message>
    <message>
        <source>Export the run&apos;s trace</source>
        <translation>导出运行轨迹</translation>
    </message>
    <message>
        <source>Open a run&apos;s trace</source>
        <translation>打开运行轨迹</translation>
    </message>
    <message>
        <source>Run traces (*.json)</source>
        <translation>运行轨迹 (*.json)</translation>
    </message>
</context>
</TS>

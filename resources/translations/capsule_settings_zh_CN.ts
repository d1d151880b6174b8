<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogModel</name>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1（推荐）</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Downloaded · checksum verified</source>
        <translation>已下载 · 校验通过</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Paused · %1 downloaded</source>
        <translation>已暂停 · 已下载 %1</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <source>Do&amp;wnload</source>
        <translation>下载(&amp;W)</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the selected download</source>
        <translation>暂停所选下载</translation>
    </message>
    <message>
        <source>Dis&amp;card…</source>
        <translation>丢弃(&amp;C)…</translation>
    </message>
    <message>
        <source>Discard the selected model&apos;s partial download</source>
        <translation>丢弃所选模型未下载完的部分</translation>
    </message>
    <message>
        <source>Sizes come from the hub when a download starts; files are checked against the hub&apos;s sha256 before they are kept.</source>
        <translation>开始下载时才会从模型仓库获取文件大小；文件保存前会按仓库提供的 sha256 校验。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Resume the selected download</source>
        <translation>继续所选下载</translation>
    </message>
    <message>
        <source>Discard download</source>
        <translation>丢弃下载</translation>
    </message>
    <message>
        <source>Discard the %1 downloaded of %2? The download starts over next time.</source>
        <translation>要丢弃 %2 已下载的 %1 吗？下次下载将从头开始。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>New GPTs</source>
        <translation>新建 GPT</translation>
    </message>
    <message>
        <source>Default embedding model</source>
        <translation>默认嵌入模型</translation>
    </message>
    <message>
        <source>New GPTs start with this model for searching their knowledge by meaning. Without one, search matches words (it works offline and for Chinese too). Type PROFILE:MODEL for a provider&apos;s embedding model.</source>
        <translation>新建的 GPT 默认用这个模型按语义检索知识库。不设置时按关键词匹配（同样可离线使用，也支持中文）。要使用模型服务的嵌入模型，请输入“服务名:模型”。</translation>
    </message>
    <message>
        <source>&amp;Embedding model:</source>
        <translation>嵌入模型(&amp;E)：</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Open in the file manager</source>
        <translation>在文件管理器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Language and theme</source>
        <translation>语言和主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>Restart Capsule Studio now</source>
        <translation>立即重启 Capsule Studio</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>None: match words only</source>
        <translation>无：仅按关键词匹配</translation>
    </message>
    <message>
        <source>Could not open %1 in a file manager; open it yourself.</source>
        <translation>无法在文件管理器中打开 %1，请手动打开。</translation>
    </message>
    <message>
        <source>Capsule Studio will speak %1 after a restart. Restart now, or the next time you start it.</source>
        <translation>重启后 Capsule Studio 将切换为 %1。可以立即重启，也可以等下次启动时生效。</translation>
    </message>
    <message>
        <source>Capsule Studio could not be started again; close it and start it.</source>
        <translation>无法重新启动 Capsule Studio，请手动关闭后再打开。</translation>
    </message>
</context>
<context>
    <name>InstalledPane</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Models on this machine</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <source>No models on this machine yet. Download one from the catalog below, or import a .gguf file you already have.</source>
        <translation>本机还没有模型。可以从下方的推荐列表下载，或导入已有的 .gguf 文件。</translation>
    </message>
    <message>
        <source>The selected model&apos;s details</source>
        <translation>所选模型的详情</translation>
    </message>
    <message>
        <source>&amp;Import a GGUF file…</source>
        <translation>导入 GGUF 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a GGUF model file</source>
        <translation>导入 GGUF 模型文件</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected model</source>
        <translation>删除所选模型</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <source>Name in the file: %1</source>
        <translation>文件中的名称：%1</translation>
    </message>
    <message>
        <source>Trained context: %1 tokens; layers: %2; chat template: %3</source>
        <translation>训练上下文：%1 个 token；层数：%2；对话模板：%3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1 is already on this machine (the same file).</source>
        <translation>%1 已在本机上（文件相同）。</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was copied.</source>
        <translation>已取消导入，未复制任何文件。</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete %1 from this machine? This frees %2 and cannot be undone.</source>
        <translation>要从本机删除 %1 吗？将释放 %2，且无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted %1 (%2 freed).</source>
        <translation>已删除 %1（释放 %2）。</translation>
    </message>
</context>
<context>
    <name>ModelsModel</name>
    <message>
        <source>Not usable</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>no chat template</source>
        <translation>无对话模板</translation>
    </message>
</context>
<context>
    <name>ModelsSection</name>
    <message>
        <source>Asking llama.cpp what this build can do…</source>
        <translation>正在查询当前 llama.cpp 构建的能力…</translation>
    </message>
    <message>
        <source>The llama.cpp build</source>
        <translation>llama.cpp 构建</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Model folder: %1</source>
        <translation>模型文件夹：%1</translation>
    </message>
    <message>
        <source>Open the model &amp;folder</source>
        <translation>打开模型文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open the model folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <source>llama.cpp could not be asked what this build can do: %1</source>
        <translation>无法查询 llama.cpp 构建的能力：%1</translation>
    </message>
    <message>
        <source>Could not open %1 in a file manager; open it yourself.</source>
        <translation>无法在文件管理器中打开 %1，请手动打开。</translation>
    </message>
</context>
<context>
    <name>ProfilesModel</name>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 (not sent over http)</source>
        <translation>%1（不经 http 发送）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Edit provider</source>
        <translation>编辑模型服务</translation>
    </message>
    <message>
        <source>Add a provider</source>
        <translation>添加模型服务</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>GPTs name the provider by this: lower-case letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;.</source>
        <translation>GPT 通过这个名称引用该服务：可用小写字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>API version (Azure)</source>
        <translation>API 版本（Azure）</translation>
    </message>
    <message>
        <source>The service&apos;s default</source>
        <translation>使用服务的默认值</translation>
    </message>
    <message>
        <source>Context size in tokens</source>
        <translation>上下文长度（token）</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>服务(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>接口地址(&amp;U)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>API 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Context size:</source>
        <translation>上下文长度(&amp;C)：</translation>
    </message>
    <message>
        <source>Save the provider</source>
        <translation>保存模型服务</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存并关闭</translation>
    </message>
    <message>
        <source>Stored in the keyring; type to replace it</source>
        <translation>已保存在密钥环中；输入新密钥即可替换</translation>
    </message>
    <message>
        <source>Stored key: %1</source>
        <translation>已保存的密钥：%1</translation>
    </message>
    <message>
        <source>https://RESOURCE.openai.azure.com/</source>
        <translation>https://RESOURCE.openai.azure.com/</translation>
    </message>
    <message>
        <source>https://host/v1</source>
        <translation>https://host/v1</translation>
    </message>
    <message>
        <source>The key is kept in your system keyring, never in a file.</source>
        <translation>密钥保存在系统密钥环中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>Optional: this service usually runs without a key.</source>
        <translation>可选：这个服务通常不需要密钥。</translation>
    </message>
    <message>
        <source>Give the provider a name.</source>
        <translation>请为模型服务起个名称。</translation>
    </message>
    <message>
        <source>Use 1-40 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; for the name, starting with a letter or digit.</source>
        <translation>名称须为 1–40 个小写字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>A provider named %1 exists already: pick another name.</source>
        <translation>已有名为 %1 的模型服务，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>ProvidersSection</name>
    <message>
        <source>Services that speak the OpenAI API: OpenAI, DeepSeek, Qwen, Moonshot, OpenRouter, or a server on your own network. API keys are kept in your system keyring and shown masked; they are never written to a file.</source>
        <translation>兼容 OpenAI API 的服务：OpenAI、DeepSeek、通义千问、Moonshot、OpenRouter，或你自己网络中的服务器。API 密钥保存在系统密钥环中，只以打码形式显示，绝不会写入文件。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <source>No providers yet. Add one to use a model that runs elsewhere: pick the service, paste its API key, and test the connection.</source>
        <translation>还没有模型服务。添加一个即可使用在其他地方运行的模型：选择服务、粘贴 API 密钥，然后测试连接。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a provider</source>
        <translation>添加模型服务</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected provider</source>
        <translation>编辑所选模型服务</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected provider</source>
        <translation>移除所选模型服务</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Test the selected provider and list its models</source>
        <translation>测试所选模型服务并列出其模型</translation>
    </message>
    <message>
        <source>Models the provider offers</source>
        <translation>该服务提供的模型</translation>
    </message>
    <message>
        <source>Saved %1. Test the connection to see its models.</source>
        <translation>已保存 %1。测试连接即可查看它提供的模型。</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 获取模型列表…</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms with %3 model(s). GPTs name them as shown below.</source>
        <translation>%1 在 %2 毫秒内返回了 %3 个模型。GPT 中按下面的名称引用它们。</translation>
    </message>
    <message>
        <source>The test failed; see above.</source>
        <translation>测试失败，详见上方。</translation>
    </message>
    <message>
        <source>%1 may now get the key over plain http.</source>
        <translation>现在允许通过普通 http 向 %1 发送密钥。</translation>
    </message>
    <message>
        <source>Remove the provider %1 and its stored API key?</source>
        <translation>要移除模型服务 %1 及其保存的 API 密钥吗？</translation>
    </message>
    <message>
        <source>%1 GPT(s) use it and will need another model: %2</source>
        <translation>有 %1 个 GPT 使用它，删除后需要改用其他模型：%2</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>移除模型服务</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
</context>
<context>
    <name>SandboxSection</name>
    <message>
        <source>Code a GPT runs goes to a Python session of its own, with time, memory, CPU, process and file-size limits on every run. On this machine:</source>
        <translation>GPT 运行的代码在独立的 Python 会话中执行，每次运行都有时间、内存、CPU、进程数和文件大小的限制。在本机上：</translation>
    </message>
    <message>
        <source>Checking what the sandbox gets here…</source>
        <translation>正在检查本机沙箱能提供哪些保护…</translation>
    </message>
    <message>
        <source>The sandbox&apos;s protections</source>
        <translation>沙箱提供的保护</translation>
    </message>
    <message>
        <source>Run GPTs&apos; code here anyway, without isolation from my files</source>
        <translation>仍然在本机运行 GPT 的代码（不与我的文件隔离）</translation>
    </message>
    <message>
        <source>Allow code without isolation</source>
        <translation>允许在无隔离的情况下运行代码</translation>
    </message>
    <message>
        <source>Nothing isolates code from your files here.</source>
        <translation>在本机上，没有任何机制能把代码与你的文件隔离开。</translation>
    </message>
    <message>
        <source>The sandbox could not be checked.</source>
        <translation>无法检查沙箱。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Checking the checksum… %1</source>
        <translation>正在校验文件… %1</translation>
    </message>
    <message>
        <source>Copying… %1 of %2</source>
        <translation>正在复制… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>正在下载… %1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Checking… %1</source>
        <translation>正在校验… %1</translation>
    </message>
    <message>
        <source>About %1 at %2 tokens of context (weights %3, KV cache %4); %5 of %6 of memory is free.</source>
        <translation>上下文 %2 个 token 时约需 %1（权重 %3，KV 缓存 %4）；内存可用 %5，共 %6。</translation>
    </message>
    <message>
        <source>auto: 0 of %1 (CPU)</source>
        <translation>自动：0/%1 层（CPU）</translation>
    </message>
    <message>
        <source>auto: %1 of %2 on the GPU</source>
        <translation>自动：%1/%2 层在 GPU 上</translation>
    </message>
    <message>
        <source>Fits in %1&apos;s free memory (%2 of %3).</source>
        <translation>%1 的可用显存足够（可用 %2，共 %3）。</translation>
    </message>
    <message>
        <source>Does not fit in %1&apos;s free memory (%2 of %3): llama.cpp may fail to load it; set fewer GPU layers in the GPT&apos;s model settings.</source>
        <translation>%1 的可用显存不足（可用 %2，共 %3）：llama.cpp 可能无法加载。请在 GPT 的模型设置中减少 GPU 层数。</translation>
    </message>
    <message>
        <source>GPU offload: GPU layers “auto” puts every layer of a model on %1 (%2 of %3 free).</source>
        <translation>GPU 加速：GPU 层数为“自动”时，模型的所有层都放在 %1 上（可用 %2，共 %3）。</translation>
    </message>
    <message>
        <source>GPU offload: none, this llama.cpp build runs on the CPU only, so GPU layers “auto” keeps every layer on the CPU. The README says how to build it with CUDA, Metal or Vulkan.</source>
        <translation>GPU 加速：无。当前 llama.cpp 构建只能在 CPU 上运行，GPU 层数为“自动”时所有层都留在 CPU 上。如需启用 CUDA、Metal 或 Vulkan，请参阅 README 中的构建说明。</translation>
    </message>
    <message>
        <source>Network: blocked by a Linux network namespace</source>
        <translation>网络：已由 Linux 网络命名空间阻断</translation>
    </message>
    <message>
        <source>Network: blocked inside Python only (this system does not allow network namespaces)</source>
        <translation>网络：仅在 Python 内部阻断（本系统不允许使用网络命名空间）</translation>
    </message>
    <message>
        <source>Network: blocked inside Python only (this system has no namespaces)</source>
        <translation>网络：仅在 Python 内部阻断（本系统没有命名空间）</translation>
    </message>
    <message>
        <source>Files: the code sees only the system, Python and its thread&apos;s folder (bubblewrap); your home folder, the app&apos;s data and settings and other threads do not exist for it</source>
        <translation>文件：代码只能看到系统、Python 和所属对话的文件夹（bubblewrap）；你的主文件夹、本应用的数据和设置以及其他对话对它都不存在</translation>
    </message>
    <message>
        <source>; Landlock (ABI %1) keeps its writes in that folder and its private /tmp</source>
        <translation>；Landlock（ABI %1）把它的写入限制在该文件夹和它自己的 /tmp 中</translation>
    </message>
    <message>
        <source>Files: the code reads only the system, Python and its thread&apos;s folder, and writes only in that folder (Landlock, ABI %1; bubblewrap could not run here)</source>
        <translation>文件：代码只能读取系统、Python 和所属对话的文件夹，并且只能写入该文件夹（Landlock，ABI %1；本机无法运行 bubblewrap）</translation>
    </message>
    <message>
        <source>Files: NOT isolated: the code can read and change everything the user nobody can</source>
        <translation>文件：未隔离：代码可以读取和修改 nobody 用户能访问的一切</translation>
    </message>
    <message>
        <source>Files: NOT isolated: the code can read and change everything you can, your home folder and the app&apos;s data and settings included</source>
        <translation>文件：未隔离：代码可以读取和修改你能访问的一切，包括主文件夹以及本应用的数据和设置</translation>
    </message>
    <message>
        <source>Processes: everything the code starts ends with its session (a Linux PID namespace)</source>
        <translation>进程：代码启动的一切都会随会话结束（Linux PID 命名空间）</translation>
    </message>
    <message>
        <source>Processes: ended with the session&apos;s process group; a program that leaves the group can outlive it</source>
        <translation>进程：随会话的进程组一起结束；脱离进程组的程序可能继续运行</translation>
    </message>
    <message>
        <source>; it sees only its own processes</source>
        <translation>；它只能看到自己的进程</translation>
    </message>
    <message>
        <source>; the machine&apos;s process list is closed to it (Landlock)</source>
        <translation>；本机的进程列表对它不可见（Landlock）</translation>
    </message>
    <message>
        <source>; it can list the machine&apos;s processes and their command lines</source>
        <translation>；它能列出本机的进程及其命令行</translation>
    </message>
    <message>
        <source>Local sockets: none of the machine&apos;s can be reached (the D-Bus session bus, which the keyring answers on, included)</source>
        <translation>本地套接字：无法访问本机的任何套接字（包括密钥环所用的 D-Bus 会话总线）</translation>
    </message>
    <message>
        <source>Local sockets: sockets that are files can be reached, the D-Bus session bus (which the keyring answers on) included</source>
        <translation>本地套接字：可以访问以文件形式存在的套接字，包括密钥环所用的 D-Bus 会话总线</translation>
    </message>
    <message>
        <source>Temporary files: a private /tmp, removed with the session</source>
        <translation>临时文件：使用私有的 /tmp，随会话删除</translation>
    </message>
    <message>
        <source>Temporary files: kept in the session&apos;s own folder and removed with it; the shared /tmp is closed to the code</source>
        <translation>临时文件：保存在会话自己的文件夹中并随之删除；代码无法访问共享的 /tmp</translation>
    </message>
    <message>
        <source>Temporary files: the shared /tmp; what the code leaves there stays</source>
        <translation>临时文件：使用共享的 /tmp；代码留下的文件会一直保留</translation>
    </message>
    <message>
        <source>User: the code runs as the unprivileged user nobody</source>
        <translation>用户：代码以无特权用户 nobody 身份运行</translation>
    </message>
    <message>
        <source>User: the code runs as %1, with your file permissions</source>
        <translation>用户：代码以 %1 身份运行，拥有你的文件权限</translation>
    </message>
    <message>
        <source>User: the code runs as you, with your file permissions</source>
        <translation>用户：代码以你的身份运行，拥有你的文件权限</translation>
    </message>
    <message>
        <source>Nothing on this computer can keep code a GPT runs away from your files: it could read your home folder, your SSH keys and the app&apos;s conversations and settings, and change them (a changed settings file can send your API keys elsewhere). Such code can come from a shared capsule&apos;s instructions or documents, not only from you.</source>
        <translation>这台电脑无法阻止 GPT 运行的代码访问你的文件：它可以读取并修改你的主文件夹、SSH 密钥以及本应用的对话和设置（被改动的设置文件可能把你的 API 密钥发往别处）。这样的代码不仅可能来自你自己，也可能来自他人分享的胶囊中的指令或文档。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <source>Local models</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Code sandbox</source>
        <translation>代码沙箱</translation>
    </message>
</context>
</TS>

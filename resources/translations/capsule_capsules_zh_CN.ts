<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CapsuleFlows</name>
    <message>
        <source>Import a GPT</source>
        <translation>导入 GPT</translation>
    </message>
    <message>
        <source>Capsules and GPTs from other apps (*.capsule *.json *.png)</source>
        <translation>胶囊文件及其他应用的 GPT (*.capsule *.json *.png)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Capsules</name>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>正在解密…</translation>
    </message>
    <message>
        <source>Unpacking…</source>
        <translation>正在解包…</translation>
    </message>
    <message>
        <source>Indexing the knowledge…</source>
        <translation>正在索引知识库…</translation>
    </message>
    <message>
        <source>Adding it to the library…</source>
        <translation>正在添加到 GPT 列表…</translation>
    </message>
    <message>
        <source>Reading the knowledge…</source>
        <translation>正在读取知识库…</translation>
    </message>
    <message>
        <source>Packing…</source>
        <translation>正在打包…</translation>
    </message>
    <message>
        <source>Packing and encrypting…</source>
        <translation>正在打包并加密…</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>第 %1 个，共 %2 个文件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Knowledge file</source>
        <translation>知识文件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Built index</source>
        <translation>已建索引</translation>
    </message>
    <message>
        <source>Unsigned: nothing says who made it.</source>
        <translation>未签名：无法确认制作者。</translation>
    </message>
    <message>
        <source>Bad signature: %1</source>
        <translation>签名无效：%1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Signed by %1 %2</source>
        <translation>由 %1 签名，指纹 %2</translation>
    </message>
    <message>
        <source>(trusted as %1)</source>
        <translation>（已信任为 %1）</translation>
    </message>
    <message>
        <source>(not a signer you trust yet)</source>
        <translation>（尚未信任此签名者）</translation>
    </message>
    <message>
        <source>the signature is malformed</source>
        <translation>签名格式有误</translation>
    </message>
    <message>
        <source>the signature does not match its signer’s key</source>
        <translation>签名与签名者的密钥不符</translation>
    </message>
    <message>
        <source>the contents changed after signing (%1)</source>
        <translation>签名后内容被改动过（%1）</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>1 chunk</source>
        <translation>1 个片段</translation>
    </message>
    <message>
        <source>%1 chunks</source>
        <translation>%1 个片段</translation>
    </message>
    <message>
        <source>%1, embedded by %2</source>
        <translation>%1，嵌入模型：%2</translation>
    </message>
    <message>
        <source>an API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>a user name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>OAuth 2 client credentials</source>
        <translation>OAuth 2 客户端凭据</translation>
    </message>
    <message>
        <source>Answers through the provider “%1” (%2): conversations and knowledge excerpts go there.</source>
        <translation>通过服务商“%1”（%2）回答：对话内容和知识库摘录会发送到那里。</translation>
    </message>
    <message>
        <source>Runs Python code it writes (code interpreter), in a sandbox.</source>
        <translation>在沙箱中运行它自己编写的 Python 代码（代码解释器）。</translation>
    </message>
    <message>
        <source>Fetches web pages the model chooses (each host asks for consent first).</source>
        <translation>抓取模型选定的网页（首次访问每个主机前都会征求你的同意）。</translation>
    </message>
    <message>
        <source>Fetches web pages and searches with %1 (%2); each host asks for consent first.</source>
        <translation>抓取网页，并用 %1（%2）搜索；首次访问每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>Generates images through the provider “%1” (%2).</source>
        <translation>通过服务商“%1”（%2）生成图片。</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>no known host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>Calls the action “%1” on %2 with %3; each host asks for consent before its first call.</source>
        <translation>调用动作“%1”（访问 %2，身份验证：%3）；首次调用每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>Calls the action “%1” on %2; each host asks for consent before its first call.</source>
        <translation>调用动作“%1”（访问 %2）；首次调用每个主机前都会征求你的同意。</translation>
    </message>
    <message>
        <source>API key for the action “%1”</source>
        <translation>动作“%1”的 API 密钥</translation>
    </message>
    <message>
        <source>Bearer token for the action “%1”</source>
        <translation>动作“%1”的 Bearer 令牌</translation>
    </message>
    <message>
        <source>User name for the action “%1”</source>
        <translation>动作“%1”的用户名</translation>
    </message>
    <message>
        <source>Password for the action “%1”</source>
        <translation>动作“%1”的密码</translation>
    </message>
    <message>
        <source>Client ID for the action “%1”</source>
        <translation>动作“%1”的客户端 ID</translation>
    </message>
    <message>
        <source>Client secret for the action “%1”</source>
        <translation>动作“%1”的客户端密钥</translation>
    </message>
    <message>
        <source>API key of the provider “%1” (%2)</source>
        <translation>服务商“%1”（%2）的 API 密钥</translation>
    </message>
    <message>
        <source>%1 API key (web search)</source>
        <translation>%1 API 密钥（网页搜索）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>an OpenAI Assistant</source>
        <translation>OpenAI Assistant</translation>
    </message>
    <message>
        <source>an OpenAI GPT configuration</source>
        <translation>OpenAI GPT 配置</translation>
    </message>
    <message>
        <source>an OpenAI prompt</source>
        <translation>OpenAI 提示词</translation>
    </message>
    <message>
        <source>an Open WebUI model</source>
        <translation>Open WebUI 模型</translation>
    </message>
    <message>
        <source>a LobeHub agent</source>
        <translation>LobeHub 助手</translation>
    </message>
    <message>
        <source>a Character Card</source>
        <translation>角色卡</translation>
    </message>
    <message>
        <source>It has no name; it is called “%1”.</source>
        <translation>它没有名称，已命名为“%1”。</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 conversation starters were kept.</source>
        <translation>共有 %2 个开场白，只保留了前 %1 个。</translation>
    </message>
    <message>
        <source>The temperature %1 is outside 0–2; the default is used.</source>
        <translation>温度 %1 超出 0–2 的范围，已改用默认值。</translation>
    </message>
    <message>
        <source>top_p %1 is outside 0–1; the default is used.</source>
        <translation>top_p %1 超出 0–1 的范围，已改用默认值。</translation>
    </message>
    <message>
        <source>The picture is a web link; it was not fetched (no avatar).</source>
        <translation>图片是网络链接，没有下载（不设头像）。</translation>
    </message>
    <message>
        <source>The picture is not valid base64; it was left out.</source>
        <translation>图片不是有效的 base64 数据，已略去。</translation>
    </message>
    <message>
        <source>The picture is too large or not PNG, JPEG, GIF or WebP; it was left out.</source>
        <translation>图片过大，或不是 PNG、JPEG、GIF、WebP 格式，已略去。</translation>
    </message>
    <message>
        <source>The avatar is not a single emoji; the GPT shows its initial.</source>
        <translation>头像不是单个表情符号，GPT 将显示名称的首字。</translation>
    </message>
    <message>
        <source>No model was named: choose one for this GPT.</source>
        <translation>文件中没有指定模型：请为此 GPT 选择一个。</translation>
    </message>
    <message>
        <source>The prompt names no model: choose one for this GPT.</source>
        <translation>此提示词没有指定模型：请为此 GPT 选择一个。</translation>
    </message>
    <message>
        <source>The model %1 is used through your provider profile “%2”.</source>
        <translation>模型 %1 将通过你的服务商配置“%2”使用。</translation>
    </message>
    <message>
        <source>The model %1 became the local model “%2”; check that it fits.</source>
        <translation>模型 %1 已换成本地模型“%2”，请确认是否合适。</translation>
    </message>
    <message>
        <source>Dropped the tool “%1”: it has no counterpart here.</source>
        <translation>已舍弃工具“%1”：这里没有对应的功能。</translation>
    </message>
    <message>
        <source>Dropped the response format: answers here are free text.</source>
        <translation>已舍弃回复格式设置：这里的回答均为自由文本。</translation>
    </message>
    <message>
        <source>Dropped canvas: there is no canvas here.</source>
        <translation>已舍弃画布（Canvas）：这里没有画布功能。</translation>
    </message>
    <message>
        <source>Dropped vision: this GPT reads text only.</source>
        <translation>已舍弃视觉能力：此 GPT 只读取文本。</translation>
    </message>
    <message>
        <source>Dropped the presence and frequency penalties: they are not set here.</source>
        <translation>已舍弃存在惩罚和频率惩罚：这里不设置这两项。</translation>
    </message>
    <message>
        <source>Dropped %1 alternate greeting(s).</source>
        <translation>已舍弃 %1 条备选问候语。</translation>
    </message>
    <message>
        <source>It used %1 file(s) or vector store(s) kept at OpenAI (%2): download them and add them to the knowledge.</source>
        <translation>它用到了 %1 个存放在 OpenAI 的文件或向量库（%2）：请下载后添加到知识库。</translation>
    </message>
    <message>
        <source>Its %1 knowledge file(s) are not in the configuration (%2): add them to the knowledge.</source>
        <translation>它的 %1 个知识文件不在配置中（%2）：请自行添加到知识库。</translation>
    </message>
    <message>
        <source>Its knowledge (%1) stays in %2: export those files and add them to the knowledge.</source>
        <translation>它的知识库（%1）仍留在 %2 中：请导出这些文件并添加到知识库。</translation>
    </message>
    <message>
        <source>Web browsing fetches pages; choose a search service to search too.</source>
        <translation>网页浏览只能抓取网页；如需搜索，请再选择一个搜索服务。</translation>
    </message>
    <message>
        <source>Image generation needs a provider with an images endpoint: set one in the GPT’s capabilities to switch it on.</source>
        <translation>图像生成需要支持图像接口的服务商：请在此 GPT 的“能力”中设置后再开启。</translation>
    </message>
    <message>
        <source>The opening message became a line of the instructions.</source>
        <translation>开场消息已作为一行写入指令。</translation>
    </message>
    <message>
        <source>The greeting (first_mes) became part of the instructions.</source>
        <translation>问候语（first_mes）已写入指令。</translation>
    </message>
    <message>
        <source>The action “%1” used OAuth with a user sign-in; here OAuth 2 works with client credentials only: check its auth.</source>
        <translation>动作“%1”使用需要用户登录的 OAuth；这里的 OAuth 2 只支持客户端凭据：请检查它的身份验证设置。</translation>
    </message>
    <message>
        <source>The variables %1 have no value here; the instructions keep them as {{name}}: edit them in.</source>
        <translation>变量 %1 在这里没有值，指令中仍保留为 {{name}} 形式：请手动填入。</translation>
    </message>
    <message>
        <source>Left out %1 disabled or empty character book entries.</source>
        <translation>略去了 %1 个已停用或为空的角色书条目。</translation>
    </message>
    <message>
        <source>The character book’s %1 entries became knowledge; they are found by relevance, not by the book’s keyword triggers.</source>
        <translation>角色书的 %1 个条目已转为知识库；检索时按相关性查找，而不是按角色书的关键词触发。</translation>
    </message>
    <message>
        <source>The action “%1” cannot be read: %2</source>
        <translation>无法读取动作“%1”：%2</translation>
    </message>
    <message>
        <source>Its signature is bad, so it will not be imported.</source>
        <translation>签名无效，因此不予导入。</translation>
    </message>
    <message>
        <source>The name was cut to %1 characters.</source>
        <translation>名称过长，已截短为 %1 个字符。</translation>
    </message>
    <message>
        <source>The description was cut to %1 characters.</source>
        <translation>简介过长，已截短为 %1 个字符。</translation>
    </message>
    <message>
        <source>A conversation starter was cut to %1 characters.</source>
        <translation>有一个开场白过长，已截短为 %1 个字符。</translation>
    </message>
    <message>
        <source>The model %1 (%2) has no provider profile or file on this machine, so the GPT uses a local model: choose one (or add a provider profile and switch to it).</source>
        <translation>本机没有可用于模型 %1（%2）的服务商配置或模型文件，此 GPT 将改用本地模型：请选择一个（或添加服务商配置后切换过去）。</translation>
    </message>
    <message>
        <source>The model %1 has no provider profile or file on this machine, so the GPT uses a local model: choose one (or add a provider profile and switch to it).</source>
        <translation>本机没有可用于模型 %1 的服务商配置或模型文件，此 GPT 将改用本地模型：请选择一个（或添加服务商配置后切换过去）。</translation>
    </message>
    <message>
        <source>Dropped metadata (%1): a GPT has nowhere to keep it.</source>
        <translation>已舍弃元数据（%1）：GPT 没有地方保存它们。</translation>
    </message>
    <message>
        <source>Dropped function tools (%1): they name no endpoint to call; describe the API as an OpenAPI action instead.</source>
        <translation>已舍弃函数工具（%1）：它们没有指明要调用的接口地址；请改用 OpenAPI 动作来描述该 API。</translation>
    </message>
    <message>
        <source>Dropped tools (%1): Open WebUI’s tools are Python code of its own.</source>
        <translation>已舍弃工具（%1）：Open WebUI 的工具是它专有的 Python 代码。</translation>
    </message>
    <message>
        <source>Dropped tags (%1): GPTs have no tags.</source>
        <translation>已舍弃标签（%1）：GPT 没有标签。</translation>
    </message>
    <message>
        <source>Dropped plugins (%1): LobeHub plugins do not run here.</source>
        <translation>已舍弃插件（%1）：LobeHub 插件无法在这里运行。</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1，另有 %2 项</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Export a GPT</source>
        <translation>导出 GPT</translation>
    </message>
    <message>
        <source>Capsule (.capsule), with its knowledge</source>
        <translation>胶囊文件 (.capsule)，含知识库</translation>
    </message>
    <message>
        <source>Open WebUI model (JSON)</source>
        <translation>Open WebUI 模型 (JSON)</translation>
    </message>
    <message>
        <source>OpenAI Assistant (JSON)</source>
        <translation>OpenAI Assistant (JSON)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>保存的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>导出信息</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the GPT</source>
        <translation>导出此 GPT</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Capsule options</source>
        <translation>胶囊选项</translation>
    </message>
    <message>
        <source>Leave empty for no password</source>
        <translation>留空则不设密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Keep the name and description readable without the password</source>
        <translation>不输入密码也能看到名称和简介</translation>
    </message>
    <message>
        <source>Readable header</source>
        <translation>公开的基本信息</translation>
    </message>
    <message>
        <source>Include the built index (larger file; no indexing again on import)</source>
        <translation>包含已建好的索引（文件更大，导入时无需重新索引）</translation>
    </message>
    <message>
        <source>Include the index</source>
        <translation>包含索引</translation>
    </message>
    <message>
        <source>Sign it with my key</source>
        <translation>用我的密钥签名</translation>
    </message>
    <message>
        <source>Sign the capsule</source>
        <translation>为胶囊签名</translation>
    </message>
    <message>
        <source>Shown to whoever imports it</source>
        <translation>导入者会看到</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Save the GPT as</source>
        <translation>将 GPT 另存为</translation>
    </message>
    <message>
        <source>Capsules (*.capsule)</source>
        <translation>胶囊文件 (*.capsule)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this export?</source>
        <translation>%1 已存在。要用这次导出的文件替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>已保存到 %1（%2）。</translation>
    </message>
    <message>
        <source>Signed with %1.</source>
        <translation>已用 %1 签名。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Left out or changed:</source>
        <translation>未包含或有改动的内容：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>Import a GPT</source>
        <translation>导入 GPT</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>The password the capsule was exported with</source>
        <translation>导出胶囊时设置的密码</translation>
    </message>
    <message>
        <source>Capsule password</source>
        <translation>胶囊密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock the capsule</source>
        <translation>解锁胶囊</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>无法导入的原因</translation>
    </message>
    <message>
        <source>What the import says</source>
        <translation>导入结果说明</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the GPT</source>
        <translation>导入此 GPT</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>It was changed after it was signed, so it is not imported.</source>
        <translation>此文件在签名后被改动过，因此不予导入。</translation>
    </message>
    <message>
        <source>Wrong password. Check it and try again.</source>
        <translation>密码错误，请检查后重试。</translation>
    </message>
    <message>
        <source>This file was changed after it was exported (damaged or tampered with), so it is not imported. Ask its author for a fresh copy.</source>
        <translation>此文件在导出后被改动过（已损坏或被篡改），因此不予导入。请向作者重新索取一份。</translation>
    </message>
    <message>
        <source>Keys still to set, in the GPT&apos;s builder: %1</source>
        <translation>还需在 GPT 的构建页中设置的密钥：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Imported “%1”. Worth knowing:</source>
        <translation>已导入“%1”。请留意：</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added.</source>
        <translation>已取消导入，没有添加任何内容。</translation>
    </message>
</context>
<context>
    <name>InspectView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Author and format</source>
        <translation>作者和格式</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Trust this fingerprint</source>
        <translation>信任此指纹</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What it would enable</source>
        <translation>将会启用的功能</translation>
    </message>
    <message>
        <source>Dropped or changed on the way</source>
        <translation>转换时舍弃或改动的内容</translation>
    </message>
    <message>
        <source>Keys it needs</source>
        <translation>所需的密钥</translation>
    </message>
    <message>
        <source>About keys</source>
        <translation>关于密钥</translation>
    </message>
    <message>
        <source>A capsule never carries keys. Enter your own; they go to your system&apos;s keyring. Leave a field empty to set it later.</source>
        <translation>胶囊从不携带密钥。请填写你自己的密钥，它们会保存在系统钥匙串中。留空的可以以后再设置。</translation>
    </message>
    <message>
        <source>Replace the GPT with the same id</source>
        <translation>替换 ID 相同的 GPT</translation>
    </message>
    <message>
        <source>Reaches: %1</source>
        <translation>会访问：%1</translation>
    </message>
    <message>
        <source>Nothing beyond answering.</source>
        <translation>仅回答问题，不启用其他功能。</translation>
    </message>
    <message>
        <source>Names files it does not hold (add them to its knowledge): %1</source>
        <translation>提到了未包含的文件（请自行添加到知识库）：%1</translation>
    </message>
    <message>
        <source>Replace the GPT “%1” that has the same id (its versions stay in history)</source>
        <translation>替换 ID 相同的 GPT“%1”（旧版本保留在历史记录中）</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <source>Capsule</source>
        <translation>胶囊文件</translation>
    </message>
    <message>
        <source>Encrypted capsule</source>
        <translation>加密的胶囊文件</translation>
    </message>
    <message>
        <source>From another app: %1</source>
        <translation>来自其他应用：%1</translation>
    </message>
    <message>
        <source>Already set here; leave empty to keep it</source>
        <translation>本机已设置；留空则保留原值</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
</context>
</TS>
